// The State Council calendars bundled with chinese-days, turned into
// YearCalendar objects. Only years present in its data file are offered:
// chinese-days answers "workday" for any Monday-Friday of an unknown year,
// which is exactly the guess the fee notices forbid.
import data from 'chinese-days/dist/chinese-days.json';
import type { YearCalendar } from './year-calendar';

/** Values look like "Spring Festival,春节,4": English, Chinese, length. */
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

function buildBundledYears(): Map<number, YearCalendar> {
  const years = new Map<number, YearCalendar>();
  const yearOf = (date: string): YearCalendar => {
    const year = Number(date.slice(0, 4));
    let calendar = years.get(year);
    if (!calendar) {
      calendar = { year, holidays: [], makeupWorkdays: [], makeupWorkdayNames: {}, source: 'chinese-days 1.5.7' };
      years.set(year, calendar);
    }
    return calendar;
  };
  for (const [date, value] of Object.entries(data.holidays as Record<string, string>)) {
    yearOf(date).holidays.push({ date, name: chineseName(value) });
  }
  for (const [date, value] of Object.entries(data.workdays as Record<string, string>)) {
    const calendar = yearOf(date);
    calendar.makeupWorkdays.push(date);
    const names = calendar.makeupWorkdayNames ?? {};
    names[date] = `${chineseName(value)}调休上班`;
    calendar.makeupWorkdayNames = names;
  }
  return years;
}

let cache: Map<number, YearCalendar> | undefined;

/** Year calendars from chinese-days (2004-2026 in version 1.5.7), built once. */
export function bundledYearCalendars(): ReadonlyMap<number, YearCalendar> {
  cache ??= buildBundledYears();
  return cache;
}
