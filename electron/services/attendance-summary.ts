import type { LegalCalendar } from '../../core/calendar';
import { type ChildMonthSummary, summarizeChildMonth } from '../../core/attendance';
import { firstDayOf, lastDayOf } from '../../core/calendar/dates';
import { childrenEnrolledBetween, closuresBetween, statusCounts } from '../../db/queries/attendance';
import type { Db } from '../../db/open';
import { withCalendar } from './legal-calendar';

export interface MonthSummaryRow extends ChildMonthSummary {
  name: string;
  classId: number;
}

/**
 * Per child and month: present, sick, personal, other, closure days, own
 * holidays and W — exactly the figures the refund engine uses. Children
 * enrolled on at least one day of the month, optionally of one class.
 */
export function monthSummaries(db: Db, calendar: LegalCalendar, month: string, classId: number | null = null): MonthSummaryRow[] {
  const days = withCalendar(() => calendar.monthDays(month));
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const kids = childrenEnrolledBetween(db, first, last, classId);
  const counts = statusCounts(db, first, last);
  const closures = closuresBetween(db, first, last);
  // The summary is new: its name and class are added to it (the same keys, in the same order, as spreading it into a new object).
  return kids.map((child) => Object.assign(summarizeChildMonth({ month, days, child, counts: counts.get(child.id), closures }), { name: child.name, classId: child.classId }));
}
