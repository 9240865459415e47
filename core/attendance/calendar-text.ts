import { daySpan, isDate } from '../calendar';
import { addDays, datesBetween } from '../calendar/dates';

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
    if (daySpan(first, last) > 31) {
      errors.push(`假日第 ${index + 1} 行的假期超过 31 天，请检查日期。`);
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

const CHINESE_ITEM = /[一二三四五六七八九十]+、/;
const DAY_TOKEN = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;

/** The dates a sentence of the notice names, carrying year and month forward ("2月6日至14日"). */
function noticeDates(sentence: string, year: number): { date: string; afterZhi: boolean }[] {
  const out: { date: string; afterZhi: boolean }[] = [];
  let y = year;
  let m = 0;
  let last = 0;
  for (const token of sentence.matchAll(DAY_TOKEN)) {
    const explicitMonth = token[2] ? Number(token[2]) : null;
    if (token[1]) y = Number(token[1]);
    // "12月31日至1月2日" without years, in the notice for the year that starts on 1月1日: the range began the year before.
    else if (explicitMonth !== null && m !== 0 && explicitMonth < m) {
      for (const earlier of out) earlier.date = `${Number(earlier.date.slice(0, 4)) - 1}${earlier.date.slice(4)}`;
    }
    if (explicitMonth !== null) m = explicitMonth;
    if (m === 0) continue;
    const date = `${y}-${String(m).padStart(2, '0')}-${String(Number(token[3])).padStart(2, '0')}`;
    const between = sentence.slice(last, token.index);
    out.push({ date, afterZhi: /至|到|—|~|～/.test(between) && out.length > 0 });
    last = (token.index ?? 0) + token[0].length;
  }
  return out;
}

/**
 * Reads the State Council's notice as published ("二、春节：2月6日（周六）至
 * 14日（周日）放假调休，共9天。2月7日（周日）、2月20日（周六）上班。"): each
 * numbered item is a holiday name, its 放假 sentence the days off, its 上班
 * sentence the make-up working days. Dates outside `year` belong to the
 * neighbouring year's calendar and are left out.
 */
export function parseNoticeText(year: number, text: string): CalendarTextResult {
  const holidays: CalendarTextResult['holidays'] = [];
  const makeupWorkdays: string[] = [];
  const errors: string[] = [];
  const plain = text.replace(/（[^）]*）|\([^)]*\)/g, '');
  for (const item of plain.split(CHINESE_ITEM).slice(1)) {
    const colon = item.search(/[：:]/);
    if (colon < 0) continue;
    const name = item
      .slice(0, colon)
      .trim()
      .replace(/[、，,]/g, '·');
    for (const sentence of item.slice(colon + 1).split(/[。；;\n]/)) {
      const dates = noticeDates(sentence, year);
      if (sentence.includes('放假')) {
        dates.forEach((d, i) => {
          const prev = dates[i - 1];
          if (d.afterZhi && prev && isDate(prev.date) && isDate(d.date)) {
            for (const day of datesBetween(prev.date, d.date).slice(1)) holidays.push({ date: day, name });
          } else holidays.push({ date: d.date, name });
        });
      } else if (sentence.includes('上班')) {
        for (const d of dates) makeupWorkdays.push(d.date);
      }
    }
  }
  const inYear = (d: string) => d.startsWith(`${year}-`) && isDate(d);
  for (const d of [...holidays.map((h) => h.date), ...makeupWorkdays]) {
    if (!isDate(d)) errors.push(`通知中的“${d}”不是有效日期，请核对原文。`);
  }
  if (holidays.length === 0) errors.push('没有从通知中读到放假安排。请粘贴“一、元旦：……放假……”这样的正文。');
  return { holidays: holidays.filter((h) => inYear(h.date)), makeupWorkdays: makeupWorkdays.filter(inYear), errors };
}
