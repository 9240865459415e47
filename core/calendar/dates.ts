// The one home for dates: calendar arithmetic on ISO strings ('YYYY-MM',
// 'YYYY-MM-DD') in UTC, so that the machine's time zone can never move a
// date, and "today" in the kindergarten's time zone.

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonth {
  year: number;
  month: number;
}

/** Parses 'YYYY-MM'; null when the text is not a real month. */
export function parseMonth(text: string): YearMonth | null {
  const match = MONTH_PATTERN.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function isMonth(text: string): boolean {
  return parseMonth(text) !== null;
}

/** Parses 'YYYY-MM-DD'; null for malformed text or impossible dates (2026-02-30). */
export function parseDate(text: string): { year: number; month: number; day: number } | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isDate(text: string): boolean {
  return parseDate(text) !== null;
}

/**
 * The dates the app accepts anywhere (enrolment, leave, closures, bills,
 * reports): a kindergarten's records start after 2000, and a date beyond 2100
 * is a typing slip (9999-12-31), not a plan.
 */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';

export function inDateWindow(date: string): boolean {
  return isDate(date) && date >= FIRST_DATE && date <= LAST_DATE;
}

export function inMonthWindow(month: string): boolean {
  return isMonth(month) && month >= FIRST_DATE.slice(0, 7) && month <= LAST_DATE.slice(0, 7);
}

/** Days since 1970-01-01 (UTC), by arithmetic; throws for text that is not a real date. */
export function dayNumber(date: string): number {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(`not a date: ${String(date).slice(0, 40)}`);
  return Date.UTC(parsed.year, parsed.month - 1, parsed.day) / 86_400_000;
}

/** Days from first to last inclusive (2026-09-01..2026-09-30 -> 30); zero or negative when last < first. */
export function daySpan(first: string, last: string): number {
  return dayNumber(last) - dayNumber(first) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${formatMonth(year, month)}-${String(day).padStart(2, '0')}`;
}

/** Months from a to b inclusive ('2026-09' .. '2027-01' -> 5); negative when b < a. */
export function monthSpan(first: string, last: string): number {
  const a = parseMonth(first);
  const b = parseMonth(last);
  if (!a || !b) throw new RangeError(`not a month: ${first} / ${last}`);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** Every month from first to last inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const start = parseMonth(first);
  const count = monthSpan(first, last);
  if (!start) return [];
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = start.month - 1 + i;
    months.push(formatMonth(start.year + Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

/** The same day n calendar months later, clamped to the month's end (01-31 + 1 -> 02-28). */
export function addMonthsToDate(date: string, n: number): string {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  const index = parsed.month - 1 + n;
  const year = parsed.year + Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  return formatDate(year, month, Math.min(parsed.day, daysInMonth(year, month)));
}

/** The kindergarten keeps Beijing time (UTC+8, no daylight saving time). */
export const KINDERGARTEN_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as the kindergarten's wall clock reads it, in a Date whose UTC fields are that local time. */
export function kindergartenClock(instant: Date): Date {
  return new Date(instant.getTime() + KINDERGARTEN_UTC_OFFSET_MS);
}

/** The kindergarten's calendar day for an instant: "today" is localDate(now). */
export function localDate(instant: Date): string {
  return kindergartenClock(instant).toISOString().slice(0, 10);
}

/** A stored instant (ISO) as the kindergarten's wall clock shows it: 2026-12-01 10:05:09. */
export function localDateTime(instant: string | Date): string {
  return kindergartenClock(new Date(instant)).toISOString().replace('T', ' ').slice(0, 19);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** No range the app lists day by day is longer (a school year is about 300 days). */
export const MAX_LISTED_DAYS = 3 * 366;

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
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  return monthOf(addDays(lastDayOf(month), 1));
}

export function prevMonth(month: string): string {
  return monthOf(addDays(firstDayOf(month), -1));
}

/** A month as a number that grows by one per month, for comparing spans ('2026-09' < '2027-01'). */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
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
