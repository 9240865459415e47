import { isDate } from '../calendar';
import { addDays, datesBetween } from './dates';

/** A year's calendar as staff type or paste it, before core/calendar validates it. */
export interface CalendarTextResult {
  holidays: { date: string; name: string }[];
  makeupWorkdays: string[];
  /** Line-numbered problems in Chinese; empty when the text was understood. */
  errors: string[];
}

const RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:(?:~|～|至|到|—|--)\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/;

/**
 * Holidays one per line, a day or a range with its name
 * ("2027-01-01 元旦", "2027-02-06~2027-02-14 春节"); make-up working days as
 * dates separated by spaces, commas or new lines — the way the State
 * Council's notice lists them.
 */
export function parseCalendarText(holidayText: string, makeupText: string): CalendarTextResult {
  const holidays: CalendarTextResult['holidays'] = [];
  const errors: string[] = [];
  holidayText.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = RANGE.exec(line);
    const first = match?.[1];
    const last = match?.[2] ?? first;
    const name = match?.[3]?.trim();
    if (!match || !first || !last || !name || !isDate(first) || !isDate(last)) {
      errors.push(`假日第 ${index + 1} 行“${line}”看不懂，请写成“2027-01-01 元旦”或“2027-02-06~2027-02-14 春节”。`);
      return;
    }
    if (last < first) {
      errors.push(`假日第 ${index + 1} 行的结束日期早于开始日期。`);
      return;
    }
    for (const date of datesBetween(first, last)) holidays.push({ date, name });
  });
  const makeupWorkdays: string[] = [];
  for (const token of makeupText.split(/[\s,，、;；]+/).filter(Boolean)) {
    if (isDate(token)) makeupWorkdays.push(token);
    else errors.push(`调休上班日“${token}”不是有效日期（YYYY-MM-DD）。`);
  }
  return { holidays, makeupWorkdays, errors };
}

/** The reverse of parseCalendarText, for editing a stored year (consecutive days with one name become a range). */
export function formatCalendarText(holidays: readonly { date: string; name: string }[]): string {
  const lines: string[] = [];
  let start: { date: string; name: string } | null = null;
  let prev: string | null = null;
  const flush = () => {
    if (start && prev) lines.push(start.date === prev ? `${start.date} ${start.name}` : `${start.date}~${prev} ${start.name}`);
  };
  for (const h of [...holidays].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    if (start && prev && h.name === start.name && addDays(prev, 1) === h.date) {
      prev = h.date;
      continue;
    }
    flush();
    start = h;
    prev = h.date;
  }
  flush();
  return lines.join('\n');
}
