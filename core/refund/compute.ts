import type { LegalCalendar } from '../calendar';
import { formatAmount, roundToFen, ZERO } from '../money';
import { buildContext, type PolicyLookup } from './context';
import { explainLine } from './explain';
import { explainLineEn } from './explain-en';
import { computeLine } from './lines';
import type { RefundCase, RefundLine, RefundResult } from './types';

export interface RefundOptions {
  /** Finds policies that are not built in (a kindergarten's copies); built-ins are always found. */
  policies?: PolicyLookup;
}

const noCopies: PolicyLookup = () => undefined;

/**
 * Computes the refund for one child-month (or, for whole-semester policies, one semester) by
 * the case's fee notice. Throws RefundInputError for invalid input and
 * CalendarMissingError when W is unknown and not given.
 */
export function computeRefund(input: RefundCase, calendar: LegalCalendar, options: RefundOptions = {}): RefundResult {
  const ctx = buildContext(input, calendar, options.policies ?? noCopies);
  let total = ZERO;
  const lines: RefundLine[] = ctx.fees.map((fee) => {
    const line = computeLine(ctx, fee);
    const rounded = roundToFen(line.exact);
    total = total.plus(rounded);
    const refund = formatAmount(rounded);
    const part = line.part;
    return {
      item: fee.item,
      refund,
      clause: line.clause,
      explanation: explainLine(ctx, line, refund),
      explanationEn: explainLineEn(ctx, line, refund),
      inputs: {
        d: ctx.d,
        W: ctx.W,
        closureDays: ctx.closureDays,
        rate: part.kind === 'tiers' ? part.rate.toString() : null,
        base: formatAmount(line.base),
        paid: formatAmount(fee.paid),
        dailyRate: fee.dailyRate ? formatAmount(fee.dailyRate) : null,
        ...(line.share ? { semesterMonths: line.share.months } : {}),
        ...(line.later ? { laterMonths: line.later.months.length } : {}),
        ...(part.kind === 'tiers' && part.closure ? { tierClause: part.rule.clause } : {}),
      },
    };
  });
  return {
    policy: ctx.policy.id,
    month: ctx.month,
    legalWorkingDays: ctx.W,
    lines,
    total: formatAmount(total),
  };
}
