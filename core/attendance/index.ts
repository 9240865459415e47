// Attendance domain rules: statuses and reasons, enrolment on a date,
// closures, the monthly summary the refund engine uses (d, closure days, W)
// and attendance rates. Pure: the calendar and date arithmetic come from core/calendar.
export * from './calendar-text';
export * from './closures';
export * from './enrollment';
export * from './marking';
export * from './status';
export * from './summary';
export * from './leave';
