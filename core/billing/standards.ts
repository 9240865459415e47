// Which fee standard is in force for a child, an item and a period. Pure:
// the rows are the kindergarten's whole history of standards (nothing is
// overwritten; a change is a new row with a later applies_from, a correction
// a new row with the same date, the newer row winning).
import type { BillingItem, StandardUnit } from './items';
import type { LineDraft } from './types';
import { groupBy } from '../group';

export interface FeeStandard {
  id: number;
  item: BillingItem;
  label: string;
  amountFen: number;
  unit: StandardUnit;
  /** YYYY-MM-DD */
  appliesFrom: string;
  /** null = every class */
  level: string | null;
  /** Only children enrolled on or after this date (NT-3.2 新生新办法). */
  enrolledFrom: string | null;
  /** Clauses the principal confirmed an exception to when saving ("NT-3.6", or several comma-separated). */
  overrideClause?: string | null;
}

export interface StandardQuery {
  item: BillingItem;
  /** The first month the charge is for (YYYY-MM). */
  month: string;
  level: string;
  enrolledOn: string;
  /** Acceptable units, most preferred first (a semester payer prefers a semester standard). */
  units: readonly StandardUnit[];
}

/**
 * A standard applies to a month when it applies from the month's first day or
 * earlier: a bill charges a whole month, so a standard set from the 15th is
 * used from the next month's bill on.
 */
export function appliesToMonth(standard: Pick<FeeStandard, 'appliesFrom'>, month: string): boolean {
  return standard.appliesFrom <= `${month}-01`;
}

export function fitsChild(standard: Pick<FeeStandard, 'level' | 'enrolledFrom'>, child: { level: string; enrolledOn: string }): boolean {
  if (standard.level !== null && standard.level !== child.level) return false;
  return standard.enrolledFrom === null || child.enrolledOn >= standard.enrolledFrom;
}

/** Newest first: the later date, then the later row (a correction of the same date). */
export function newerFirst(a: FeeStandard, b: FeeStandard): number {
  if (a.appliesFrom !== b.appliesFrom) return a.appliesFrom < b.appliesFrom ? 1 : -1;
  return b.id - a.id;
}

/**
 * The standard in force: among the rows that fit the child (level, enrolment
 * date) and apply to the month, a row for the child's level before one for
 * every class (托班 has its own education standard), then by unit
 * preference, then the newest. Null when none fits.
 */
export function standardInForce(standards: readonly FeeStandard[], query: StandardQuery): FeeStandard | null {
  const fitting = standards.filter(
    (s) =>
      s.item === query.item &&
      query.units.includes(s.unit) &&
      appliesToMonth(s, query.month) &&
      fitsChild(s, { level: query.level, enrolledOn: query.enrolledOn }),
  );
  const pool = ownLevelFirst(fitting, query.level);
  // Meals may switch between a daily and a fixed monthly rate: the newest wins whatever its unit.
  const groups = query.item === 'meal' ? [pool] : query.units.map((u) => pool.filter((s) => s.unit === u));
  const group = groups.find((g) => g.length > 0);
  return group ? [...group].sort(newerFirst)[0]! : null;
}

/** The rows for the child's level when there are any (托班 has its own standards), else those for every class. */
function ownLevelFirst(fitting: readonly FeeStandard[], level: string): readonly FeeStandard[] {
  const own = fitting.filter((s) => s.level === level);
  return own.length > 0 ? own : fitting;
}

/** Among rows that already fit the child and the period: the child's level before every class, then the newest. */
export function newestFitting(fitting: readonly FeeStandard[], level: string): FeeStandard | null {
  return [...ownLevelFirst(fitting, level)].sort(newerFirst)[0] ?? null;
}

/** A charge at a standard: quantity x its amount, one rounding-free integer line in fen. */
export function chargeAtStandard(
  standard: FeeStandard,
  period: { first: string; last: string },
  quantity: number,
  extra: { clause?: string | null; note?: string } = {},
): LineDraft {
  return {
    kind: 'charge',
    item: standard.item,
    label: standard.label,
    periodFirst: period.first,
    periodLast: period.last,
    quantity,
    unitPriceFen: standard.amountFen,
    amountFen: quantity * standard.amountFen,
    standardId: standard.id,
    unit: standard.unit,
    clause: extra.clause ?? null,
    reductionCategory: null,
    note: extra.note ?? '',
  };
}

/**
 * The newest row for every pupil (no enrolment restriction) of the same item,
 * level and unit that applies on `date`; with `before`, only rows from an
 * earlier date (a row of the same date is the one being corrected).
 */
export function generalStandardOn(
  standards: readonly FeeStandard[],
  key: Pick<FeeStandard, 'item' | 'level' | 'unit'>,
  date: string,
  options: { before?: boolean } = {},
): FeeStandard | null {
  const candidates = standards.filter(
    (s) =>
      s.item === key.item &&
      s.level === key.level &&
      s.unit === key.unit &&
      s.enrolledFrom === null &&
      (options.before ? s.appliesFrom < date : s.appliesFrom <= date),
  );
  return candidates.sort(newerFirst)[0] ?? null;
}

/**
 * The standard a new row would change for pupils already enrolled: used to
 * tell a raise from a cut (NT-3.2). A row of the same date is a correction of
 * that row, so the comparison is with the standard before it.
 */
export function previousStandard(
  standards: readonly FeeStandard[],
  next: Pick<FeeStandard, 'item' | 'level' | 'unit' | 'appliesFrom'>,
): FeeStandard | null {
  return generalStandardOn(standards, next, next.appliesFrom, { before: true });
}

/**
 * For the standards screen: per item, level and enrolment restriction, the
 * rows newest first, marking the one in force on `today` for that audience.
 */
export function standardHistory(standards: readonly FeeStandard[], today: string) {
  const groups = groupBy(standards, (s) => `${s.item}|${s.level ?? ''}|${s.unit}`);
  return [...groups.values()].map((rows) => {
    const sorted = [...rows].sort(newerFirst);
    const current = sorted.find((s) => s.appliesFrom <= today && s.enrolledFrom === null) ?? null;
    return { item: sorted[0]!.item, level: sorted[0]!.level, unit: sorted[0]!.unit, rows: sorted, currentId: current?.id ?? null };
  });
}
