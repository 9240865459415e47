import { z } from 'zod';
import type { DayInfo, LegalCalendar } from '../../../core/calendar';
import {
  ABSENCE_REASONS,
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type Closure,
  dayRefusal,
  emptyCounts,
  type Marking,
  notEnrolledRefusal,
  STATUS_LABELS,
} from '../../../core/attendance';
import { monthOf } from '../../../core/calendar/dates';
import {
  type AttendanceChild,
  deleteDay,
  findChild,
  findClass,
  insertChange,
  isMonthSettled,
  type StoredDay,
  storedDay,
  upsertDay,
} from '../../../db/queries/attendance';
import { withCalendar } from '../../services/legal-calendar';
import type { HandlerContext } from '../define';
import { notFound, refused } from '../errors';
import { optionalText } from '../schemas';

/** What the roll-call, leave, correction and closure handlers share: loading, the day rules, writing one child-day. */

export const statusField = z.enum(ATTENDANCE_STATUSES, '考勤状态只能是出勤、病假、事假或其他');
export const reasonField = z.enum(ABSENCE_REASONS, '请假原因只能是病假、事假或其他');
export const note = optionalText(100);

/** The legal calendar's day; a year without data becomes the message the front desk can act on. */
export function dayInfo(calendar: LegalCalendar, date: string): DayInfo {
  return withCalendar(() => calendar.dayInfo(date));
}

/** Throws unless the day may be marked this way for the class (core/attendance/marking.ts has the rules). */
export function requireMarkable(
  ctx: HandlerContext,
  input: { marking: Marking; calendar: LegalCalendar; date: string; status: AttendanceStatus; closures: readonly Closure[]; classId: number },
): void {
  const refusal = dayRefusal({ ...input, day: dayInfo(input.calendar, input.date), today: ctx.today() });
  if (refusal) throw refused(refusal);
}

export function requireEnrolled(child: AttendanceChild, date: string): void {
  const refusal = notEnrolledRefusal(child, date);
  if (refusal) throw refused(refusal);
}

export function loadChild(ctx: HandlerContext, childId: number): AttendanceChild {
  const child = findChild(ctx.db, childId);
  if (!child) throw notFound('这名幼儿', 'child');
  return child;
}

export function loadClass(ctx: HandlerContext, classId: number): { id: number; name: string; headTeacher: string } {
  const row = findClass(ctx.db, classId);
  if (!row) throw notFound('这个班级', 'class');
  return row;
}

export type Outcome = 'created' | 'changed' | 'unchanged';

/**
 * Writes one child-day. A change to an existing row, and any write in a
 * settled month, is kept in attendance_changes (who, when, old, new); in a
 * settled month it is flagged so billing makes a settlement correction.
 */
export function writeDay(
  ctx: HandlerContext,
  childId: number,
  date: string,
  next: StoredDay | null,
  reason: string,
): { outcome: Outcome; before: StoredDay | undefined } {
  const before = storedDay(ctx.db, childId, date);
  if (!before && !next) return { outcome: 'unchanged', before };
  if (before && next && before.status === next.status && before.note === next.note) return { outcome: 'unchanged', before };
  const at = ctx.now().toISOString();
  const staffId = ctx.actor?.staffId ?? null;
  if (next) upsertDay(ctx.db, { childId, date, status: next.status, note: next.note, recordedBy: staffId, recordedAt: at });
  else deleteDay(ctx.db, childId, date);
  const settled = isMonthSettled(ctx.db, monthOf(date));
  if (before || settled) {
    insertChange(ctx.db, {
      childId,
      date,
      oldStatus: before?.status ?? null,
      oldNote: before?.note ?? '',
      newStatus: next?.status ?? null,
      newNote: next?.note ?? '',
      reason,
      changedBy: staffId,
      changedAt: at,
      afterSettlement: settled,
    });
  }
  return { outcome: before ? 'changed' : 'created', before };
}

/** A stored day as the audit trail keeps it, as a code the screen puts in words: "sick（发烧）", or null (not recorded). */
export const dayCode = (s: StoredDay | undefined | null) => (s ? `${s.status}${s.note ? `（${s.note}）` : ''}` : null);

/** A stored day as a Chinese summary says it: 病假（发烧）, or 未记录. */
export const dayLabel = (s: StoredDay | undefined | null) => (s ? `${STATUS_LABELS[s.status].zh}${s.note ? `（${s.note}）` : ''}` : '未记录');

export function countByStatus(statuses: AttendanceStatus[]): string {
  const counts = emptyCounts();
  for (const s of statuses) counts[s]++;
  return ATTENDANCE_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${STATUS_LABELS[s].zh} ${counts[s]}`)
    .join('，');
}
