// Time-based tiers (XA-S1): a pupil leaving school is refunded by how far into
// term they left. Kindergartens do not use it; the policy format must still
// say it, and this is how it is read.
import { addMonthsToDate, parseDate } from '../calendar/dates';
import { Decimal, formatAmount, formatPercent, parseAmount } from '../money';
import type { Policy } from './schema';
import { findTier } from './tiers';

/**
 * 0 when leaving before term starts; otherwise the month of term the date
 * falls in, each month inclusive of its last day: term from 09-01, leaving on
 * 10-01 is "within the 1st month (inclusive)" = 1, on 10-02 it is 2.
 */
export function termMonthsElapsed(termStart: string, leaveDate: string): number {
  if (!parseDate(termStart) || !parseDate(leaveDate)) throw new RangeError(`not a date: ${termStart} / ${leaveDate}`);
  if (leaveDate < termStart) return 0;
  let months = 1;
  while (leaveDate > addMonthsToDate(termStart, months)) months++;
  return months;
}

export interface SchoolWithdrawalRefund {
  refund: string;
  rate: string;
  clause: string;
  monthsElapsed: number;
  explanation: string;
}

/** Refund of a semester's tuition and accommodation (`paid`) under the policy's schoolWithdrawal rule. */
export function schoolWithdrawalRefund(
  policy: Policy,
  args: { paid: string; termStart: string; leaveDate: string },
): SchoolWithdrawalRefund {
  const rule = policy.schoolWithdrawal === undefined ? undefined : policy.rules[policy.schoolWithdrawal];
  if (rule?.kind !== 'tiers' || rule.measure !== 'termMonthsElapsed') {
    throw new RangeError(`policy ${policy.id} has no time-based withdrawal rule`);
  }
  const months = termMonthsElapsed(args.termStart, args.leaveDate);
  const rate = new Decimal(findTier(rule, months, 0).tier.rate);
  const refund = formatAmount(parseAmount(args.paid).times(rate));
  const when = months === 0 ? '开学前申请退学' : `开学后第 ${months} 个月内申请退学`;
  const cite = policy.clauses[rule.clause]?.cite ?? rule.clause;
  return {
    refund,
    rate: rate.toString(),
    clause: rule.clause,
    monthsElapsed: months,
    explanation: `${when}，依${cite}退还学费和住宿费 ${formatPercent(rate)}，计 ${refund} 元。`,
  };
}
