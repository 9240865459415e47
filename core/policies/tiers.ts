// Tier arithmetic shared by the validator, the engine and the what-if hints.
// Bounds are compared exactly (integer cross-multiplication),
// so "d <= W/2" with W = 21 admits 10 and not 11, and with W = 18 admits 9.
import { Decimal } from '../money';
import type { Tier, TierBound, TiersRule } from './schema';

const FRACTION = /^(\d+)\/([1-9]\d*)$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** "1/2" or "0.5" -> 0.5; null when not a non-negative fraction. */
export function parseFraction(text: string): Decimal | null {
  const match = FRACTION.exec(text);
  if (match) return new Decimal(match[1] as string).dividedBy(match[2] as string);
  return DECIMAL.test(text) ? new Decimal(text) : null;
}

/** A bound as the exact fraction num/den of the measure, so days compare in integers. */
interface Ratio {
  num: number;
  den: number;
}

// Computing refunds for thousands of child-months reuses a handful of fractions.
const ratioCache = new Map<string, Ratio>();

function fractionRatio(text: string): Ratio {
  let ratio = ratioCache.get(text);
  if (!ratio) {
    const match = FRACTION.exec(text);
    if (match) {
      ratio = { num: Number(match[1]), den: Number(match[2]) };
    } else {
      // A terminating decimal ("0.5") is an exact fraction.
      if (!DECIMAL.test(text)) throw new RangeError(`invalid fraction ${text}`);
      const [num, den] = new Decimal(text).toFraction() as [Decimal, Decimal];
      ratio = { num: num.toNumber(), den: den.toNumber() };
    }
    ratioCache.set(text, ratio);
  }
  return ratio;
}

/** Sign of (x - bound) for a period with W legal working days, computed exactly. */
function compareToBound(x: number, bound: TierBound, W: number): number {
  if ('count' in bound) return Math.sign(x - bound.count);
  const { num, den } = fractionRatio(bound.fractionOfW);
  return Math.sign(x * den - W * num);
}

export function tierContains(tier: Tier, x: number, W: number): boolean {
  if (tier.from) {
    const sign = compareToBound(x, tier.from, W);
    if (tier.from.inclusive ? sign < 0 : sign <= 0) return false;
  }
  if (tier.to) {
    const sign = compareToBound(x, tier.to, W);
    if (tier.to.inclusive ? sign > 0 : sign >= 0) return false;
  }
  return true;
}

/**
 * The first tier containing x. Validated tiers are contiguous, so one always
 * matches; if a very short month made tiers of different units overlap
 * (4 days vs W/2 with W < 8), the earlier, more generous tier wins.
 */
export function findTier(rule: TiersRule, x: number, W: number): { tier: Tier; index: number } {
  const index = rule.tiers.findIndex((tier) => tierContains(tier, x, W));
  const tier = rule.tiers[index];
  if (!tier) throw new RangeError(`no tier of ${rule.clause} contains ${x}`);
  return { tier, index };
}

const FRACTION_WORDS: Record<string, string> = {
  '1/2': '一半',
  '0.5': '一半',
  '1/3': '三分之一',
  '2/3': '三分之二',
  '1/4': '四分之一',
  '3/4': '四分之三',
};

export interface TierWording {
  /** 当月 or 本学期 */
  period: string;
  /** 天 for days, 个月 for months of term */
  unit: string;
  W: number;
}

function boundWords(bound: TierBound, words: TierWording): string {
  if ('count' in bound) return ` ${bound.count} ${words.unit}`;
  const share = FRACTION_WORDS[bound.fractionOfW] ?? bound.fractionOfW;
  return `${words.period}法定工作日 ${words.W} 天的${share}`;
}

/** 「超过 4 天、不超过当月法定工作日 21 天的一半」 */
export function describeTier(tier: Tier, words: TierWording): string {
  const parts: string[] = [];
  const startsAtZero = tier.from !== null && 'count' in tier.from && tier.from.count === 0 && tier.from.inclusive;
  if (tier.from && !startsAtZero) {
    parts.push(`${tier.from.inclusive ? '不少于' : '超过'}${boundWords(tier.from, words)}`);
  }
  if (tier.to) parts.push(`${tier.to.inclusive ? '不超过' : '少于'}${boundWords(tier.to, words)}`);
  return parts.join('、') || '任何天数';
}
