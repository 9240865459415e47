// What the desk shows beside a child-month: how the refund changes with one
// day more or fewer present, and where the next tier boundary is
// (「再缺勤 1 天将退 80%」).
import type { LegalCalendar } from '../calendar';
import { formatAmount, formatPercent, parseAmount } from '../money';
import { findTier } from '../policies/tiers';
import { buildContext, type RefundContext } from './context';
import { RefundInputError } from './errors';
import { tierRate } from './lines';
import { type RefundOptions, computeRefund } from './compute';
import type { RefundCase } from './types';

export interface WhatIfScenario {
  presentDays: number;
  total: string;
  /** The education fee line, when the case has one. */
  educationRefund: string | null;
  /** total minus the current total. */
  delta: string;
}

export interface WhatIfResult {
  current: WhatIfScenario;
  /** One more day absent (null at 0 days). */
  oneFewer: WhatIfScenario | null;
  /** One more day present (null when W leaves no room). */
  oneMore: WhatIfScenario | null;
  /** Nearest tier boundary each way, e.g. 「再缺勤 1 天将退 80%」. */
  hintsZh: string[];
  /** The same hints in English, for the English interface. */
  hintsEn: string[];
}

function withDays(input: RefundCase, ctx: RefundContext, days: number): RefundCase {
  return ctx.mode === 'wholeSemester' ? { ...input, semesterPresentDays: days } : { ...input, presentDays: days };
}

function scenario(input: RefundCase, ctx: RefundContext, days: number, calendar: LegalCalendar, options: RefundOptions, base?: string): WhatIfScenario | null {
  try {
    const result = computeRefund(withDays(input, ctx, days), calendar, options);
    const education = result.lines.find((l) => l.item === 'education');
    return {
      presentDays: days,
      total: result.total,
      educationRefund: education?.refund ?? null,
      delta: formatAmount(parseAmount(result.total).minus(parseAmount(base ?? result.total))),
    };
  } catch (error) {
    // Outside the valid range (more days than W allows): no scenario.
    if (error instanceof RefundInputError) return null;
    throw error;
  }
}

const ITEM_EN: Record<string, string> = { education: 'education fee', meal: 'meal fee', accommodation: 'accommodation fee', custody: 'custody fee' };

/** The nearest day counts where the rate changes, each way, in both languages. */
function tierHints(ctx: RefundContext): { zh: string[]; en: string[] } {
  const fee = ctx.fees.find((f) => f.item === 'education') ?? ctx.fees[0];
  const rule = fee ? ctx.policy.rules[fee.rules[ctx.reason]] : undefined;
  if (!fee || rule?.kind !== 'tiers') return { zh: [], en: [] };
  const rateAt = (days: number) => tierRate(findTier(rule, days, ctx.W).tier, ctx.agreedRate).rate;
  const current = rateAt(ctx.d);
  const label = fee.rules.label;
  const labelEn = ITEM_EN[fee.item] ?? fee.item;
  const zh: string[] = [];
  const en: string[] = [];
  const plural = (n: number) => (n === 1 ? '1 more day' : `${n} more days`);
  for (let days = ctx.d - 1; days >= 0; days--) {
    const rate = rateAt(days);
    if (!rate.equals(current)) {
      zh.push(`再缺勤 ${ctx.d - days} 天将退${label} ${formatPercent(rate)}`);
      en.push(`${plural(ctx.d - days)} absent would refund ${formatPercent(rate)} of the ${labelEn}`);
      break;
    }
  }
  for (let days = ctx.d + 1; days <= ctx.W - ctx.closureDays; days++) {
    const rate = rateAt(days);
    if (!rate.equals(current)) {
      zh.push(`再出勤 ${days - ctx.d} 天${rate.isZero() ? `将不再退还${label}` : `将只退${label} ${formatPercent(rate)}`}`);
      en.push(`${plural(days - ctx.d)} present would ${rate.isZero() ? `refund none of the ${labelEn}` : `refund only ${formatPercent(rate)} of the ${labelEn}`}`);
      break;
    }
  }
  return { zh, en };
}

/** How the refund would change with presentDays (or semesterPresentDays) one lower or higher. */
export function whatIfDays(input: RefundCase, calendar: LegalCalendar, options: RefundOptions = {}): WhatIfResult {
  const ctx = buildContext(input, calendar, options.policies ?? (() => undefined));
  const current = scenario(input, ctx, ctx.d, calendar, options);
  if (!current) throw new Error('the current case computes but its scenario does not');
  const hints = tierHints(ctx);
  return {
    current,
    oneFewer: ctx.d > 0 ? scenario(input, ctx, ctx.d - 1, calendar, options, current.total) : null,
    oneMore: scenario(input, ctx, ctx.d + 1, calendar, options, current.total),
    hintsZh: hints.zh,
    hintsEn: hints.en,
  };
}
