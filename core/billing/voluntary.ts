// Items a family chooses: 寒暑假托管 (vacation care, by the days booked) and
// 代收费 (insurance, medical check: voluntary, at cost). A bill charges them
// only from what the desk recorded for the child — days booked per vacation
// month, items opted in — never from the fee profile alone. Pure.
import { checkVacationDayRate } from '../fee-standards';
import { lastDayOf, monthsBetween } from '../calendar/dates';
import { formatAmount, fromFen } from '../money';
import { DAYS_PER_MONTH } from './standard-checks';
import { appliesToMonth, chargeAtStandard, type FeeStandard, fitsChild, newestFitting, standardInForce } from './standards';
import type { BillingContext, ChildForBilling, LineDraft, Period, Problem } from './types';

/** What the desk recorded for one child. */
export interface VoluntaryFacts {
  /** 代收费 items (the standard's name) the family opted in to, by the newest choice. */
  agencyOptedIn: readonly string[];
  /** Days of vacation care booked, by month (YYYY-MM); 0 or absent = none. */
  vacationDays: Readonly<Record<string, number>>;
  /** 代收费 already charged on the child's live bills (not the bill being replaced). */
  agencyBilled: ReadonlyArray<{ label: string; periodFirst: string; periodLast: string }>;
}

export const NO_VOLUNTARY: VoluntaryFacts = { agencyOptedIn: [], vacationDays: {}, agencyBilled: [] };

/** Printed next to every 代收费 line: what the notice says of such items. */
export const AGENCY_NOTE = '代收费：家长自愿，据实收取，多退少补';

/** The newest 代收费 standard of this name that applies to the month and fits the child. */
export function agencyStandard(standards: readonly FeeStandard[], label: string, month: string, child: Pick<ChildForBilling, 'classLevel' | 'enrolledOn'>): FeeStandard | null {
  const fitting = standards.filter(
    (s) => s.item === 'agency' && s.label === label && appliesToMonth(s, month) && fitsChild(s, { level: child.classLevel, enrolledOn: child.enrolledOn }),
  );
  return newestFitting(fitting, child.classLevel);
}

/**
 * 代收费 lines: each item the family opted in to, at its standard. A
 * monthly item is charged for every month of the period; a semester item
 * once per semester (not again when a live bill of the same semester has
 * it). An opted-in item with no standard for the period is left off with a
 * note, not a refusal: the rest of the bill is still right.
 */
export function agencyLines(child: ChildForBilling, period: Period, ctx: BillingContext, facts: VoluntaryFacts, notes: string[]): LineDraft[] {
  const lines: LineDraft[] = [];
  for (const label of [...new Set(facts.agencyOptedIn)].sort()) {
    const standard = agencyStandard(ctx.standards, label, period.first, child);
    if (!standard) {
      notes.push(`家长已选择代收「${label}」，但 ${period.first} 没有适用的代收费标准，本单未收。`);
      continue;
    }
    let quantity = monthsBetween(period.first, period.last).length;
    if (standard.unit === 'semester') {
      const semester = ctx.semesters.find((s) => s.first <= period.first && period.first <= s.last);
      if (!semester) {
        notes.push(`代收「${label}」按学期收取，但 ${period.first} 不在任何学期之内，本单未收。`);
        continue;
      }
      const billed = facts.agencyBilled.some((b) => b.label === label && b.periodFirst <= semester.last && semester.first <= b.periodLast);
      if (billed) continue;
      quantity = 1;
    }
    lines.push(chargeAtStandard(standard, period, quantity, { note: AGENCY_NOTE }));
  }
  return lines;
}

/**
 * NT-3.6 on the bill: the vacation day rate against the child's own monthly
 * education standard ÷ 21.75 (the reading the standards screen uses). Above
 * the cap it is billed only when the principal confirmed that clause on the
 * standard; otherwise the child is not billed and the reason names the clause.
 */
function vacationRateProblem(standard: FeeStandard, child: ChildForBilling, month: string, ctx: BillingContext): Problem | null {
  const rule = ctx.policy.feeStandards?.vacationDayRate;
  if (!rule) return null;
  if ((standard.overrideClause ?? '').split(',').includes(rule.clause)) return null;
  const normal = standardInForce(ctx.standards, { item: 'education', month, level: child.classLevel, enrolledOn: child.enrolledOn, units: ['month'] });
  if (!normal) return null;
  const daily = fromFen(normal.amountFen).dividedBy(DAYS_PER_MONTH);
  const [violation] = checkVacationDayRate(ctx.policy, { normalDailyRate: formatAmount(daily), vacationDailyRate: formatAmount(fromFen(standard.amountFen)) });
  if (!violation) return null;
  return {
    code: violation.code,
    clause: violation.clause,
    messageZh: `${standard.label}：${violation.messageZh}（按该幼儿保教费 ${formatAmount(fromFen(normal.amountFen))} 元/月 ÷ 21.75 天计）。请更正寒暑假托管标准，或由园长在“收费标准”中确认后再开具。`,
  };
}

/**
 * The vacation day rate for a month: unlike a monthly fee, a rate set from
 * the 18th (the first day of the winter holiday) applies to the days booked
 * that month, so any row from the month's last day or earlier counts.
 */
export function vacationStandard(standards: readonly FeeStandard[], month: string, child: Pick<ChildForBilling, 'classLevel' | 'enrolledOn'>): FeeStandard | null {
  const last = lastDayOf(month);
  const fitting = standards.filter(
    (s) => s.item === 'vacation_care' && s.unit === 'day' && s.appliesFrom <= last && fitsChild(s, { level: child.classLevel, enrolledOn: child.enrolledOn }),
  );
  return newestFitting(fitting, child.classLevel);
}

/** Vacation care: per month of the period, the days booked × the day rate in force that month (NT-3.6). */
export function vacationLines(child: ChildForBilling, period: Period, ctx: BillingContext, facts: VoluntaryFacts): { lines: LineDraft[]; problems: Problem[] } {
  const lines: LineDraft[] = [];
  const problems: Problem[] = [];
  const clause = ctx.policy.feeStandards?.vacationDayRate?.clause ?? null;
  for (const month of monthsBetween(period.first, period.last)) {
    const days = facts.vacationDays[month] ?? 0;
    if (days <= 0) continue;
    const standard = vacationStandard(ctx.standards, month, child);
    if (!standard) {
      problems.push({
        code: 'standard_missing',
        clause,
        messageZh: `${month} 预订了寒暑假托管 ${days} 天，但没有适用的寒暑假托管（按天）标准。请先在“收费 → 收费标准”中设定。`,
      });
      continue;
    }
    const problem = vacationRateProblem(standard, child, month, ctx);
    if (problem) {
      problems.push(problem);
      continue;
    }
    lines.push(chargeAtStandard(standard, { first: month, last: month }, days, { clause, note: `预订 ${days} 天` }));
  }
  return { lines, problems };
}
