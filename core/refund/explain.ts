// The sentence a parent reads on the printed refund statement, e.g.
// 「本月在园 6 天，不超过当月法定工作日 21 天的一半，依南通市收费文件第三条第3款退还保教费 50%，计 260.00 元。」
// Intermediate figures are shown rounded to the fen; the line itself is
// computed exactly and rounded once, which the sentence's 合计 reflects.
import { Decimal, formatAmount, formatPercent, roundToFen } from '../money';
import { describeTier } from '../policies/tiers';
import type { RefundContext } from './context';
import type { LineComputation, PerDayPart, TierPart } from './lines';

const REASON_WORDS: Record<RefundContext['reason'], string> = {
  leave: '请假',
  withdrawal: '退园',
  false_advertising: '幼儿园发布虚假招生宣传等违规行为',
};

function yuan(value: Decimal): string {
  return `${formatAmount(value)} 元`;
}

/** 「约 333.33 元」 when a share is not a whole number of fen. */
function approxYuan(value: Decimal): string {
  return roundToFen(value).equals(value) ? yuan(value) : `约 ${yuan(value)}`;
}

function cite(ctx: RefundContext, clause: string): string {
  return ctx.policy.clauses[clause]?.cite ?? clause;
}

function presence(ctx: RefundContext): string {
  return `${ctx.mode === 'wholeSemester' ? '本学期' : '本月'}在园 ${ctx.d} 天`;
}

function tierSentence(ctx: RefundContext, line: LineComputation, part: TierPart): string {
  const label = line.fee.rules.label;
  const period = ctx.mode === 'wholeSemester' ? '本学期' : '当月';
  const band = describeTier(part.tier, { period, unit: '天', W: ctx.W });
  const source = `依${cite(ctx, part.rule.clause)}`;
  const zero = part.rate.isZero();
  const howMuch = (() => {
    if (zero) return `${source}不予退还${label}`;
    const max = formatPercent(new Decimal(part.tier.rate));
    if (part.negotiated === 'agreed') return `${source}按园方与家长约定的 ${formatPercent(part.rate)} 退还${label}（该款规定不超过 ${max}）`;
    if (part.negotiated === 'default') return `${source}退还${label} ${formatPercent(part.rate)}（未另行约定比例）`;
    return `${source}退还${label} ${formatPercent(part.rate)}`;
  })();
  if (!part.closure) return `${presence(ctx)}，${band}，${howMuch}，计 ${yuan(line.periodRefund)}`;
  const c = ctx.closureDays;
  // The line is rounded once; the two parts are shown so that they add up to it
  // on paper (a parent adds them), the second absorbing the fen of rounding.
  const shownTier = roundToFen(line.periodRefund).minus(roundToFen(part.closure.refund));
  const closurePart =
    `${ctx.mode === 'wholeSemester' ? '本学期' : '本月'}幼儿园因自身原因停课 ${c} 天，依${cite(ctx, part.closure.clause)}按停课天数比例退还${label} ` +
    `${formatAmount(line.base)}×${c}÷${ctx.W}＝${yuan(part.closure.refund)}`;
  const rest = zero
    ? `其余 ${yuan(part.closure.remainder)}按${presence(ctx)}计，${band}，${source}不再退还`
    : `其余 ${yuan(part.closure.remainder)}按${presence(ctx)}计，${band}，${source}再退还 ${formatPercent(part.rate)}，计 ${yuan(shownTier)}`;
  return `${closurePart}；${rest}；本期合计 ${yuan(line.periodRefund)}`;
}

function perDaySentence(ctx: RefundContext, line: LineComputation, part: PerDayPart): string {
  const label = line.fee.rules.label;
  const source = `依${cite(ctx, part.clause)}`;
  if (part.charged && line.fee.dailyRate) {
    const charged = `扣除 ${ctx.d} 天×${yuan(line.fee.dailyRate)}＝${yuan(part.charged)}`;
    const tail = line.periodRefund.isZero() ? '，在园天数的费用已达到所缴金额，不予退还，计 0.00 元' : `，${source}退还 ${yuan(line.periodRefund)}`;
    return `${presence(ctx)}，${label}按实际在园天数计算：应缴 ${yuan(line.base)}，${charged}${tail}`;
  }
  const period = ctx.mode === 'wholeSemester' ? '本学期' : '当月';
  return (
    `${presence(ctx)}，${label}没有日收费标准，按${period}法定工作日 ${ctx.W} 天折算：` +
    `${formatAmount(line.base)}×(${ctx.W}−${ctx.d})÷${ctx.W}，${source}退还 ${yuan(line.periodRefund)}`
  );
}

export function explainLine(ctx: RefundContext, line: LineComputation, refund: string): string {
  const label = line.fee.rules.label;
  if (line.part.kind === 'full') {
    return `因${REASON_WORDS[ctx.reason]}，依${cite(ctx, line.part.clause)}全额退还已缴${label}，计 ${refund} 元。`;
  }
  const parts: string[] = [];
  if (line.share) {
    parts.push(`本学期${label} ${yuan(line.fee.paid)}分 ${line.share.months} 个月计，每月 ${approxYuan(line.share.value)}`);
  }
  parts.push(line.part.kind === 'tiers' ? tierSentence(ctx, line, line.part) : perDaySentence(ctx, line, line.part));
  if (line.later) {
    const first = line.later.months[0];
    const last = line.later.months[line.later.months.length - 1];
    const span = first === last ? first : `${first}至${last}`;
    const semesterCite = cite(ctx, ctx.policy.semester.clause);
    parts.push(`退园后本学期剩余 ${line.later.months.length} 个月（${span}）的${label} ${approxYuan(line.later.refund)}依${semesterCite}全额退还`);
    parts.push(`合计 ${refund} 元`);
  }
  return `${parts.join('；')}。`;
}
