import { CalendarMissingError, LegalCalendar, type YearCalendar } from '../../core/calendar';
import { calendarYearRows } from '../../db/queries/attendance';
import type { Db } from '../../db/open';
import { ApiError } from '../api/errors';

// The legal calendar is rebuilt only when staff change a custom year.
let calendarCache: { key: string; calendar: LegalCalendar } | null = null;

/** The legal calendar: bundled chinese-days data plus the years staff entered or imported. */
export function loadLegalCalendar(db: Db): LegalCalendar {
  const rows = calendarYearRows(db);
  const key = JSON.stringify(rows);
  if (calendarCache?.key === key) return calendarCache.calendar;
  const custom: YearCalendar[] = rows.map((r) => ({ year: r.year, ...JSON.parse(r.data), source: r.source }));
  const calendar = new LegalCalendar(custom);
  calendarCache = { key, calendar };
  return calendar;
}

/** Runs a calendar query, turning a missing year into the message the front desk can act on. */
export function withCalendar<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof CalendarMissingError) {
      throw new ApiError('invalid_input', error.messageZh, error.message);
    }
    throw error;
  }
}
