// Attendance domain rules: statuses and reasons, enrolment on a date,
// closures, the monthly summary the refund engine uses (d, closure days, W)
// and attendance rates. Pure: the calendar comes from core/calendar.
export * from './calendar-text';
export * from './closures';
export * from './dates';
export * from './enrollment';
export * from './status';
export * from './summary';
export * from './leave';
