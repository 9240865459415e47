// The attendance facts settlement needs beyond the monthly summary: on which
// days no roll call was taken (the summary only counts them), and in which
// month a child who left did so.
import { type Closure, closureOn, isEnrolledOn, isWorkingKind } from '../attendance';
import { addDays, monthOf } from '../calendar/dates';
import type { DayInfo } from '../calendar';
import type { ChildFact, FixLink, MonthAttendance, Problem } from './types';

const LEFT = new Set(['withdrawn', 'graduated']);

/**
 * The month a child who left (退园, 毕业) last came: statusSince is the first
 * day away, so leaving on 11-01 is leaving in October. Null while the child is
 * enrolled or suspended (休学 is leave, not leaving).
 */
export function leavingMonth(child: Pick<ChildFact, 'status' | 'statusSince' | 'enrolledOn'>): string | null {
  if (!LEFT.has(child.status) || !child.statusSince) return null;
  // Left on the first day: never came; the month of that day.
  if (child.statusSince <= child.enrolledOn) return monthOf(child.statusSince);
  return monthOf(addDays(child.statusSince, -1));
}

/** The working days of the month the child was enrolled, not closed, and has no roll call. */
export function unrecordedDates(
  days: readonly DayInfo[],
  child: Pick<ChildFact, 'enrolledOn' | 'status' | 'statusSince' | 'classId'>,
  closures: readonly Closure[],
  recorded: ReadonlySet<string>,
): string[] {
  const missing: string[] = [];
  for (const day of days) {
    if (!isWorkingKind(day) || !isEnrolledOn(child, day.date)) continue;
    if (closureOn(closures, child.classId, day.date)) continue;
    if (!recorded.has(day.date)) missing.push(day.date);
  }
  return missing;
}

/** 「2026-10-12 等 2 个工作日没有考勤记录，……」 for the first month of `months` with gaps, or null. */
export function missingAttendanceProblem(childId: number, months: readonly MonthAttendance[]): Problem | null {
  const gap = months.find((m) => m.unrecorded > 0);
  if (!gap) return null;
  const n = gap.unrecorded;
  const first = gap.missingDates[0];
  const where = first ? (n > 1 ? `${first} 等 ${n} 个工作日` : `${first}`) : `${gap.month} 有 ${n} 个工作日`;
  const link: FixLink = { to: 'attendance', childId, month: gap.month };
  return {
    code: 'missing_attendance',
    zh: `${where}没有考勤记录，请在“考勤”中补录后再结算。`,
    en: `${n} working day${n > 1 ? 's' : ''} of ${gap.month}${first ? ` (from ${first})` : ''} have no roll call; record them in Attendance, then settle.`,
    link,
  };
}
