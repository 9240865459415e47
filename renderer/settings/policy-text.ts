import { Decimal, formatPercent } from '../../core/money';
import type { Tier, TierBound } from '../../core/policies';

function boundText(bound: TierBound, measure: string): string {
  const unit = measure === 'termMonthsElapsed' ? '个月' : '天';
  if ('count' in bound) return ` ${bound.count} ${unit}`;
  return bound.fractionOfW === '1/2' || bound.fractionOfW === '0.5' ? '法定工作日的一半' : `法定工作日的 ${bound.fractionOfW}`;
}

/** 「超过 4 天、不超过法定工作日的一半（含）」 — a tier's range in words. */
export function tierRangeZh(tier: Tier, measure: string): string {
  const subject = measure === 'termMonthsElapsed' ? '开学' : '在园';
  const parts: string[] = [];
  // "at least 0 days" says nothing: a tier from zero is described by its upper end alone.
  const fromZero = tier.from && 'count' in tier.from && tier.from.count === 0 && tier.from.inclusive;
  if (tier.from && !fromZero) parts.push(`${tier.from.inclusive ? '不少于' : '超过'}${boundText(tier.from, measure)}`);
  if (tier.to) parts.push(`${tier.to.inclusive ? '不超过' : '少于'}${boundText(tier.to, measure)}${tier.to.inclusive ? '（含）' : ''}`);
  return `${subject}${parts.join('、') || '任意天数'}`;
}

export const percent = (rate: string) => formatPercent(new Decimal(rate));
