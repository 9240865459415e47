import { z } from 'zod';
import { addDays, monthOf, nextMonth } from '../../../core/calendar/dates';
import {
  CalendarDataError,
  calendarYearChangeRefusal,
  calendarYearRemovalRefusal,
  type LegalCalendar,
  parseYearCalendar,
  type YearCalendar,
} from '../../../core/calendar';
import {
  calendarYearEntries,
  calendarYearUse,
  datesWithAttendance,
  deleteCalendarYear,
  findCalendarYear,
  saveCalendarYear,
  settledMonthsOfYear,
} from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { invalid, notFound, refused } from '../errors';
import { isoDate, month, optionalText, shortText } from '../schemas';
import { OFFICE } from './access';

/** The calendar warning looks this far ahead, so staff can import next year's calendar in time. */
const CALENDAR_WARNING_DAYS = 45;

function calendarYearWarnings(calendar: LegalCalendar, today: string): number[] {
  const months = [monthOf(today), nextMonth(monthOf(today)), monthOf(addDays(today, CALENDAR_WARNING_DAYS))];
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  return years.filter((y) => !calendar.hasYear(y));
}

const calendarYearInput = z.object({
  year: z.number('请填写年份').int('年份应为整数').min(2000, '年份应在 2000 年以后').max(2100, '年份应在 2100 年以前'),
  holidays: z
    .array(z.object({ date: isoDate, name: shortText('节日名称', 20) }))
    .min(1, '请至少录入一个法定节假日（元旦、春节、国庆节等）')
    .max(80, '节假日最多 80 天'),
  makeupWorkdays: z.array(isoDate).max(20, '调休上班日最多 20 天'),
  source: optionalText(100),
});

export const calendarHandlers = {
  /** One month of the legal calendar; `known: false` when the year has no data yet. */
  'attendance.calendarMonth': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ month }),
    run(ctx, { month: m }) {
      const calendar = loadLegalCalendar(ctx.db);
      const year = Number(m.slice(0, 4));
      if (!calendar.hasYear(year)) {
        return { month: m, year, known: false as const, days: [], W: null, source: null };
      }
      return {
        month: m,
        year,
        known: true as const,
        days: calendar.monthDays(m),
        W: calendar.legalWorkingDays(m),
        source: calendar.sourceOf(year) ?? null,
      };
    },
  }),

  /** Which years are covered, which were entered by staff, and years to import soon. */
  'attendance.calendarStatus': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const calendar = loadLegalCalendar(ctx.db);
      return {
        today: ctx.today(),
        knownYears: calendar.knownYears(),
        customYears: calendarYearEntries(ctx.db).map(({ data, ...rest }) => ({ ...rest, ...(JSON.parse(data) as Omit<YearCalendar, 'year'>) })),
        missingSoon: calendarYearWarnings(calendar, ctx.today()),
      };
    },
  }),

  /** Enter or import a year's State Council calendar (replaces an earlier entry for that year). */
  'attendance.saveCalendarYear': handler({
    access: OFFICE,
    write: true,
    input: calendarYearInput,
    run(ctx, input) {
      let parsed: YearCalendar;
      try {
        parsed = parseYearCalendar(input);
      } catch (error) {
        if (error instanceof CalendarDataError) throw invalid(error.messageZh, error.message);
        throw error;
      }
      const frozen = calendarYearChangeRefusal(
        input.year,
        settledMonthsOfYear(ctx.db, input.year),
        datesWithAttendance(ctx.db, parsed.holidays.map((h) => h.date)),
      );
      if (frozen) throw refused(frozen, 'conflict');
      const before = findCalendarYear(ctx.db, input.year) ?? null;
      const data = JSON.stringify({ holidays: parsed.holidays, makeupWorkdays: parsed.makeupWorkdays });
      saveCalendarYear(ctx.db, { year: input.year, data, source: input.source, enteredBy: ctx.actor?.staffId ?? null, enteredAt: ctx.now().toISOString() });
      const calendar = loadLegalCalendar(ctx.db);
      const W = Array.from({ length: 12 }, (_, i) => calendar.legalWorkingDays(`${input.year}-${String(i + 1).padStart(2, '0')}`));
      ctx.audit({
        action: 'attendance.saveCalendarYear',
        kind: 'attendance',
        entity: 'calendar_year',
        entityId: input.year,
        summary: `录入 ${input.year} 年法定日历：节假日 ${parsed.holidays.length} 天，调休上班 ${parsed.makeupWorkdays.length} 天`,
        before,
        after: { data, source: input.source },
      });
      return { year: input.year, W };
    },
  }),

  /**
   * Removes a year staff entered (typed for the wrong year, or the bundled data
   * now covers it). Refused once the year has attendance, closures or settled
   * months: they were counted with this calendar.
   */
  'attendance.removeCalendarYear': handler({
    access: OFFICE,
    write: true,
    input: z.object({ year: calendarYearInput.shape.year }),
    run(ctx, { year }) {
      const before = findCalendarYear(ctx.db, year);
      if (!before) throw notFound(`${year} 年录入的法定日历`, 'calendar year');
      const inUse = calendarYearRemovalRefusal(year, calendarYearUse(ctx.db, year));
      if (inUse) throw refused(inUse, 'conflict');
      deleteCalendarYear(ctx.db, year);
      const bundled = loadLegalCalendar(ctx.db).hasYear(year);
      ctx.audit({
        action: 'attendance.removeCalendarYear',
        kind: 'attendance',
        entity: 'calendar_year',
        entityId: year,
        summary: `删除录入的 ${year} 年法定日历${bundled ? '，改用系统内置数据' : ''}`,
        before,
      });
      return { year, bundled };
    },
  }),
};
