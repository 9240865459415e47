import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { PAYMENT_METHODS } from '../../../core/billing/payments';
import { formatFen } from '../../../core/money';
import { householdPeople } from '../../../db/billing/households';
import { loadPayments } from '../../../db/billing/payments';
import { payments } from '../../../db/schema';
import { handler } from '../define';
import { isoDate } from '../schemas';
import { DESK } from './access';
import { paymentView } from './views';

/** The receipts of one day (today by default), with totals per method: what the desk counts at closing. */
export const dayPayments = handler({
  access: DESK,
  write: false,
  input: z.object({ date: isoDate.nullable().default(null) }),
  run(ctx, input) {
    const date = input.date ?? ctx.today();
    const rows = loadPayments(ctx.db, and(eq(payments.paidOn, date), eq(payments.direction, 'in')), 1000);
    const people = householdPeople(ctx.db, rows.map((p) => p.householdId));
    const live = rows.filter((p) => p.void === null);
    const byMethod = PAYMENT_METHODS.map((method) => ({
      method,
      count: live.filter((p) => p.method === method).length,
      amount: formatFen(live.filter((p) => p.method === method).reduce((s, p) => s + p.amountFen, 0)),
    })).filter((m) => m.count > 0);
    return {
      date,
      today: ctx.today(),
      total: formatFen(live.reduce((s, p) => s + p.amountFen, 0)),
      byMethod,
      payments: rows.map((p) => ({ ...paymentView(p), householdLabel: people.get(p.householdId)?.label ?? '' })),
    };
  },
});
