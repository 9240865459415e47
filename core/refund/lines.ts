// One refund line per fee item, computed exactly and rounded once at the end.
//
// Semester shares: share = paid / months is kept exact (1000 / 3 is not
// rounded to 333.33), the month's refund and any later months are added
// exactly, and only the line total is rounded half-up. Three shares therefore
// sum back to the amount paid, and a withdrawal in the first month with full
// refund of the rest never drifts by a fen.
import { Decimal, ZERO } from '../money';
import type { Rule, Tier, TiersRule } from '../policies/schema';
import { findTier } from '../policies/tiers';
import type { PaidFee, RefundContext } from './context';

export interface TierPart {
  kind: 'tiers';
  rule: TiersRule;
  tier: Tier;
  rate: Decimal;
  /** agreed: the case's agreedRate; default: a negotiable tier without agreement. */
  negotiated: 'agreed' | 'default' | null;
  /** Present when a closure refund was computed first (NT-3.3b). */
  closure: { clause: string; refund: Decimal; remainder: Decimal; tierRefund: Decimal } | null;
}

export interface PerDayPart {
  kind: 'perDay';
  clause: string;
  /** dailyRate x d, when a daily rate was given. */
  charged: Decimal | null;
}

export interface FullPart {
  kind: 'full';
  clause: string;
}

export interface LineComputation {
  fee: PaidFee;
  /** What the rule applied to: the month's fee, the semester share, or the semester fee. */
  base: Decimal;
  /** The refund period's refund before later months. */
  periodRefund: Decimal;
  part: TierPart | PerDayPart | FullPart;
  share: { months: number; value: Decimal } | null;
  later: { months: readonly string[]; refund: Decimal } | null;
  /** Exact refund of the line, within [0, paid], before the single rounding. */
  exact: Decimal;
  clause: string;
}

export function tierRate(tier: Tier, agreedRate: Decimal | null): { rate: Decimal; negotiated: TierPart['negotiated'] } {
  if (!tier.negotiable) return { rate: new Decimal(tier.rate), negotiated: null };
  if (agreedRate) return { rate: agreedRate, negotiated: 'agreed' };
  return { rate: new Decimal(tier.defaultRate ?? tier.rate), negotiated: 'default' };
}

function applyTiers(ctx: RefundContext, fee: PaidFee, rule: TiersRule, base: Decimal): { refund: Decimal; part: TierPart } {
  const { tier } = findTier(rule, ctx.d, ctx.W);
  const { rate, negotiated } = tierRate(tier, ctx.agreedRate);
  const closureRule = fee.rules.closure === undefined ? undefined : ctx.policy.rules[fee.rules.closure];
  if (!closureRule || ctx.closureDays === 0) {
    return { refund: base.times(rate), part: { kind: 'tiers', rule, tier, rate, negotiated, closure: null } };
  }
  // NT-3.3b: the closed days pro rata, then the tier on the remainder only,
  // thresholds still measured against W; c/W + rate x (W-c)/W never exceeds 1.
  const closureRefund = base.times(ctx.closureDays).dividedBy(ctx.W);
  const remainder = base.minus(closureRefund);
  const tierRefund = remainder.times(rate);
  return {
    refund: closureRefund.plus(tierRefund),
    part: {
      kind: 'tiers',
      rule,
      tier,
      rate,
      negotiated,
      closure: { clause: closureRule.clause, refund: closureRefund, remainder, tierRefund },
    },
  };
}

function applyPerDay(ctx: RefundContext, fee: PaidFee, clause: string, base: Decimal): { refund: Decimal; part: PerDayPart } {
  if (fee.dailyRate) {
    const charged = fee.dailyRate.times(ctx.d);
    return { refund: Decimal.max(ZERO, base.minus(charged)), part: { kind: 'perDay', clause, charged } };
  }
  return { refund: base.times(ctx.W - ctx.d).dividedBy(ctx.W), part: { kind: 'perDay', clause, charged: null } };
}

function ruleFor(ctx: RefundContext, fee: PaidFee): Exclude<Rule, { kind: 'closureProRata' }> {
  const rule = ctx.policy.rules[fee.rules[ctx.reason]];
  // The validator guarantees the reference and kind; this guards hand-built policy objects.
  if (!rule || rule.kind === 'closureProRata') {
    throw new Error(`policy ${ctx.policy.id}: no usable rule for ${fee.item} / ${ctx.reason}`);
  }
  return rule;
}

export function computeLine(ctx: RefundContext, fee: PaidFee): LineComputation {
  const rule = ruleFor(ctx, fee);
  if (rule.kind === 'full') {
    // "Refunded in full" means everything collected for the item, the whole
    // semester for a semester payer, not just this month's share.
    return {
      fee,
      base: fee.paid,
      periodRefund: fee.paid,
      part: { kind: 'full', clause: rule.clause },
      share: null,
      later: null,
      exact: fee.paid,
      clause: rule.clause,
    };
  }
  const shares = ctx.mode === 'shares';
  const months = ctx.semesterMonths.length;
  const base = shares ? fee.paid.dividedBy(months) : fee.paid;
  const { refund, part } = rule.kind === 'tiers' ? applyTiers(ctx, fee, rule, base) : applyPerDay(ctx, fee, rule.clause, base);
  const periodRefund = Decimal.min(Decimal.max(refund, ZERO), base);

  const semester = ctx.policy.semester;
  const laterInFull =
    shares && semester.mode === 'monthlyShares' && semester.laterMonthsInFullOn.includes(ctx.reason) && ctx.laterMonths.length > 0;
  const later = laterInFull ? { months: ctx.laterMonths, refund: base.times(ctx.laterMonths.length) } : null;
  const total = periodRefund.plus(later?.refund ?? ZERO);
  const clause = part.kind === 'tiers' ? (part.closure?.clause ?? part.rule.clause) : part.clause;
  return {
    fee,
    base,
    periodRefund,
    part,
    share: shares ? { months, value: base } : null,
    later,
    exact: Decimal.min(total, fee.paid),
    clause,
  };
}
