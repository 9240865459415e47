import { z } from 'zod';
import { CLOSURE_KINDS, CLOSURE_LABELS, closureWipeReason, isWorkingKind, newClosureRefusal, wipedByClosure } from '../../../core/attendance';
import { datesBetween } from '../../../core/calendar/dates';
import { closureList, closuresBetween, deleteClosure, findClosure, insertClosure, recordedDays } from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { notFound, refused } from '../errors';
import { dateRange, id, isoDate, shortText } from '../schemas';
import { OFFICE } from './access';
import { dayInfo, loadClass, writeDay } from './days';

export const closureHandlers = {
  'attendance.listClosures': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ from: isoDate.optional() }).default({}),
    run: (ctx, { from }) => closureList(ctx.db, from ?? '0000-00-00'),
  }),

  /** A closure (停课 or own holiday) for a class or the whole kindergarten. Never changes W. */
  'attendance.addClosure': handler({
    access: OFFICE,
    write: true,
    input: dateRange({ kind: z.enum(CLOSURE_KINDS, '请选择停课或园内假期'), classId: id.nullable(), reason: shortText('原因', 100) }, 92),
    run(ctx, input) {
      const calendar = loadLegalCalendar(ctx.db);
      const dates = datesBetween(input.firstDate, input.lastDate);
      const working = dates.filter((d) => isWorkingKind(dayInfo(calendar, d)));
      if (input.classId !== null && working.length > 0) loadClass(ctx, input.classId);
      const refusal = newClosureRefusal(input, working.length, closuresBetween(ctx.db, input.firstDate, input.lastDate));
      if (refusal) throw refused(refusal);
      const closureId = insertClosure(ctx.db, { ...input, createdBy: ctx.actor?.staffId ?? null, createdAt: ctx.now().toISOString() });
      // Roll calls already taken on the closed days no longer count: removed, with history.
      const taken = wipedByClosure(input, recordedDays(ctx.db, input.firstDate, input.lastDate));
      for (const t of taken) writeDay(ctx, t.childId, t.date, null, closureWipeReason(input));
      ctx.audit({
        action: 'attendance.addClosure',
        kind: 'attendance',
        entity: 'closure',
        entityId: closureId,
        summary: `${input.firstDate}～${input.lastDate} ${CLOSURE_LABELS[input.kind].zh}（${input.reason}）${taken.length ? `，撤销已记录考勤 ${taken.length} 条` : ''}`,
        after: input,
      });
      return { id: closureId, workingDays: working.length, removedRecords: taken.length };
    },
  }),

  'attendance.removeClosure': handler({
    access: OFFICE,
    write: true,
    input: z.object({ id }),
    run(ctx, { id: closureId }) {
      const before = findClosure(ctx.db, closureId);
      if (!before) throw notFound('这条停课记录', 'closure');
      deleteClosure(ctx.db, closureId);
      ctx.audit({ action: 'attendance.removeClosure', kind: 'attendance', entity: 'closure', entityId: closureId, before });
      return { removed: closureId };
    },
  }),
};
