// The legal calendar, for the refund engine, the attendance screen and billing.
//
//   const calendar = new LegalCalendar(customYearsFromDb);   // or bundledLegalCalendar()
//   calendar.hasYear(2027)                 -> false until 2027 is imported
//   calendar.legalWorkingDays('2026-10')   -> 18  (W; throws CalendarMissingError for unknown years)
//   calendar.dayInfo('2026-10-10')         -> { date, kind: 'makeup_workday', holidayName: '国庆节调休上班' }
//   calendar.monthDays('2026-10')          -> DayInfo[] for every day of the month
//   calendar.isWorkingDay('2026-10-01')    -> false
//
// Staff-entered years: validate with parseYearCalendar(input) (or the zod
// yearCalendarSchema for the shape), then pass them to new LegalCalendar([...]).
export { bundledLegalCalendar, type DayInfo, type DayKind, LegalCalendar } from './legal-calendar';
export { type YearCalendar, type YearHoliday, parseYearCalendar, yearCalendarSchema } from './year-calendar';
export { CalendarDataError, CalendarMissingError } from './errors';
export { type CalendarYearUse, calendarYearChangeRefusal, calendarYearRemovalRefusal } from './changes';
export { daySpan, dayNumber, FIRST_DATE, inDateWindow, inMonthWindow, isDate, isMonth, LAST_DATE, monthSpan, monthsBetween } from './dates';
