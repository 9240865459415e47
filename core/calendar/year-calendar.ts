// The calendar of one year as the State Council publishes it: the public
// holidays (including the weekend days inside a holiday block) and the weekend
// days declared make-up working days (调休上班). Staff enter or import this
// when the bundled data does not yet cover a year.
import { z } from 'zod';
import { parseDate, weekday } from './dates';
import { CalendarDataError } from './errors';

export interface YearHoliday {
  date: string;
  name: string;
}

export interface YearCalendar {
  year: number;
  holidays: YearHoliday[];
  /** Weekend dates that are working days; a festival name may be attached by the bundled data. */
  makeupWorkdays: string[];
  /** Optional names for make-up days (the festival they make up for), keyed by date. */
  makeupWorkdayNames?: Record<string, string>;
  /** Where the data comes from, e.g. 国办发明电〔2025〕7号 or 'chinese-days 1.5.7'. */
  source?: string;
}

export const yearCalendarSchema = z.object({
  year: z.number().int().min(1990).max(2200),
  holidays: z.array(z.object({ date: z.string(), name: z.string().trim().min(1) })),
  makeupWorkdays: z.array(z.string()),
  makeupWorkdayNames: z.record(z.string(), z.string()).optional(),
  source: z.string().optional(),
});

function fail(message: string, messageZh: string): never {
  throw new CalendarDataError(message, messageZh);
}

/**
 * Checks an entered or imported year calendar and returns it normalised
 * (sorted dates). Throws CalendarDataError naming the offending date.
 */
export function parseYearCalendar(input: unknown): YearCalendar {
  const shape = yearCalendarSchema.safeParse(input);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const where = issue?.path.join('.') || 'calendar';
    fail(`${where}: ${issue?.message ?? 'invalid'}`, `日历数据格式有误（${where}）。`);
  }
  const { year, holidays, makeupWorkdays, makeupWorkdayNames, source } = shape.data;
  const seen = new Set<string>();
  const checkDate = (date: string, what: string, whatZh: string) => {
    const parsed = parseDate(date);
    if (!parsed) fail(`${what} "${date}" is not a date (YYYY-MM-DD)`, `${whatZh}“${date}”不是有效日期。`);
    if (parsed.year !== year)
      fail(`${what} ${date} is not in ${year}`, `${whatZh} ${date} 不在 ${year} 年内。`);
    if (seen.has(date))
      fail(`${date} is listed twice`, `${date} 重复出现（不能既是假日又是调休上班日，也不能重复录入）。`);
    seen.add(date);
    return parsed;
  };
  for (const holiday of holidays) checkDate(holiday.date, 'holiday', '节假日');
  for (const date of makeupWorkdays) {
    const d = checkDate(date, 'make-up working day', '调休上班日');
    const dow = weekday(d.year, d.month, d.day);
    if (dow !== 0 && dow !== 6)
      fail(
        `make-up working day ${date} is not a Saturday or Sunday`,
        `调休上班日 ${date} 不是周六或周日，请核对。`,
      );
  }
  const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return {
    year,
    holidays: [...holidays].sort(byDate),
    makeupWorkdays: [...makeupWorkdays].sort(),
    ...(makeupWorkdayNames === undefined ? {} : { makeupWorkdayNames }),
    ...(source === undefined ? {} : { source }),
  };
}

