import { z } from 'zod';
import { closureOn, isWorkingKind, notEnrolledReason } from '../../../core/attendance';
import { monthOf } from '../../../core/calendar/dates';
import { closuresBetween, isMonthSettled, rollCallRows } from '../../../db/queries/attendance';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { invalid } from '../errors';
import { id, isoDate, optionalText, whenFieldsValid } from '../schemas';
import { assertClassAccess, WRITERS } from './access';
import { countByStatus, dayCode, dayInfo, loadChild, loadClass, note, requireEnrolled, requireMarkable, statusField, writeDay } from './days';

const entry = z.object({ childId: id, status: statusField, note });

export const rollCallHandlers = {
  /** One class on one day: everyone, with what is recorded (null = not yet recorded; the screen defaults to present). */
  'attendance.rollCall': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ classId: id, date: isoDate }),
    run(ctx, { classId, date }) {
      assertClassAccess(ctx, classId);
      const cls = loadClass(ctx, classId);
      const calendar = loadLegalCalendar(ctx.db);
      const day = dayInfo(calendar, date);
      const closure = closureOn(closuresBetween(ctx.db, date, date), classId, date) ?? null;
      const kids = rollCallRows(ctx.db, classId, date);
      return {
        classId,
        className: cls.name,
        date,
        today: ctx.today(),
        day,
        workingDay: isWorkingKind(day),
        closure,
        settled: isMonthSettled(ctx.db, monthOf(date)),
        children: kids
          .filter((k) => notEnrolledReason(k, date) === null)
          .map((k) => ({
            id: k.id,
            name: k.name,
            initials: k.nameInitials,
            pinyin: k.namePinyin,
            /** Allergies, medication, who may collect: what the teacher must see beside the name. */
            healthNotes: k.healthNotes,
            status: k.recorded,
            note: k.note ?? '',
            recordedBy: k.recordedBy,
            recordedAt: k.recordedAt,
            changes: k.changes,
          })),
      };
    },
  }),

  /** Saves a class's roll call for a day; changes to earlier entries are kept as corrections. */
  'attendance.saveRollCall': handler({
    access: WRITERS,
    write: true,
    input: z.object({
      classId: id,
      date: isoDate,
      entries: z
        .array(entry)
        .min(1, '没有要保存的考勤')
        .max(200)
        .refine((list) => new Set(list.map((e) => e.childId)).size === list.length, { message: '同一名幼儿出现了两次', ...whenFieldsValid }),
      reason: optionalText(100),
    }),
    run(ctx, { classId, date, entries, reason }) {
      assertClassAccess(ctx, classId);
      const cls = loadClass(ctx, classId);
      const calendar = loadLegalCalendar(ctx.db);
      requireMarkable(ctx, { marking: 'roll_call', calendar, date, status: 'present', closures: closuresBetween(ctx.db, date, date), classId });
      const before: Record<number, string | null> = {};
      const after: Record<number, string | null> = {};
      const result = { created: 0, changed: 0, unchanged: 0 };
      for (const e of entries) {
        const child = loadChild(ctx, e.childId);
        if (child.classId !== classId) throw invalid(`${child.name}不在${cls.name}，请刷新后重试。`, 'The child is not in this class.');
        requireEnrolled(child, date);
        const written = writeDay(ctx, child.id, date, { status: e.status, note: e.note }, reason);
        result[written.outcome]++;
        if (written.outcome !== 'unchanged') {
          before[child.id] = dayCode(written.before);
          after[child.id] = dayCode(e);
        }
      }
      ctx.audit({
        action: 'attendance.rollCall',
        kind: 'attendance',
        entity: 'class',
        entityId: classId,
        summary: `${cls.name} ${date} 点名：${countByStatus(entries.map((e) => e.status))}${result.changed ? `（更正 ${result.changed} 人）` : ''}`,
        before,
        after,
      });
      return { ...result, settled: isMonthSettled(ctx.db, monthOf(date)) };
    },
  }),
};
