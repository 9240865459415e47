// 欠费 as of a day: issued bills, neither voided nor replaced by then, whose
// amount due less the payments allocated to them (from receipts not voided by
// then) is still unpaid, with the credit the household's account held that
// day set against the oldest first (core/billing/aging.ts, as the arrears
// screen and the home screen do), and what is left after the due date.
// Dates of events stored as instants (issued_at, voided_at) are read in the
// kindergarten's time (UTC+8).
import { sql } from 'drizzle-orm';
import { householdArrears } from '../../core/billing/aging';
import type { OverdueBill } from '../../core/reports/arrears';
import { overdueLines } from '../billing/arrears';
import type { Db } from '../open';
import { groupBy } from '../../core/group';

type OpenBill = OverdueBill & { periodFirst: string };

export function overdueBills(db: Db, asOf: string, today: string): OverdueBill[] {
  // Today is the arrears screen's own figure (it also knows credit a voided payment took back); an earlier day is rebuilt below.
  if (asOf >= today) {
    const { lines, billsById } = overdueLines(db, today);
    return lines
      .map((l) => {
        const b = billsById.get(l.billId)!;
        return { billId: b.id, number: b.number, householdId: b.householdId, childName: b.childName, classId: b.classId, dueOn: b.dueOn, outstandingFen: l.outstandingFen };
      })
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.billId - b.billId);
  }
  const open = db.all<OpenBill>(sql`
    SELECT * FROM (
      SELECT b.id AS billId, b.number, b.household_id AS householdId, c.name AS childName, c.class_id AS classId, b.due_on AS dueOn, b.period_first AS periodFirst,
        b.total_due_fen - coalesce((
          SELECT sum(pa.amount_fen) FROM payment_allocations pa JOIN payments p ON p.id = pa.payment_id
          WHERE pa.bill_id = b.id AND p.paid_on <= ${asOf}
            AND NOT EXISTS (SELECT 1 FROM payment_voids pv WHERE pv.payment_id = p.id AND date(pv.voided_at, '+8 hours') <= ${asOf})
        ), 0) AS outstandingFen
      FROM bills b JOIN children c ON c.id = b.child_id
      WHERE date(b.issued_at, '+8 hours') <= ${asOf}
        AND NOT EXISTS (SELECT 1 FROM bill_voids bv WHERE bv.bill_id = b.id AND date(bv.voided_at, '+8 hours') <= ${asOf})
        AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id AND date(r.issued_at, '+8 hours') <= ${asOf})
    ) WHERE outstandingFen > 0
    ORDER BY dueOn, billId`);
  if (open.length === 0) return [];
  const balances = new Map(
    db
      .all<{ householdId: number; fen: number }>(sql`
        SELECT household_id AS householdId, sum(amount_fen) AS fen FROM ledger_entries
        WHERE entry_date <= ${asOf} GROUP BY household_id`)
      .map((r) => [r.householdId, r.fen]),
  );
  const byHousehold = groupBy(open, (b) => b.householdId);
  const byId = new Map(open.map((b) => [b.billId, b]));
  return [...byHousehold]
    .flatMap(([householdId, bills]) => householdArrears(bills, balances.get(householdId) ?? 0, asOf))
    .map((line) => {
      const { periodFirst: _, ...bill } = byId.get(line.billId)!;
      return { ...bill, outstandingFen: line.outstandingFen };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.billId - b.billId);
}
