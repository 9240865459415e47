// The English of the sentence on the printed statement, for the English
// interface (the statement parents receive stays Chinese, explain.ts). Same
// figures, same rounding as the Chinese: "6 days present this month, at most
// half of the month's 21 legal working days: clause NT-3.3 refunds 50% of the
// education fee, 260.00 yuan."
import { Decimal, formatAmount, formatPercent, roundToFen } from '../money';
import type { Tier, TierBound } from '../policies/schema';
import type { RefundContext } from './context';
import type { LineComputation, PerDayPart, TierPart } from './lines';

const ITEM_EN: Record<string, string> = { education: 'education fee', meal: 'meal fee', accommodation: 'accommodation fee', custody: 'custody fee' };
const REASON_EN: Record<RefundContext['reason'], string> = {
  leave: 'leave',
  withdrawal: 'withdrawal',
  false_advertising: 'false advertising or another violation by the kindergarten',
};
const FRACTION_EN: Record<string, string> = { '1/2': 'half', '0.5': 'half', '1/3': 'a third', '2/3': 'two thirds', '1/4': 'a quarter', '3/4': 'three quarters' };

const yuan = (value: Decimal) => `${formatAmount(value)} yuan`;
const approxYuan = (value: Decimal) => (roundToFen(value).equals(value) ? yuan(value) : `about ${yuan(value)}`);
const clause = (id: string) => `clause ${id}`;
const item = (line: LineComputation) => ITEM_EN[line.fee.item] ?? line.fee.item;
const periodWord = (ctx: RefundContext) => (ctx.mode === 'wholeSemester' ? 'this semester' : 'this month');
const presence = (ctx: RefundContext) => `${ctx.d} days present ${periodWord(ctx)}`;

function bound(b: TierBound, ctx: RefundContext): string {
  if ('count' in b) return `${b.count} days`;
  const share = FRACTION_EN[b.fractionOfW] ?? b.fractionOfW;
  return `${share} of the ${ctx.W} legal working days of the ${ctx.mode === 'wholeSemester' ? 'semester' : 'month'}`;
}

/** "more than 4 days and at most half of the month's 21 legal working days" */
export function describeTierEn(tier: Tier, ctx: RefundContext): string {
  const parts: string[] = [];
  const startsAtZero = tier.from !== null && 'count' in tier.from && tier.from.count === 0 && tier.from.inclusive;
  if (tier.from && !startsAtZero) parts.push(`${tier.from.inclusive ? 'at least' : 'more than'} ${bound(tier.from, ctx)}`);
  if (tier.to) parts.push(`${tier.to.inclusive ? 'at most' : 'fewer than'} ${bound(tier.to, ctx)}`);
  return parts.join(' and ') || 'any number of days';
}

function tierSentence(ctx: RefundContext, line: LineComputation, part: TierPart): string {
  const fee = item(line);
  const band = describeTierEn(part.tier, ctx);
  const source = clause(part.rule.clause);
  const howMuch = (() => {
    if (part.rate.isZero()) return `${source} refunds none of the ${fee}`;
    const max = formatPercent(new Decimal(part.tier.rate));
    if (part.negotiated === 'agreed') return `${source} refunds the ${formatPercent(part.rate)} of the ${fee} agreed with the parents (the clause allows up to ${max})`;
    if (part.negotiated === 'default') return `${source} refunds ${formatPercent(part.rate)} of the ${fee} (no other rate agreed)`;
    return `${source} refunds ${formatPercent(part.rate)} of the ${fee}`;
  })();
  if (!part.closure) return `${presence(ctx)}, ${band}: ${howMuch}, ${yuan(line.periodRefund)}`;
  const c = ctx.closureDays;
  const shownTier = roundToFen(line.periodRefund).minus(roundToFen(part.closure.refund));
  const closurePart = `The kindergarten closed for its own reasons on ${c} days ${periodWord(ctx)}: ${clause(part.closure.clause)} refunds the ${fee} in proportion, ${formatAmount(line.base)}×${c}÷${ctx.W} = ${yuan(part.closure.refund)}`;
  const rest = part.rate.isZero()
    ? `the remaining ${yuan(part.closure.remainder)} is settled on ${presence(ctx)}, ${band}: ${source} refunds nothing more`
    : `the remaining ${yuan(part.closure.remainder)} is settled on ${presence(ctx)}, ${band}: ${source} refunds a further ${formatPercent(part.rate)}, ${yuan(shownTier)}`;
  return `${closurePart}; ${rest}; total for the period ${yuan(line.periodRefund)}`;
}

function perDaySentence(ctx: RefundContext, line: LineComputation, part: PerDayPart): string {
  const fee = item(line);
  const source = clause(part.clause);
  if (part.charged && line.fee.dailyRate) {
    const charged = `less ${ctx.d} days × ${yuan(line.fee.dailyRate)} = ${yuan(part.charged)}`;
    const tail = line.periodRefund.isZero() ? ': the days present already cost what was paid, so nothing is refunded, 0.00 yuan' : `: ${source} refunds ${yuan(line.periodRefund)}`;
    return `${presence(ctx)}; the ${fee} is settled on the days present: ${yuan(line.base)} due, ${charged}${tail}`;
  }
  return `${presence(ctx)}; the ${fee} has no daily rate and is prorated over the ${ctx.W} legal working days: ${formatAmount(line.base)}×(${ctx.W}−${ctx.d})÷${ctx.W}, ${source} refunds ${yuan(line.periodRefund)}`;
}

export function explainLineEn(ctx: RefundContext, line: LineComputation, refund: string): string {
  const fee = item(line);
  if (line.part.kind === 'full') return `Because of ${REASON_EN[ctx.reason]}, ${clause(line.part.clause)} refunds the whole ${fee} paid, ${refund} yuan.`;
  const parts: string[] = [];
  if (line.share) parts.push(`The semester's ${fee} of ${yuan(line.fee.paid)} is divided over ${line.share.months} months, ${approxYuan(line.share.value)} a month`);
  parts.push(line.part.kind === 'tiers' ? tierSentence(ctx, line, line.part) : perDaySentence(ctx, line, line.part));
  if (line.later) {
    const first = line.later.months[0];
    const last = line.later.months[line.later.months.length - 1];
    const span = first === last ? first : `${first} to ${last}`;
    parts.push(`after withdrawal, the ${fee} of the remaining ${line.later.months.length} months of the semester (${span}), ${approxYuan(line.later.refund)}, is refunded in full under ${clause(ctx.policy.semester.clause)}`);
    parts.push(`total ${refund} yuan`);
  }
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
