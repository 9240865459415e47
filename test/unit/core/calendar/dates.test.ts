import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, lastDayOf, localDate, localDateTime, monthIndex, nextMonth, parseTypedDate, prevMonth } from '../../../../core/calendar/dates';

describe('dates', () => {
  it("today is the kindergarten's day (Beijing), whatever the machine's time zone", () => {
    expect(localDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(localDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
    expect(localDateTime('2026-11-30T16:05:09.123Z')).toBe('2026-12-01 00:05:09');
  });

  it('adds days and counts them across months and leap years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-20', '2026-11-27')).toBe(7);
    expect(daysBetween('2026-11-27', '2026-11-20')).toBe(-7);
  });

  it('knows month ends and neighbours, and orders months by index', () => {
    expect([lastDayOf('2026-02'), lastDayOf('2028-02'), lastDayOf('2026-12')]).toEqual(['2026-02-28', '2028-02-29', '2026-12-31']);
    expect([nextMonth('2026-12'), prevMonth('2027-01')]).toEqual(['2027-01', '2026-12']);
    expect(monthIndex('2027-01') - monthIndex('2026-09')).toBe(4);
  });

  it('reads a date the way staff type it, and refuses days that do not exist', () => {
    expect(['2026-11-23', '2026/11/23', '2026.11.23', '2026年11月23日', '20261123'].map(parseTypedDate)).toEqual(Array(5).fill('2026-11-23'));
    expect(parseTypedDate('2026-02-30')).toBeNull();
  });
});
