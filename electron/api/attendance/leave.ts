import { leaveDays, STATUS_LABELS } from '../../../core/attendance';
import { monthOf } from '../../../core/calendar/dates';
import { closuresBetween, isMonthSettled } from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { invalid } from '../errors';
import { dateRange, id } from '../schemas';
import { assertClassAccess, WRITERS } from './access';
import { dayInfo, dayLabel, loadChild, note, reasonField, requireEnrolled, writeDay } from './days';

/** How far ahead leave can be entered at once (a long illness is entered month by month). */
const MAX_LEAVE_DAYS = 92;

export const leaveHandlers = {
  /** Leave entered ahead (or after the fact) for a range: every legal working day in it that is not a closure. */
  'attendance.recordLeave': handler({
    access: WRITERS,
    write: true,
    input: dateRange({ childId: id, status: reasonField, note }, MAX_LEAVE_DAYS, `一次最多登记 ${MAX_LEAVE_DAYS} 天的请假`),
    run(ctx, input) {
      const child = loadChild(ctx, input.childId);
      assertClassAccess(ctx, child.classId);
      const calendar = loadLegalCalendar(ctx.db);
      const closures = closuresBetween(ctx.db, input.firstDate, input.lastDate);
      const days = leaveDays(input.firstDate, input.lastDate, (d) => dayInfo(calendar, d), closures, child.classId);
      if (days.length === 0) throw invalid('所选日期内没有需要请假的法定工作日（都是周末、节假日或停课日）。', 'No working day in the range.');
      for (const d of days) requireEnrolled(child, d);
      const changed: Record<string, string> = {};
      for (const d of days) {
        const written = writeDay(ctx, child.id, d, { status: input.status, note: input.note }, '提前请假');
        if (written.outcome !== 'unchanged') changed[d] = dayLabel(written.before);
      }
      ctx.audit({
        action: 'attendance.leave',
        kind: 'attendance',
        entity: 'child',
        entityId: child.id,
        summary: `${child.name} ${input.firstDate}～${input.lastDate} ${STATUS_LABELS[input.status].zh} ${days.length} 天`,
        before: changed,
        after: { status: input.status, note: input.note, days },
      });
      return { days, settledMonths: [...new Set(days.map(monthOf))].filter((m) => isMonthSettled(ctx.db, m)) };
    },
  }),
};
