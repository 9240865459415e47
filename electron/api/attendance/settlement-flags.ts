import type Database from 'better-sqlite3';
import { z } from 'zod';
import { type AttendanceStatus, monthOf } from '../../../core/attendance';
import { isMonthSettled } from '../../../db/queries/attendance';
import { loadLegalCalendar, withCalendar } from '../../services/legal-calendar';
import { handler } from '../define';
import { conflict, invalid } from '../errors';
import { id, month } from '../schemas';

/**
 * Month settlement flags, kept as they were: billing's month-end settlement
 * (月结) takes these handlers over and moves them into its own area.
 */
const SETTLERS = ['principal', 'finance'] as const;

export interface SettlementCorrection {
  id: number;
  childId: number;
  childName: string;
  className: string;
  date: string;
  month: string;
  oldStatus: AttendanceStatus | null;
  newStatus: AttendanceStatus | null;
  oldNote: string;
  newNote: string;
  reason: string;
  changedBy: string | null;
  changedAt: string;
  handledAt: string | null;
}

/** Attendance changed after its month was settled: billing must issue a settlement correction for each child-month. */
export function settlementCorrections(sqlite: Database.Database, includeHandled = false): SettlementCorrection[] {
  return sqlite
    .prepare(
      `SELECT ch.id, ch.child_id AS childId, c.name AS childName, cl.name AS className, ch.date, substr(ch.date, 1, 7) AS month,
         ch.old_status AS oldStatus, ch.new_status AS newStatus, ch.old_note AS oldNote, ch.new_note AS newNote, ch.reason,
         s.display_name AS changedBy, ch.changed_at AS changedAt, ch.handled_at AS handledAt
       FROM attendance_changes ch
       JOIN children c ON c.id = ch.child_id JOIN classes cl ON cl.id = c.class_id
       LEFT JOIN staff s ON s.id = ch.changed_by
       WHERE ch.after_settlement = 1 AND (? OR ch.handled_at IS NULL)
       ORDER BY ch.changed_at DESC, ch.id DESC`,
    )
    .all(includeHandled ? 1 : 0) as SettlementCorrection[];
}

export const settlementFlagHandlers = {
  /** Marks a month settled: later attendance changes in it are flagged for a settlement correction. */
  'attendance.settleMonth': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ month }),
    run(ctx, { month: m }) {
      if (m >= monthOf(ctx.today())) throw invalid('只能结算已经结束的月份。', 'Only past months can be settled.');
      if (isMonthSettled(ctx.db, m)) throw conflict(`${m} 已经结算过了。`, `${m} is already settled.`);
      withCalendar(() => loadLegalCalendar(ctx.db).legalWorkingDays(m));
      ctx.sqlite
        .prepare('INSERT INTO settled_months (month, settled_at, settled_by) VALUES (?, ?, ?)')
        .run(m, ctx.now().toISOString(), ctx.actor?.staffId ?? null);
      ctx.audit({ action: 'attendance.settleMonth', kind: 'attendance', entity: 'settled_month', entityId: m, after: { month: m } });
      return { month: m };
    },
  }),

  /** Corrections made after settlement (for billing); handled ones on request. */
  'attendance.settlementCorrections': handler({
    access: ['principal', 'finance', 'front_desk'],
    write: false,
    input: z.object({ includeHandled: z.boolean().default(false) }).default({ includeHandled: false }),
    run(ctx, { includeHandled }) {
      const months = ctx.sqlite.prepare('SELECT month, settled_at AS settledAt FROM settled_months ORDER BY month DESC').all() as {
        month: string;
        settledAt: string;
      }[];
      return { corrections: settlementCorrections(ctx.sqlite, includeHandled), settledMonths: months };
    },
  }),

  /** Billing has made the settlement correction for these changes. */
  'attendance.markCorrectionsHandled': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ ids: z.array(id).min(1, '请选择要标记的更正').max(500) }),
    run(ctx, { ids }) {
      const at = ctx.now().toISOString();
      const update = ctx.sqlite.prepare(
        'UPDATE attendance_changes SET handled_at = ?, handled_by = ? WHERE id = ? AND after_settlement = 1 AND handled_at IS NULL',
      );
      let handled = 0;
      for (const changeId of ids) handled += update.run(at, ctx.actor?.staffId ?? null, changeId).changes;
      if (handled !== ids.length) throw conflict('部分更正已被处理或不存在，请刷新后重试。', 'Some corrections were already handled; reload and try again.');
      ctx.audit({ action: 'attendance.markCorrectionsHandled', kind: 'attendance', entity: 'attendance_change', summary: `已处理结算更正 ${handled} 条`, after: ids });
      return { handled };
    },
  }),
};
