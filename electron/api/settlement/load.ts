// What settlement reads: the live bills covering a month with their lines,
// the children billed, their attendance exactly as the monthly summary gives
// it, and what earlier settlements booked. A few set-wise queries, grouped in
// memory, so a month of 1,000 children costs a handful of statements.
import type Database from 'better-sqlite3';
import { summarizeChildMonth } from '../../../core/attendance';
import { firstDayOf, lastDayOf, prevMonth } from '../../../core/calendar/dates';
import type { LegalCalendar } from '../../../core/calendar';
import { type BillFact, type BookedLine, type ChildFact, type MonthAttendance, unrecordedDates } from '../../../core/settlement';
import { closuresBetween, statusCounts } from '../../../db/queries/attendance';
import type { Db } from '../../../db/open';
import { withCalendar } from '../../services/legal-calendar';

/**
 * The children's live bills (not voided, not replaced) overlapping from..to,
 * each with its lines; by child. One statement: a row per line with its bill.
 */
export function loadBills(sqlite: Database.Database, from: string, to: string, child: number | null = null): Map<number, BillFact[]> {
  const rows = sqlite
    .prepare(
      `SELECT b.id, b.number, b.child_id, b.household_id, b.billing, b.period_first, b.period_last,
         bl.kind, bl.item, bl.period_first, bl.period_last, bl.quantity, bl.unit_price_fen, bl.amount_fen, fs.unit
       FROM bills b
       JOIN bill_lines bl ON bl.bill_id = b.id LEFT JOIN fee_standards fs ON fs.id = bl.standard_id
       WHERE b.period_last >= @from AND b.period_first <= @to
         AND (@child IS NULL OR b.child_id = @child)
         AND NOT EXISTS (SELECT 1 FROM bill_voids v WHERE v.bill_id = b.id)
         AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id)
       ORDER BY b.child_id, b.period_first, b.id, bl.id`,
    )
    .raw()
    .all({ from, to, child }) as [number, string, number, number, BillFact['billing'], string, string, 'charge' | 'reduction', string, string, string, number, number, number, string | null][];
  const byChild = new Map<number, BillFact[]>();
  let bill = null as BillFact | null;
  for (const [id, number, childId, householdId, billing, periodFirst, periodLast, kind, item, lineFirst, lineLast, quantity, unitPriceFen, amountFen, standardUnit] of rows) {
    if (bill?.id !== id) {
      bill = { id, number, householdId, billing, periodFirst, periodLast, lines: [] };
      const list = byChild.get(childId);
      if (list) list.push(bill);
      else byChild.set(childId, [bill]);
    }
    bill.lines.push({ billId: id, kind, item, periodFirst: lineFirst, periodLast: lineLast, quantity, unitPriceFen, amountFen, standardUnit });
  }
  return byChild;
}

export function loadChildren(sqlite: Database.Database, ids: readonly number[]): Map<number, ChildFact> {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.name, c.class_id AS classId, k.name AS className, c.household_id AS householdId,
         c.enrolled_on AS enrolledOn, c.status, c.status_since AS statusSince
       FROM children c JOIN classes k ON k.id = c.class_id
       WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
    )
    .all(JSON.stringify(ids)) as ChildFact[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Each child's month as the attendance area's monthly summary gives it — the
 * same core function (summarizeChildMonth) on the same facts: the month's
 * days, the child's enrolment, its status counts (statusCounts, one range
 * scan for the month) and the month's closures — with the days that have no
 * roll call. Summarised for these children only: the monthly summary's own
 * list of the children enrolled that month (read again and sorted by name)
 * adds nothing, and a billed child not enrolled on any day of the month (left
 * before it) gets from the same function what it always did: no enrolled day,
 * so no closure and nothing missing.
 */
export function loadMonthAttendance(
  db: Db,
  sqlite: Database.Database,
  calendar: LegalCalendar,
  month: string,
  children: readonly ChildFact[],
): Map<number, MonthAttendance> {
  const days = withCalendar(() => calendar.monthDays(month));
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const counts = statusCounts(db, first, last);
  const closures = closuresBetween(db, first, last);
  const out = new Map<number, MonthAttendance>();
  const gaps: ChildFact[] = [];
  for (const child of children) {
    const s = summarizeChildMonth({ month, days, child, counts: counts.get(child.id), closures });
    out.set(child.id, { month, W: s.W, present: s.present, closureDays: s.closureDays, unrecorded: s.unrecorded, missingDates: [] });
    if (s.unrecorded > 0) gaps.push(child);
  }
  if (gaps.length > 0) {
    const recorded = sqlite.prepare('SELECT date FROM attendance WHERE child_id = ? AND date >= ? AND date <= ?').pluck();
    for (const child of gaps) {
      const dates = new Set(recorded.all(child.id, first, last) as string[]);
      const row = out.get(child.id)!;
      out.set(child.id, { ...row, missingDates: unrecordedDates(days, child, closures, dates) });
    }
  }
  return out;
}

/** A semester is at most six months, so nothing booked longer ago than that can reach `month`. */
const REACH = 6;

/** What settlements booked for these children that can bear on `from`..`to` (booked for it, or covering it), oldest first. */
export function loadBooked(sqlite: Database.Database, from: string, to: string, childIds: readonly number[] | null): Map<number, BookedLine[]> {
  let earliest = from;
  for (let i = 0; i < REACH; i++) earliest = prevMonth(earliest);
  const rows = sqlite
    .prepare(
      `SELECT sl.child_id AS childId, sl.bill_id AS billId, sl.item, sl.clause,
         sl.refund_fen - coalesce(sl.previous_refund_fen, 0) AS deltaFen,
         coalesce(json_extract(sl.inputs_json, '$.month'), s.month) AS month,
         coalesce(json_extract(sl.inputs_json, '$.coversThrough'), s.month) AS coversThrough
       FROM settlements s JOIN settlement_lines sl ON sl.settlement_id = s.id
       WHERE s.month >= @earliest AND s.month <= @month
         AND (@ids IS NULL OR sl.child_id IN (SELECT value FROM json_each(@ids)))
       ORDER BY sl.id`,
    )
    .all({ earliest, month: to, ids: childIds ? JSON.stringify(childIds) : null }) as (BookedLine & { childId: number })[];
  const out = new Map<number, BookedLine[]>();
  for (const { childId, ...line } of rows) {
    const list = out.get(childId) ?? [];
    list.push(line);
    out.set(childId, list);
  }
  return out;
}
