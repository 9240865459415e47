import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { selfCheck } from '../../core/fee-standards';
import { kindergarten } from '../../db/schema';
import { handler } from './define';
import { notFound } from './errors';
import { msg } from './messages';
import { resolvePolicy } from './policies';
import { amountInput, shortText } from './schemas';

const optionalAmount = z.union([z.literal(''), amountInput().max(9, msg('金额太大', 'The amount is too large'))]).default('');

export const feeStandardsHandlers = {
  /**
   * 收费标准自查: the kindergarten's planned standards against the notice in
   * force (benchmark and float, custody cap, early-care surcharge, vacation
   * day rate, forbidden fee kinds). Nothing is stored.
   */
  'feeStandards.check': handler({
    access: ['principal', 'finance'],
    write: false,
    input: z.object({
      educationFee: optionalAmount,
      earlyCareFee: optionalAmount,
      custodyFee: optionalAmount,
      custodyAgreement: z.boolean().default(true),
      normalDailyRate: optionalAmount,
      vacationDailyRate: optionalAmount,
      otherFees: z.array(shortText('收费项目名称', 40)).max(30).default([]),
    }),
    run(ctx, input) {
      const profile = ctx.db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get();
      if (!profile) throw notFound('幼儿园资料', 'kindergarten profile');
      const policy = resolvePolicy(ctx, profile.policyId);
      const { checked, violations } = selfCheck(policy, profile, input);
      return { policy: { id: policy.id, name: policy.name }, checked, violations };
    },
  }),
};
