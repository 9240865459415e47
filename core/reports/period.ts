// The period a report covers: one month (YYYY-MM) or one calendar year (YYYY).
import { firstDayOf, lastDayOf } from '../calendar/dates';
import { monthsBetween } from '../calendar';

export type Period = { kind: 'month'; month: string } | { kind: 'year'; year: number };

export interface PeriodRange {
  /** YYYY-MM or YYYY, as typed in the route (`report/income/2026-10`). */
  key: string;
  first: string;
  last: string;
  months: string[];
  label: readonly [zh: string, en: string];
}

export function periodRange(period: Period): PeriodRange {
  if (period.kind === 'month') {
    const [y, m] = period.month.split('-');
    return {
      key: period.month,
      first: firstDayOf(period.month),
      last: lastDayOf(period.month),
      months: [period.month],
      label: [`${y}年${Number(m)}月`, period.month],
    };
  }
  const y = String(period.year);
  return {
    key: y,
    first: `${y}-01-01`,
    last: `${y}-12-31`,
    months: monthsBetween(`${y}-01`, `${y}-12`),
    label: [`${y}年度`, `Year ${y}`],
  };
}

/** "2026-10" or "2026" back into a period; null for anything else. */
export function parsePeriodKey(key: string): Period | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return { kind: 'month', month: key };
  if (/^\d{4}$/.test(key)) return { kind: 'year', year: Number(key) };
  return null;
}

/** The last month of the period that has ended by `today` (a report on the current month runs to today). */
export function asOfDate(range: PeriodRange, today: string): string {
  return range.last < today ? range.last : today;
}
