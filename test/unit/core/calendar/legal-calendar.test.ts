import { describe, expect, it } from 'vitest';
import {
  bundledLegalCalendar,
  CalendarDataError,
  CalendarMissingError,
  LegalCalendar,
  parseYearCalendar,
  type YearCalendar,
} from '../../../../core/calendar';

const calendar = bundledLegalCalendar();

describe('legal working days (W)', () => {
  const expected2026 = [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23];
  it.each(expected2026.map((w, i) => [`2026-${String(i + 1).padStart(2, '0')}`, w] as const))('%s has W = %i', (month, w) => {
    expect(calendar.legalWorkingDays(month)).toBe(w);
  });

  it('counts make-up working days (调休上班) as working days', () => {
    expect(calendar.dayInfo('2026-01-04')).toEqual({ date: '2026-01-04', kind: 'makeup_workday', holidayName: '元旦调休上班' });
    expect(calendar.dayInfo('2026-02-14').kind).toBe('makeup_workday');
    expect(calendar.dayInfo('2026-02-28').kind).toBe('makeup_workday');
    expect(calendar.dayInfo('2026-09-20').kind).toBe('makeup_workday');
    expect(calendar.dayInfo('2026-10-10').kind).toBe('makeup_workday');
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('names holidays and tells weekends from workdays', () => {
    expect(calendar.dayInfo('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', holidayName: '国庆节' });
    expect(calendar.dayInfo('2026-02-16').holidayName).toBe('春节');
    expect(calendar.dayInfo('2026-11-07').kind).toBe('weekend');
    expect(calendar.dayInfo('2026-11-09').kind).toBe('workday');
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
  });

  it('monthDays lists every day, consistent with W', () => {
    const days = calendar.monthDays('2026-02');
    expect(days).toHaveLength(28);
    expect(days[0]?.date).toBe('2026-02-01');
    expect(days.filter((d) => d.kind === 'workday' || d.kind === 'makeup_workday')).toHaveLength(16);
  });

  it('covers exactly the years in the chinese-days data (2004-2026)', () => {
    expect(calendar.knownYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
  });
});

describe('a year without data is never guessed', () => {
  it('throws CalendarMissingError with the year and a clerk-readable message', () => {
    for (const query of [
      () => calendar.legalWorkingDays('2027-03'),
      () => calendar.dayInfo('2027-03-01'),
      () => calendar.monthDays('2027-03'),
      () => calendar.isWorkingDay('2003-12-31'),
    ]) {
      expect(query).toThrow(CalendarMissingError);
    }
    try {
      calendar.legalWorkingDays('2027-03');
    } catch (error) {
      const missing = error as CalendarMissingError;
      expect(missing.year).toBe(2027);
      expect(missing.messageZh).toContain('2027 年');
      expect(missing.messageZh).toContain('法定工作日');
    }
  });
});

describe('staff-entered year calendars', () => {
  // A made-up 2027 arrangement, only to exercise the model.
  const year2027: YearCalendar = {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-04', name: '国庆节' },
    ],
    makeupWorkdays: ['2027-09-26'],
    source: '国办发明电（测试数据）',
  };

  it('adds a year, with make-up days counted and holidays removed', () => {
    const custom = new LegalCalendar([year2027]);
    expect(custom.hasYear(2027)).toBe(true);
    // 2027-01: 21 weekdays, minus Friday 01-01.
    expect(custom.legalWorkingDays('2027-01')).toBe(20);
    // 2027-09: 22 weekdays plus Sunday 09-26.
    expect(custom.legalWorkingDays('2027-09')).toBe(23);
    // 2027-10: 21 weekdays minus Fri 10-01 and Mon 10-04.
    expect(custom.legalWorkingDays('2027-10')).toBe(19);
    expect(custom.dayInfo('2027-09-26').kind).toBe('makeup_workday');
    expect(custom.sourceOf(2027)).toBe('国办发明电（测试数据）');
    expect(custom.legalWorkingDays('2026-10')).toBe(18);
  });

  it('withYear returns a new calendar and leaves the original alone', () => {
    const extended = calendar.withYear(year2027);
    expect(extended.hasYear(2027)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('a custom year replaces the bundled one (a correction wins)', () => {
    const corrected = new LegalCalendar([{ year: 2026, holidays: [], makeupWorkdays: [] }]);
    expect(corrected.legalWorkingDays('2026-10')).toBe(22);
  });

  it('a calendar of custom years only knows those years', () => {
    const only = new LegalCalendar([year2027], false);
    expect(only.knownYears()).toEqual([2027]);
  });

  it.each([
    ['an impossible date', { ...year2027, holidays: [{ date: '2027-02-30', name: '春节' }] }, '2027-02-30'],
    ['a date in another year', { ...year2027, makeupWorkdays: ['2026-09-26'] }, 'not in 2027'],
    ['a make-up day on a weekday', { ...year2027, makeupWorkdays: ['2027-09-27'] }, 'not a Saturday or Sunday'],
    ['a date twice', { ...year2027, makeupWorkdays: ['2027-10-02'], holidays: [{ date: '2027-10-02', name: '国庆节' }] }, 'twice'],
    ['a holiday without a name', { ...year2027, holidays: [{ date: '2027-10-01', name: ' ' }] }, 'holidays.0.name'],
    ['no year', { holidays: [], makeupWorkdays: [] }, 'year'],
  ])('rejects %s', (_name, input, message) => {
    expect(() => parseYearCalendar(input)).toThrow(CalendarDataError);
    expect(() => parseYearCalendar(input)).toThrow(message);
  });
});
