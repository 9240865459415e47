import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { statement } from '../../../core/billing/statement';
import { formatFen } from '../../../core/money';
import { accountEntries } from '../../../db/billing/account';
import { householdPeople } from '../../../db/billing/households';
import { households, kindergarten } from '../../../db/schema';
import type { HandlerContext } from '../define';
import { invalid, notFound } from '../errors';
import type { accountInput } from './inputs';

/** The statement the ledger screen, its print and its export share: opening balance, entries with running balance, closing. */
export function householdStatement(ctx: HandlerContext, input: z.output<typeof accountInput>) {
  const household = ctx.db.select().from(households).where(eq(households.id, input.householdId)).get();
  if (!household) throw notFound('该家庭', 'family');
  const people = householdPeople(ctx.db, [household.id]).get(household.id)!;
  if (input.childId !== null && !people.children.some((c) => c.id === input.childId)) {
    throw invalid('所选幼儿不属于这个家庭', 'That child is not in this family.', { childId: '幼儿不属于这个家庭' });
  }
  const s = statement(accountEntries(ctx.db, household.id, input.childId), input.from, input.to);
  return {
    kindergartenName: ctx.db.select({ name: kindergarten.name }).from(kindergarten).get()?.name ?? '',
    today: ctx.today(),
    household: { id: household.id, label: people.label, address: household.address },
    children: people.children,
    childId: input.childId,
    from: input.from,
    to: input.to,
    opening: formatFen(s.openingFen),
    closing: formatFen(s.closingFen),
    debits: formatFen(s.debitsFen),
    credits: formatFen(s.creditsFen),
    entries: s.entries.map(({ amountFen, balanceFen, ...e }) => ({ ...e, amount: formatFen(amountFen), balance: formatFen(balanceFen) })),
  };
}
