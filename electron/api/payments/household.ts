import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatFen } from '../../../core/money';
import { loadBills, openBills } from '../../../db/billing/bill-state';
import { householdPeople } from '../../../db/billing/households';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { paymentsOfHousehold } from '../../../db/billing/payments';
import { households } from '../../../db/schema';
import { handler } from '../define';
import { notFound } from '../errors';
import { id } from '../schemas';
import { DESK } from './access';
import { billView, paymentView } from './views';

/** What the desk sees for one household: its people, balance, open bills (in paying order), every bill and its receipts. */
export const householdAccount = handler({
  access: DESK,
  write: false,
  input: z.object({ householdId: id }),
  run(ctx, { householdId }) {
    const household = ctx.db.select().from(households).where(eq(households.id, householdId)).get();
    if (!household) throw notFound('该家庭', 'family');
    const today = ctx.today();
    const bills = loadBills(ctx.db, today, [householdId]);
    const people = householdPeople(ctx.db, [householdId]).get(householdId)!;
    return {
      today,
      household: { id: household.id, address: household.address, label: people.label },
      children: people.children,
      guardians: people.guardians,
      balance: formatFen(householdBalanceFen(ctx.db, householdId)),
      openBills: openBills(bills).map(billView),
      // Newest first; replaced revisions are history, shown on the bill that replaced them.
      bills: bills.filter((b) => b.status !== 'replaced').reverse().map(billView),
      payments: paymentsOfHousehold(ctx.db, householdId, 200).map(paymentView),
    };
  },
});
