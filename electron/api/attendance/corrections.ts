import { z } from 'zod';
import { monthOf } from '../../../core/calendar/dates';
import { closuresBetween, isMonthSettled } from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { id, isoDate, optionalText } from '../schemas';
import { assertClassAccess, WRITERS } from './access';
import { dayLabel, loadChild, note, requireEnrolled, requireMarkable, statusField, writeDay } from './days';

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
      const closures = closuresBetween(ctx.db, input.date, input.date);
      requireMarkable(ctx, { marking: 'correction', calendar, date: input.date, status: input.status, closures, classId: child.classId });
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
