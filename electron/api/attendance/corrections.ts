import { z } from 'zod';
import { monthOf } from '../../../core/attendance';
import { isMonthSettled } from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { invalid } from '../errors';
import { id, isoDate, optionalText } from '../schemas';
import { assertClassAccess, WRITERS } from './access';
import { dayLabel, loadChild, note, requireEnrolled, requireOpen, requireWorkingDay, statusField, writeDay } from './days';

export const correctionHandlers = {
  /** Corrects one child-day; the old value is kept in the history. */
  'attendance.correct': handler({
    access: WRITERS,
    write: true,
    input: z.object({ childId: id, date: isoDate, status: statusField, note, reason: optionalText(100) }),
    run(ctx, input) {
      const child = loadChild(ctx, input.childId);
      assertClassAccess(ctx, child.classId);
      const calendar = loadLegalCalendar(ctx.db);
      requireWorkingDay(calendar, input.date);
      if (input.status === 'present' && input.date > ctx.today()) {
        throw invalid('不能提前登记出勤。', 'Presence cannot be recorded ahead.');
      }
      requireOpen(ctx, child.classId, input.date);
      requireEnrolled(child, input.date);
      const written = writeDay(ctx, child.id, input.date, { status: input.status, note: input.note }, input.reason);
      const settled = isMonthSettled(ctx.db, monthOf(input.date));
      if (written.outcome !== 'unchanged') {
        ctx.audit({
          action: 'attendance.correct',
          kind: 'attendance',
          entity: 'child',
          entityId: child.id,
          summary: `${child.name} ${input.date}：${dayLabel(written.before)} → ${dayLabel(input)}${settled ? '（已结算月份，待结算更正）' : ''}`,
          before: written.before ?? null,
          after: { date: input.date, status: input.status, note: input.note, reason: input.reason },
        });
      }
      return { outcome: written.outcome, settled };
    },
  }),
};
