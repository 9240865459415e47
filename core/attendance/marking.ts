import type { DayInfo } from '../calendar';
import { datesBetween } from '../calendar/dates';
import type { Refusal } from '../refusal';
import { type Closure, closureOn, isWorkingKind } from './closures';
import { type EnrollmentFacts, notEnrolledReason } from './enrollment';
import { type AttendanceStatus, CLOSURE_LABELS } from './status';

/**
 * Which child-days may be marked. Attendance is kept only on legal working
 * days that are not closures, for children enrolled that day; the roll call
 * is never taken ahead, and leave is the only thing entered for a future day.
 */

const DAY_KIND_ZH: Record<DayInfo['kind'], string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  makeup_workday: '调休上班日',
};

/** How a day is being marked: the class's roll call, one child's correction, or leave entered for a range. */
export type Marking = 'roll_call' | 'correction' | 'leave';

/** Refused when the day is not a legal working day (weekend, holiday). */
export function notWorkingDayRefusal(day: DayInfo): Refusal | null {
  if (isWorkingKind(day)) return null;
  const what = day.holidayName ? `${day.holidayName}（${DAY_KIND_ZH[day.kind]}）` : DAY_KIND_ZH[day.kind];
  return { zh: `${day.date} 是${what}，不是法定工作日，不记考勤。`, en: `${day.date} is not a legal working day.` };
}

/** Refused when the day is a closure for the class. */
export function closedDayRefusal(closures: readonly Closure[], classId: number, date: string): Refusal | null {
  const closure = closureOn(closures, classId, date);
  if (!closure) return null;
  return {
    zh: `${date} ${closure.classId === null ? '全园' : '本班'}${CLOSURE_LABELS[closure.kind].zh}（${closure.reason}），不记考勤。`,
    en: `${date} is a closure day.`,
  };
}

/** The roll call is never taken for a day still to come; a correction may record an absence ahead, never presence. */
export function futureRefusal(marking: Marking, date: string, today: string, status: AttendanceStatus): Refusal | null {
  if (date <= today || marking === 'leave') return null;
  if (marking === 'roll_call') {
    return { zh: '不能为今天以后的日期点名；家长提前请假请用“请假登记”。', en: 'Roll call cannot be taken for a future day.' };
  }
  return status === 'present' ? { zh: '不能提前登记出勤。', en: 'Presence cannot be recorded ahead.' } : null;
}

/**
 * A day-level check in the order the desk should hear it: not a working day,
 * then a day still to come, then a closure.
 */
export function dayRefusal(input: {
  marking: Marking;
  day: DayInfo;
  today: string;
  status: AttendanceStatus;
  closures: readonly Closure[];
  classId: number;
}): Refusal | null {
  return (
    notWorkingDayRefusal(input.day) ??
    futureRefusal(input.marking, input.day.date, input.today, input.status) ??
    closedDayRefusal(input.closures, input.classId, input.day.date)
  );
}

/** Refused when the child is not enrolled on the day (not yet joined, or away since a status change). */
export function notEnrolledRefusal(child: EnrollmentFacts & { name: string }, date: string): Refusal | null {
  const reason = notEnrolledReason(child, date);
  return reason ? { zh: `${child.name}${reason}，不能记考勤。`, en: `${child.name} is not enrolled on ${date}.` } : null;
}

/** The days a leave range covers: its legal working days that are not closures for the class. */
export function leaveDays(first: string, last: string, dayInfo: (date: string) => DayInfo, closures: readonly Closure[], classId: number): string[] {
  return datesBetween(first, last).filter((d) => isWorkingKind(dayInfo(d)) && !closureOn(closures, classId, d));
}
