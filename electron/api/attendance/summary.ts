import { z } from 'zod';
import { classRates, closureOn, emptyCounts, isWorkingKind, notEnrolledReason, summarizeChildMonth } from '../../../core/attendance';
import { firstDayOf, lastDayOf } from '../../../core/calendar/dates';
import { changeHistory, childMarks, classList, classMarks, closuresBetween, isMonthSettled, kindergartenName } from '../../../db/queries/attendance';
import { monthSummaries } from '../../services/attendance-summary';
import { loadLegalCalendar, withCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { id, month } from '../schemas';
import { assertClassAccess } from './access';
import { loadChild, loadClass } from './days';

export const summaryHandlers = {
  /** A child's month day by day, with the summary and every correction. */
  'attendance.childMonth': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ childId: id, month }),
    run(ctx, { childId, month: m }) {
      const child = loadChild(ctx, childId);
      assertClassAccess(ctx, child.classId);
      const calendar = loadLegalCalendar(ctx.db);
      const days = withCalendar(() => calendar.monthDays(m));
      const first = firstDayOf(m);
      const last = lastDayOf(m);
      const closures = closuresBetween(ctx.db, first, last);
      const stored = childMarks(ctx.db, childId, first, last);
      const history = changeHistory(ctx.db, childId, first, last);
      const counts = emptyCounts();
      for (const r of stored.values()) counts[r.status]++;
      const cls = loadClass(ctx, child.classId);
      return {
        child: { id: child.id, name: child.name, classId: child.classId, className: cls.name },
        month: m,
        today: ctx.today(),
        settled: isMonthSettled(ctx.db, m),
        summary: summarizeChildMonth({ month: m, days, child, counts, closures }),
        days: days.map((d) => {
          const closure = closureOn(closures, child.classId, d.date);
          return {
            ...d,
            working: isWorkingKind(d),
            enrolled: notEnrolledReason(child, d.date) === null,
            closure: closure ? { kind: closure.kind, reason: closure.reason } : null,
            status: stored.get(d.date)?.status ?? null,
            note: stored.get(d.date)?.note ?? '',
            changes: history.filter((h) => h.date === d.date).length,
          };
        }),
        history,
      };
    },
  }),

  /** Per child and month: present, sick, personal, other, closures, W; and attendance rate per class. */
  'attendance.monthSummary': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ month, classId: id.nullable().default(null) }),
    run(ctx, { month: m, classId }) {
      // A teacher sees her own class whatever was asked (none while she has no class).
      const scope = ctx.classScope.classId ?? classId;
      const calendar = loadLegalCalendar(ctx.db);
      const rows = monthSummaries(ctx.db, calendar, m, scope);
      const classes = classList(ctx.db);
      const rates = classRates(rows);
      return {
        month: m,
        W: calendar.legalWorkingDays(m),
        settled: isMonthSettled(ctx.db, m),
        children: rows.map((r) => ({ ...r, className: classes.find((c) => c.id === r.classId)?.name ?? '' })),
        classes: rates.map((r) => ({ ...r, name: classes.find((c) => c.id === r.classId)?.name ?? '' })),
      };
    },
  }),

  /** The class's monthly sheet (考勤表) for printing: children × days with totals. */
  'attendance.sheet': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ classId: id, month }),
    run(ctx, { classId, month: m }) {
      assertClassAccess(ctx, classId);
      const cls = loadClass(ctx, classId);
      const calendar = loadLegalCalendar(ctx.db);
      const summaries = monthSummaries(ctx.db, calendar, m, classId);
      const days = calendar.monthDays(m);
      const closures = closuresBetween(ctx.db, firstDayOf(m), lastDayOf(m));
      const byChild = classMarks(ctx.db, classId, firstDayOf(m), lastDayOf(m));
      return {
        kindergartenName: kindergartenName(ctx.db),
        className: cls.name,
        headTeacher: cls.headTeacher,
        month: m,
        W: calendar.legalWorkingDays(m),
        days: days.map((d) => {
          const closure = closureOn(closures, classId, d.date);
          return { ...d, working: isWorkingKind(d), closure: closure ? closure.kind : null };
        }),
        rows: summaries.map((s) => ({ ...s, marks: byChild.get(s.childId) ?? {} })),
      };
    },
  }),
};
