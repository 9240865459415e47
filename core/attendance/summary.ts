import type { DayInfo } from '../calendar';
import { type Closure, closureOn, isWorkingKind } from './closures';
import { type EnrollmentFacts, isEnrolledOn } from './enrollment';
import type { AttendanceStatus } from './status';

export type StatusCounts = Record<AttendanceStatus, number>;

export const emptyCounts = (): StatusCounts => ({ present: 0, sick: 0, personal: 0, other: 0 });

/**
 * One child's month, in exactly the figures the refund engine takes:
 * d = present, closureDays (停课 on legal working days, NT-3.3b) and W.
 * Own holidays are listed apart: they are neither refundable closures nor absences.
 */
export interface ChildMonthSummary extends StatusCounts {
  childId: number;
  month: string;
  /** Legal working days of the month (never changed by closures). */
  W: number;
  /** Suspension (停课) days on legal working days while the child was enrolled. */
  closureDays: number;
  /** The kindergarten's own holidays on legal working days while the child was enrolled. */
  ownHolidayDays: number;
  /** Legal working days the child was enrolled, not closed, and no roll call was recorded. */
  unrecorded: number;
  /** Legal working days of the month on which the child was enrolled. */
  enrolledWorkingDays: number;
}

export interface SummaryInput {
  month: string;
  /** The month's days from the legal calendar (LegalCalendar.monthDays). */
  days: readonly DayInfo[];
  child: EnrollmentFacts & { id: number; classId: number };
  counts: StatusCounts | undefined;
  closures: readonly Closure[];
}

export function summarizeChildMonth({ month, days, child, counts, closures }: SummaryInput): ChildMonthSummary {
  const c = counts ?? emptyCounts();
  let W = 0;
  let enrolledWorkingDays = 0;
  let closureDays = 0;
  let ownHolidayDays = 0;
  for (const day of days) {
    if (!isWorkingKind(day)) continue;
    W++;
    if (!isEnrolledOn(child, day.date)) continue;
    enrolledWorkingDays++;
    const closure = closureOn(closures, child.classId, day.date);
    if (closure?.kind === 'suspension') closureDays++;
    else if (closure?.kind === 'own_holiday') ownHolidayDays++;
  }
  const recorded = c.present + c.sick + c.personal + c.other;
  // Object.assign, not a spread of the counts: the same keys in the same order, without the ~1 KB a spread
  // copy cost here for each of a month's 1,000 children.
  return Object.assign({ childId: child.id, month, W }, c, {
    closureDays,
    ownHolidayDays,
    unrecorded: Math.max(0, enrolledWorkingDays - closureDays - ownHolidayDays - recorded),
    enrolledWorkingDays,
  });
}

export interface ClassRate {
  classId: number;
  present: number;
  /** Child-days recorded (present + every absence). */
  recorded: number;
  /** present / recorded in percent with one decimal, null when nothing was recorded. */
  rate: number | null;
}

/** 出勤率 per class: child-days present over child-days recorded. */
export function classRates(rows: readonly (StatusCounts & { classId: number })[]): ClassRate[] {
  const byClass = new Map<number, ClassRate>();
  for (const row of rows) {
    const rate = byClass.get(row.classId) ?? { classId: row.classId, present: 0, recorded: 0, rate: null };
    rate.present += row.present;
    rate.recorded += row.present + row.sick + row.personal + row.other;
    byClass.set(row.classId, rate);
  }
  for (const rate of byClass.values()) {
    rate.rate = rate.recorded === 0 ? null : Math.round((rate.present * 1000) / rate.recorded) / 10;
  }
  return [...byClass.values()];
}
