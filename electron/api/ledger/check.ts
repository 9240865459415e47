import { z } from 'zod';
import { integrityProblems } from '../../../core/billing/integrity';
import { integrityFacts } from '../../../db/billing/integrity';
import { handler } from '../define';
import { VOIDERS } from '../payments/access';

/**
 * 账户核对: recomputes every cached total and document effect from the rows
 * it summarises and lists what disagrees (an empty list is the good answer).
 */
export const checkAccounts = handler({
  access: VOIDERS,
  write: false,
  input: z.object({}).strict().default({}),
  run(ctx) {
    const facts = integrityFacts(ctx.db);
    return {
      checkedAt: ctx.now().toISOString(),
      bills: facts.bills.length,
      payments: facts.payments.length,
      reversals: facts.reversals.length,
      sequences: facts.sequences.map((s) => ({ sequence: s.sequence, issued: s.counterValue })),
      problems: integrityProblems(facts),
    };
  },
});
