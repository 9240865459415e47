import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  checkCustodyFee,
  checkEarlyCareSurcharge,
  checkEducationFee,
  checkFeeName,
  checkVacationDayRate,
  type Violation,
} from '../../core/charging';
import { kindergarten } from '../../db/schema';
import { handler } from './define';
import { notFound } from './errors';
import { msg } from './messages';
import { resolvePolicy } from './policies';
import { amountInput, shortText } from './schemas';

const optionalAmount = z.union([z.literal(''), amountInput().max(9, msg('金额太大', 'The amount is too large'))]).default('');

export const chargingHandlers = {
  /**
   * 收费标准自查: the kindergarten's planned standards against the notice in
   * force (benchmark and float, custody cap, early-care surcharge, vacation
   * day rate, forbidden fee kinds). Nothing is stored.
   */
  'charging.check': handler({
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
      const violations: Violation[] = [];
      const checked: string[] = [];
      // NT-1.1 floats apply to public kindergartens (and inclusive private ones managed like them).
      if (input.educationFee && profile.grade && profile.fundingType) {
        violations.push(...checkEducationFee(policy, { grade: profile.grade, funding: profile.fundingType, monthlyFee: input.educationFee }));
        checked.push('保教费标准');
      }
      if (input.educationFee && input.earlyCareFee) {
        violations.push(...checkEarlyCareSurcharge(policy, { normalFee: input.educationFee, chargedFee: input.earlyCareFee }));
        checked.push('托班（3岁以下）保教费');
      }
      if (input.custodyFee) {
        violations.push(...checkCustodyFee(policy, { monthlyFee: input.custodyFee, agreementSigned: input.custodyAgreement }));
        checked.push('托管费');
      }
      if (input.normalDailyRate && input.vacationDailyRate) {
        violations.push(...checkVacationDayRate(policy, { normalDailyRate: input.normalDailyRate, vacationDailyRate: input.vacationDailyRate }));
        checked.push('寒暑假托管日收费');
      }
      for (const name of input.otherFees) violations.push(...checkFeeName(policy, name));
      if (input.otherFees.length > 0) checked.push('其他收费项目');
      return { policy: { id: policy.id, name: policy.name }, checked, violations };
    },
  }),
};
