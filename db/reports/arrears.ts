// 欠费 as of a day: issued bills, neither voided nor replaced by then, whose
// amount due less the payments allocated to them (from receipts not voided by
// then) is still unpaid after the due date. Dates of events stored as
// instants (issued_at, voided_at) are read in the kindergarten's time (UTC+8).
// TODO(payments): swap for core/billing/bill-status + aging once they are on main.
import { sql } from 'drizzle-orm';
import type { OverdueBill } from '../../core/reports/arrears';
import type { Db } from '../open';

export function overdueBills(db: Db, asOf: string, today: string): OverdueBill[] {
  if (asOf >= today) return overdueNow(db, today);
  return db.all<OverdueBill>(sql`
    SELECT * FROM (
      SELECT b.id AS billId, b.number, b.household_id AS householdId, c.name AS childName, c.class_id AS classId, b.due_on AS dueOn,
        b.total_due_fen - coalesce((
          SELECT sum(pa.amount_fen) FROM payment_allocations pa JOIN payments p ON p.id = pa.payment_id
          WHERE pa.bill_id = b.id AND p.paid_on <= ${asOf}
            AND NOT EXISTS (SELECT 1 FROM payment_voids pv WHERE pv.payment_id = p.id AND date(pv.voided_at, '+8 hours') <= ${asOf})
        ), 0) AS outstandingFen
      FROM bills b JOIN children c ON c.id = b.child_id
      WHERE b.due_on < ${asOf} AND date(b.issued_at, '+8 hours') <= ${asOf}
        AND NOT EXISTS (SELECT 1 FROM bill_voids bv WHERE bv.bill_id = b.id AND date(bv.voided_at, '+8 hours') <= ${asOf})
        AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id AND date(r.issued_at, '+8 hours') <= ${asOf})
    ) WHERE outstandingFen > 0
    ORDER BY dueOn, billId`);
}

/**
 * The same for today, when nothing can have happened after the day: no date
 * to compare per row, so one pass over the bills with an index probe each
 * (the home screen reads it on every sign-in).
 */
function overdueNow(db: Db, today: string): OverdueBill[] {
  return db.all<OverdueBill>(sql`
    SELECT * FROM (
      SELECT b.id AS billId, b.number, b.household_id AS householdId, c.name AS childName, c.class_id AS classId, b.due_on AS dueOn,
        b.total_due_fen - coalesce((
          SELECT sum(pa.amount_fen) FROM payment_allocations pa
          WHERE pa.bill_id = b.id AND NOT EXISTS (SELECT 1 FROM payment_voids pv WHERE pv.payment_id = pa.payment_id)
        ), 0) AS outstandingFen
      FROM bills b JOIN children c ON c.id = b.child_id
      WHERE b.due_on < ${today}
        AND NOT EXISTS (SELECT 1 FROM bill_voids bv WHERE bv.bill_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id)
    ) WHERE outstandingFen > 0
    ORDER BY dueOn, billId`);
}
