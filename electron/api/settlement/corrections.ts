// After a month is settled, attendance may still be corrected (the attendance
// area flags every change in a settled month). Each child-month concerned is
// "settlement correction due": re-settled through the same planner, only the
// difference is booked, the changes are marked handled. A child left
// unsettled at month end (days without roll call) whose month is complete now
// is offered the same way; nothing booked before is ever changed.
import type Database from 'better-sqlite3';
import { firstDayOf, lastDayOf } from '../../../core/calendar/dates';
import type { AttendanceStatus } from '../../../core/attendance';
import { formatFen } from '../../../core/money';
import {
  affectedMonths,
  attendanceMonths,
  bookedByItem,
  type ChildFact,
  type DifferenceLine,
  differenceLines,
  hasDifference,
  type SettledChild,
} from '../../../core/settlement';
import { conflict, invalid } from '../errors';
import { writeSettlement } from './book';
import { type SettlementContext, type Source, settlementSetup } from './context';
import { loadBills, loadChildren } from './load';
import { planMonth } from './plan-month';
import { groupBy } from '../../../core/group';

const yuan = (fen: number) => formatFen(fen);

export interface AttendanceFlag {
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

/** Attendance changed after its month was settled (newest first); handled ones on request. */
export function attendanceFlags(sqlite: Database.Database, includeHandled = false): AttendanceFlag[] {
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
    .all(includeHandled ? 1 : 0) as AttendanceFlag[];
}

export interface DueCorrection {
  childId: number;
  name: string;
  className: string;
  /** The month to settle again. */
  month: string;
  /** attendance: corrected after settlement; completed: unsettled at month end, settleable now. */
  why: 'attendance' | 'completed';
  changeIds: number[];
  /** ready: can be booked; blocked: still cannot be settled (reason says why); unchanged: recomputed, same figures. */
  state: 'ready' | 'blocked' | 'unchanged';
  previous: string;
  now: string | null;
  difference: string | null;
  reason: string | null;
}

interface Recomputed {
  plan: ReturnType<typeof planMonth>;
  child: ChildFact | undefined;
  settled: SettledChild | null;
  blocked: string | null;
  previousFen: number;
  lines: DifferenceLine[];
}

/** Re-plans some children's month (one plan for all of them), each against what was booked for it. */
function recompute(ctx: SettlementContext, month: string, childIds: readonly number[]): Map<number, Recomputed> {
  const plan = planMonth(ctx, month, { childIds, resettle: true });
  const kids = loadChildren(ctx.sqlite, childIds);
  const out = new Map<number, Recomputed>();
  for (const childId of childIds) {
    const p = plan.plans.find((x) => x.child.id === childId);
    const previous = bookedByItem(month, plan.booked.get(childId) ?? []);
    const previousFen = [...previous.values()].reduce((s, v) => s + v.fen, 0);
    const child = kids.get(childId);
    if (p?.kind === 'unsettled') {
      out.set(childId, { plan, child, settled: null, blocked: p.problem.zh, previousFen, lines: [] });
      continue;
    }
    const settled = p?.kind === 'settle' ? p : null;
    out.set(childId, { plan, child, settled, blocked: null, previousFen, lines: differenceLines(month, settled?.lines ?? [], previous, '考勤更正后重新计算') });
  }
  return out;
}

/** Something to book: a figure differs, or an item is settled for the first time. */
const needsBooking = (r: Recomputed) => hasDifference(r.lines) || r.lines.some((l) => l.previousFen === null);

function dueEntry(r: Recomputed, childId: number, month: string, why: DueCorrection['why'], changeIds: number[]): DueCorrection | null {
  if (!r.child) return null;
  const nowFen = r.lines.reduce((s, l) => s + l.refundFen, 0);
  const base = { childId, name: r.child.name, className: r.child.className, month, why, changeIds, previous: yuan(r.previousFen) };
  if (r.blocked) return { ...base, state: 'blocked', now: null, difference: null, reason: r.blocked };
  return { ...base, state: needsBooking(r) ? 'ready' : 'unchanged', now: yuan(nowFen), difference: yuan(nowFen - r.previousFen), reason: null };
}

/** Billed children of settled months with nothing booked for them (they were unsettled at month end). */
function unsettledAtMonthEnd(ctx: SettlementContext): { childId: number; month: string }[] {
  return ctx.sqlite
    .prepare(
      `SELECT DISTINCT b.child_id AS childId, s.month
       FROM settlements s JOIN bills b ON b.period_first <= s.month AND b.period_last >= s.month
       WHERE s.kind = 'month'
         AND NOT EXISTS (SELECT 1 FROM bill_voids v WHERE v.bill_id = b.id)
         AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id)
         AND NOT EXISTS (SELECT 1 FROM settlement_lines sl JOIN settlements s2 ON s2.id = sl.settlement_id
                         WHERE sl.child_id = b.child_id AND coalesce(json_extract(sl.inputs_json, '$.month'), s2.month) = s.month)
       ORDER BY s.month, b.child_id`,
    )
    .all() as { childId: number; month: string }[];
}

function groupByMonth<T extends { month: string; childId: number }>(rows: Iterable<T>): Map<string, T[]> {
  return groupBy(rows, (row) => row.month);
}

/** Every child-month owed a settlement correction, with what booking it would change. */
export function correctionsDue(ctx: SettlementContext): DueCorrection[] {
  const { policy } = settlementSetup(ctx);
  const byTarget = new Map<string, { childId: number; month: string; ids: number[] }>();
  for (const flag of attendanceFlags(ctx.sqlite)) {
    const bills = loadBills(ctx.sqlite, flag.month, flag.month, flag.childId).get(flag.childId) ?? [];
    const kid = loadChildren(ctx.sqlite, [flag.childId]).get(flag.childId);
    const targets = kid ? affectedMonths(flag.month, kid, bills, policy) : [];
    // Not billed that month: nothing to correct, but the change is listed until someone marks it handled.
    for (const month of targets.length > 0 ? targets : [flag.month]) {
      const key = `${flag.childId}:${month}`;
      const entry = byTarget.get(key) ?? { childId: flag.childId, month, ids: [] };
      entry.ids.push(flag.id);
      byTarget.set(key, entry);
    }
  }
  const completed = unsettledAtMonthEnd(ctx).filter((r) => !byTarget.has(`${r.childId}:${r.month}`));
  const due: DueCorrection[] = [];
  for (const [month, rows] of groupByMonth([...byTarget.values()])) {
    const results = recompute(ctx, month, rows.map((r) => r.childId));
    for (const row of rows) {
      const entry = dueEntry(results.get(row.childId)!, row.childId, month, 'attendance', row.ids);
      if (entry) due.push(entry);
    }
  }
  for (const [month, rows] of groupByMonth(completed)) {
    const results = recompute(ctx, month, rows.map((r) => r.childId));
    for (const row of rows) {
      const entry = dueEntry(results.get(row.childId)!, row.childId, month, 'completed', []);
      if (entry?.state === 'ready') due.push(entry);
    }
  }
  return due.sort((a, b) => a.month.localeCompare(b.month) || a.childId - b.childId);
}

/** Marks changes handled (the booking, or the desk's decision that nothing is owed). */
export function markHandled(ctx: SettlementContext, ids: readonly number[]): number {
  const at = ctx.now().toISOString();
  const update = ctx.sqlite.prepare('UPDATE attendance_changes SET handled_at = ?, handled_by = ? WHERE id = ? AND after_settlement = 1 AND handled_at IS NULL');
  let handled = 0;
  for (const changeId of ids) handled += update.run(at, ctx.actor?.staffId ?? null, changeId).changes;
  return handled;
}

/** The unhandled changes a re-settlement of child-month answers: those in the months it read. */
function changesAnswered(ctx: SettlementContext, childId: number, months: readonly string[]): number[] {
  if (months.length === 0) return [];
  return ctx.sqlite
    .prepare(
      `SELECT id FROM attendance_changes WHERE child_id = ? AND after_settlement = 1 AND handled_at IS NULL AND date >= ? AND date <= ?`,
    )
    .pluck()
    .all(childId, firstDayOf(months[0]!), lastDayOf(months[months.length - 1]!)) as number[];
}

export interface CorrectionResult {
  booked: boolean;
  settlementId: number | null;
  childId: number;
  month: string;
  previous: string;
  now: string;
  difference: string;
  handled: number;
}

/** Re-settles one child-month and books only the difference (call inside a write transaction). */
export function bookCorrection(ctx: SettlementContext, childId: number, month: string, source: Source): CorrectionResult {
  const settledMonth = ctx.sqlite.prepare(`SELECT 1 FROM settlements WHERE month = ?`).get(month);
  if (!settledMonth) throw invalid(`${month} 还没有结算，请直接办理月结。`, `${month} has not been settled; settle the month instead.`);
  const r = recompute(ctx, month, [childId]).get(childId)!;
  if (r.blocked) throw conflict(r.blocked, 'This child-month cannot be settled yet.');
  const kid = r.child;
  if (!kid) throw invalid('找不到这名幼儿。', 'No such child.');
  const nowFen = r.lines.reduce((s, l) => s + l.refundFen, 0);
  const months = r.settled ? attendanceMonths(month, kid, [...(r.plan.bills.values())], r.plan.setup.policy) : [month];
  let settlementId: number | null = null;
  if (needsBooking(r)) {
    settlementId = writeSettlement(
      ctx,
      { kind: 'correction', month, childId, policyId: r.plan.setup.policy.id, legalWorkingDays: r.plan.W, source },
      [
        {
          child: kid,
          billing: r.settled?.billing ?? 'monthly',
          reason: r.settled?.reason ?? 'leave',
          presentDays: r.settled?.presentDays ?? 0,
          closureDays: r.settled?.closureDays ?? 0,
          lines: r.lines,
          previousTotalFen: r.lines.some((l) => l.previousFen !== null) ? r.previousFen : null,
        },
      ],
    ).settlementId;
  }
  const handled = markHandled(ctx, changesAnswered(ctx, childId, months));
  const difference = nowFen - r.previousFen;
  ctx.audit({
    action: 'settlement.correction',
    kind: 'money',
    entity: 'settlement',
    entityId: settlementId ?? `${childId}:${month}`,
    summary: `${kid.name} ${month} 结算更正：原退 ${yuan(r.previousFen)} 元，现应退 ${yuan(nowFen)} 元${settlementId ? `，${difference >= 0 ? '补退' : '扣回'} ${yuan(Math.abs(difference))} 元` : '，无差额'}${source === 'cli' ? '（命令行）' : ''}`,
    after: { childId, month, previousFen: r.previousFen, nowFen, handled },
  });
  return { booked: settlementId !== null, settlementId, childId, month, previous: yuan(r.previousFen), now: yuan(nowFen), difference: yuan(difference), handled };
}
