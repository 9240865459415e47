// Calendar arithmetic on ISO strings ('YYYY-MM', 'YYYY-MM-DD') in UTC, so that
// the machine's time zone can never move a date.

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
