// The home screen's counts for one day. Each is one indexed query: the
// screen opens on every sign-in, on databases with years of attendance.
import { sql } from 'drizzle-orm';
import type { Db } from '../open';

export interface ClassDay {
  classId: number;
  name: string;
  enrolled: number;
  present: number;
  sick: number;
  personal: number;
  other: number;
  /** The class (or the whole kindergarten) is closed today. */
  closed: number;
}

/** Per class: children enrolled today and today's roll call by status (one range scan of the date index). */
export function classDays(db: Db, today: string, classId: number | null): ClassDay[] {
  return db.all<ClassDay>(sql`
    WITH kids AS (
      SELECT class_id, count(*) AS n FROM children
      WHERE enrolled_on <= ${today} AND (status = 'enrolled' OR coalesce(status_since, enrolled_on) > ${today})
      GROUP BY class_id
    ), marks AS (
      SELECT c.class_id,
        sum(a.status = 'present') AS present, sum(a.status = 'sick') AS sick,
        sum(a.status = 'personal') AS personal, sum(a.status = 'other') AS other
      FROM attendance a JOIN children c ON c.id = a.child_id
      WHERE a.date = ${today} GROUP BY c.class_id
    )
    SELECT cl.id AS classId, cl.name, coalesce(k.n, 0) AS enrolled,
      coalesce(m.present, 0) AS present, coalesce(m.sick, 0) AS sick, coalesce(m.personal, 0) AS personal, coalesce(m.other, 0) AS other,
      EXISTS (SELECT 1 FROM closures x WHERE x.first_date <= ${today} AND x.last_date >= ${today} AND (x.class_id IS NULL OR x.class_id = cl.id)) AS closed
    FROM classes cl LEFT JOIN kids k ON k.class_id = cl.id LEFT JOIN marks m ON m.class_id = cl.id
    WHERE cl.archived = 0 AND (${classId} IS NULL OR cl.id = ${classId})
    ORDER BY CASE cl.level WHEN 'toddler' THEN 0 WHEN 'small' THEN 1 WHEN 'middle' THEN 2 WHEN 'large' THEN 3 ELSE 4 END, cl.name, cl.id`);
}

/**
 * Households that asked for refunds to be paid out (their newest preference)
 * and hold credit: money waiting to be handed back with a receipt of payment out.
 */
export function payoutsDue(db: Db): { households: number; totalFen: number } {
  const row = db.get<{ households: number; totalFen: number | null }>(sql`
    SELECT count(*) AS households, sum(-balance) AS totalFen FROM (
      SELECT (SELECT coalesce(sum(l.amount_fen), 0) FROM ledger_entries l WHERE l.household_id = p.household_id) AS balance
      FROM refund_preferences p
      WHERE p.mode = 'payout' AND p.id = (SELECT max(q.id) FROM refund_preferences q WHERE q.household_id = p.household_id)
    ) WHERE balance < 0`);
  return { households: row?.households ?? 0, totalFen: row?.totalFen ?? 0 };
}

/** Child-months whose attendance changed after settlement and wait for a settlement correction. */
export function correctionsDue(db: Db): { childMonths: number; months: string[] } {
  const rows = db.all<{ month: string; n: number }>(sql`
    SELECT substr(date, 1, 7) AS month, count(DISTINCT child_id) AS n FROM attendance_changes
    WHERE after_settlement = 1 AND handled_at IS NULL GROUP BY 1 ORDER BY 1`);
  return { childMonths: rows.reduce((a, r) => a + r.n, 0), months: rows.map((r) => r.month) };
}

/** The distinct periods bills were issued for (the covering index on period), and the months settled. */
export function billedPeriods(db: Db): { first: string; last: string }[] {
  return db.all<{ first: string; last: string }>(sql`SELECT DISTINCT period_first AS first, period_last AS last FROM bills`);
}

export function settledMonthSet(db: Db): Set<string> {
  return new Set(db.all<{ month: string }>(sql`SELECT month FROM settlements WHERE kind = 'month'`).map((r) => r.month));
}

/** A live bill (neither voided nor replaced) covers the month. */
export function hasLiveBill(db: Db, month: string): boolean {
  return (
    db.get(sql`
      SELECT 1 FROM bills b WHERE b.period_first <= ${month} AND b.period_last >= ${month}
        AND NOT EXISTS (SELECT 1 FROM bill_voids v WHERE v.bill_id = b.id)
        AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id)
      LIMIT 1`) !== undefined
  );
}
