import { daySpan } from '../calendar/dates';

// Day arithmetic on ISO dates in UTC, so the machine's time zone can never move a date.

/** No range the app lists day by day is longer (a school year is about 300 days). */
export const MAX_LISTED_DAYS = 3 * 366;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Every date from first to last inclusive (empty when last < first). The
 * count is worked out first, so text that is not a date, or a range of
 * centuries, is an error rather than a loop that never ends.
 */
export function datesBetween(first: string, last: string): string[] {
  const count = daySpan(first, last);
  if (count > MAX_LISTED_DAYS) throw new RangeError(`date range too long: ${first}..${last}`);
  const out: string[] = [];
  for (let i = 0, d = first; i < count; i++, d = addDays(d, 1)) out.push(d);
  return out;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  return monthOf(addDays(lastDayOf(month), 1));
}

export function prevMonth(month: string): string {
  return monthOf(addDays(firstDayOf(month), -1));
}

/**
 * A date as staff type it into a date field: 2026-11-23, 2026/11/23,
 * 2026.11.23, 2026年11月23日 or 20261123. Null when it is not a real day.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  // Date rolls 2026-02-30 over to March: a real day survives the round trip.
  return addDays(iso, 0) === iso ? iso : null;
}
