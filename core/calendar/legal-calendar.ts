import { bundledYearCalendars } from './bundled';
import { daysInMonth, formatDate, parseDate, parseMonth, weekday } from './dates';
import { CalendarMissingError } from './errors';
import { parseYearCalendar, type YearCalendar } from './year-calendar';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** The holiday's name (春节), or for a make-up day the festival it makes up for. */
  holidayName?: string;
}

interface YearIndex {
  holidays: Map<string, string>;
  makeup: Map<string, string | undefined>;
}

function indexYear(calendar: YearCalendar): YearIndex {
  return {
    holidays: new Map(calendar.holidays.map((h) => [h.date, h.name])),
    makeup: new Map(calendar.makeupWorkdays.map((d) => [d, calendar.makeupWorkdayNames?.[d]])),
  };
}

/**
 * The legal (State Council) calendar: which days are working days, and W, the
 * legal working days of a month (Mon-Fri minus public holidays plus make-up
 * working days). Kindergarten closures are deliberately not part of it: they
 * never change W. Every query for a year without data throws
 * CalendarMissingError rather than guessing Mon-Fri.
 */
export class LegalCalendar {
  private readonly years = new Map<number, YearIndex>();
  private readonly sources = new Map<number, string | undefined>();
  private readonly monthCache = new Map<string, readonly DayInfo[]>();
  private readonly workingDayCache = new Map<string, number>();

  /**
   * @param customYears staff-entered or imported calendars; they replace the
   *   bundled data for the same year (a correction must win over the package).
   * @param includeBundled false gives a calendar with only the custom years (tests, imports preview).
   */
  constructor(customYears: readonly YearCalendar[] = [], includeBundled = true) {
    if (includeBundled) {
      for (const [year, calendar] of bundledYearCalendars()) this.addYear(year, calendar);
    }
    for (const raw of customYears) {
      const calendar = parseYearCalendar(raw);
      this.addYear(calendar.year, calendar);
    }
  }

  private addYear(year: number, calendar: YearCalendar): void {
    this.years.set(year, indexYear(calendar));
    this.sources.set(year, calendar.source);
  }

  /** A new calendar with one more (or a corrected) year; this one is unchanged. */
  withYear(calendar: YearCalendar): LegalCalendar {
    const copy = new LegalCalendar([], false);
    for (const [year, index] of this.years) {
      copy.years.set(year, index);
      copy.sources.set(year, this.sources.get(year));
    }
    const parsed = parseYearCalendar(calendar);
    copy.addYear(parsed.year, parsed);
    return copy;
  }

  /** True when the calendar knows the holidays and make-up days of `year`. */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The years this calendar can answer for, ascending. */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Where the data for `year` came from, if recorded. */
  sourceOf(year: number): string | undefined {
    return this.sources.get(year);
  }

  private yearIndex(year: number): YearIndex {
    const index = this.years.get(year);
    if (!index) throw new CalendarMissingError(year);
    return index;
  }

  /** Kind of one day ('YYYY-MM-DD'). Throws CalendarMissingError for an unknown year. */
  dayInfo(date: string): DayInfo {
    const parsed = parseDate(date);
    if (!parsed) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
    const index = this.yearIndex(parsed.year);
    const holiday = index.holidays.get(date);
    if (holiday !== undefined) return { date, kind: 'holiday', holidayName: holiday };
    if (index.makeup.has(date)) {
      const name = index.makeup.get(date);
      return name === undefined ? { date, kind: 'makeup_workday' } : { date, kind: 'makeup_workday', holidayName: name };
    }
    const dow = weekday(parsed.year, parsed.month, parsed.day);
    return { date, kind: dow === 0 || dow === 6 ? 'weekend' : 'workday' };
  }

  /** True for ordinary workdays and make-up working days. */
  isWorkingDay(date: string): boolean {
    const kind = this.dayInfo(date).kind;
    return kind === 'workday' || kind === 'makeup_workday';
  }

  /** Every day of a month ('YYYY-MM') with its kind, in order (for the attendance grid). */
  monthDays(month: string): readonly DayInfo[] {
    const cached = this.monthCache.get(month);
    if (cached) return cached;
    const parsed = parseMonth(month);
    if (!parsed) throw new RangeError(`not a month (YYYY-MM): ${month}`);
    this.yearIndex(parsed.year);
    const days: DayInfo[] = [];
    for (let day = 1; day <= daysInMonth(parsed.year, parsed.month); day++) {
      days.push(this.dayInfo(formatDate(parsed.year, parsed.month, day)));
    }
    const frozen = Object.freeze(days);
    this.monthCache.set(month, frozen);
    return frozen;
  }

  /** W: the legal working days of a month ('YYYY-MM'). Throws CalendarMissingError for an unknown year. */
  legalWorkingDays(month: string): number {
    const cached = this.workingDayCache.get(month);
    if (cached !== undefined) return cached;
    const count = this.monthDays(month).filter((d) => d.kind === 'workday' || d.kind === 'makeup_workday').length;
    this.workingDayCache.set(month, count);
    return count;
  }
}

let bundled: LegalCalendar | undefined;

/** The calendar from the bundled chinese-days data only, built once. */
export function bundledLegalCalendar(): LegalCalendar {
  bundled ??= new LegalCalendar();
  return bundled;
}
