import { z } from 'zod';
import { type AbsenceReason, isWorkingKind, leaveDays, leaveStretches, STATUS_LABELS } from '../../../core/attendance';
import { CalendarMissingError } from '../../../core/calendar';
import { monthOf } from '../../../core/calendar/dates';
import { absencesFrom, closuresBetween, enrolledChildren, isMonthSettled } from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler, type HandlerContext } from '../define';
import { ApiError, invalid } from '../errors';
import { msg } from '../messages';
import { dateRange, id } from '../schemas';
import { assertClassAccess, OFFICE, WRITERS } from './access';
import { loadChild, note, reasonField, requireEnrolled, writeDay } from './days';

/** How far ahead leave can be entered at once (a long illness is entered month by month). */
const MAX_LEAVE_DAYS = 92;

const TOO_LONG = msg(`一次最多登记 ${MAX_LEAVE_DAYS} 天的请假`, `At most ${MAX_LEAVE_DAYS} days of leave at once`);

/**
 * The working days of a leave range. A range reaching into a year without a
 * legal calendar says which year, up to which day leave can be entered now,
 * and links to where the calendar is entered (for those who may enter it).
 */
function leaveWorkingDays(ctx: HandlerContext, classId: number, firstDate: string, lastDate: string): string[] {
  const calendar = loadLegalCalendar(ctx.db);
  const closures = closuresBetween(ctx.db, firstDate, lastDate);
  try {
    return leaveDays(firstDate, lastDate, (d) => calendar.dayInfo(d), closures, classId);
  } catch (error) {
    if (!(error instanceof CalendarMissingError)) throw error;
    const year = error.year;
    const until = `${year - 1}-12-31`;
    const canEnter = (OFFICE as readonly string[]).includes(ctx.actor?.role ?? '');
    const upTo = until >= firstDate ? `可以先登记到 ${until}；` : '';
    const upToEn = until >= firstDate ? ` You can enter leave up to ${until} now.` : '';
    throw new ApiError(
      'invalid_input',
      `还没有 ${year} 年的法定节假日安排，无法确定 ${year} 年哪些天要请假。${upTo}${canEnter ? `录入 ${year} 年日历后再登记之后的日子。` : `请园长或前台先录入 ${year} 年日历。`}`,
      `There is no ${year} legal calendar yet, so the working days of ${year} are not known.${upToEn}${canEnter ? ` Enter the ${year} calendar first.` : ` Ask the principal or front desk to enter the ${year} calendar.`}`,
      { lastDate: msg(`${year} 年的法定日历还没有录入`, `No ${year} legal calendar yet`) },
      canEnter ? { route: '/attendance/calendar', label: `录入 ${year} 年法定日历`, labelEn: `Enter the ${year} calendar` } : undefined,
    );
  }
}

export const leaveHandlers = {
  /** Everyone leave can be entered for, so a child is picked by name or initials without choosing the class first. */
  'attendance.leaveChildren': handler({
    access: WRITERS,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      return enrolledChildren(ctx.db, ctx.classScope.classId);
    },
  }),

  /** Leave from today on, one line per stretch ("病假 11-23～11-27, 5 天"), to check and cancel. */
  'attendance.upcomingLeave': handler({
    access: WRITERS,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const rows = absencesFrom(ctx.db, ctx.today(), ctx.classScope.classId);
      const calendar = loadLegalCalendar(ctx.db);
      // A year without a calendar cannot hold leave, so its days are never asked about; treat unknown as a working day.
      const working = (d: string) => {
        try {
          return isWorkingKind(calendar.dayInfo(d));
        } catch (error) {
          if (error instanceof CalendarMissingError) return true;
          throw error;
        }
      };
      const names = new Map(rows.map((r) => [r.childId, { name: r.name, className: r.className }]));
      return leaveStretches(
        rows.map((r) => ({ childId: r.childId, date: r.date, status: r.status as AbsenceReason, note: r.note })),
        working,
      ).map((s) => ({ ...s, ...names.get(s.childId)! }));
    },
  }),

  /** Leave entered ahead (or after the fact) for a range: every legal working day in it that is not a closure. */
  'attendance.recordLeave': handler({
    access: WRITERS,
    write: true,
    input: dateRange({ childId: id, status: reasonField, note }, MAX_LEAVE_DAYS, TOO_LONG),
    run(ctx, input) {
      const child = loadChild(ctx, input.childId);
      assertClassAccess(ctx, child.classId);
      const days = leaveWorkingDays(ctx, child.classId, input.firstDate, input.lastDate);
      if (days.length === 0) throw invalid('所选日期内没有需要请假的法定工作日（都是周末、节假日或停课日）。', 'No working day in the range.');
      for (const d of days) requireEnrolled(child, d);
      const before: Record<string, string | null> = {};
      for (const d of days) {
        const written = writeDay(ctx, child.id, d, { status: input.status, note: input.note }, '提前请假');
        if (written.outcome !== 'unchanged') before[d] = written.before?.status ?? null;
      }
      ctx.audit({
        action: 'attendance.leave',
        kind: 'attendance',
        entity: 'child',
        entityId: child.id,
        summary: `${child.name} ${input.firstDate}～${input.lastDate} ${STATUS_LABELS[input.status].zh} ${days.length} 天`,
        // Keyed by day on both sides, as status codes, so the trail reads "11-23：未记录 → 病假".
        before,
        after: { ...Object.fromEntries(Object.keys(before).map((d) => [d, input.status])), note: input.note },
      });
      return { days, settledMonths: [...new Set(days.map(monthOf))].filter((m) => isMonthSettled(ctx.db, m)) };
    },
  }),

  /** Takes back leave entered ahead (plans change): the days from today on in the range are cleared, and the trail keeps them. */
  'attendance.cancelLeave': handler({
    access: WRITERS,
    write: true,
    input: dateRange({ childId: id }, MAX_LEAVE_DAYS, TOO_LONG),
    run(ctx, input) {
      const child = loadChild(ctx, input.childId);
      assertClassAccess(ctx, child.classId);
      const today = ctx.today();
      const first = input.firstDate < today ? today : input.firstDate;
      const absences = absencesFrom(ctx.db, first, null).filter((r) => r.childId === child.id && r.date <= input.lastDate);
      if (absences.length === 0) {
        throw invalid(
          input.lastDate < today ? '已经过去的请假不能取消；如记录有误，请在点名或考勤更正中修改。' : '这段日期没有可以取消的请假（可能已被取消）。',
          input.lastDate < today ? 'Past leave cannot be cancelled; correct the day instead.' : 'No leave to cancel in these days.',
        );
      }
      const before: Record<string, string> = {};
      for (const r of absences) {
        writeDay(ctx, child.id, r.date, null, '取消请假');
        before[r.date] = r.status;
      }
      ctx.audit({
        action: 'attendance.cancelLeave',
        kind: 'attendance',
        entity: 'child',
        entityId: child.id,
        summary: `取消 ${child.name} ${absences[0]!.date}～${absences.at(-1)!.date} 的请假 ${absences.length} 天`,
        before,
        after: Object.fromEntries(absences.map((r) => [r.date, null])),
      });
      return { days: absences.map((r) => r.date), settledMonths: [...new Set(absences.map((r) => monthOf(r.date)))].filter((m) => isMonthSettled(ctx.db, m)) };
    },
  }),
};
