// What a fee notice shows as 上月退费: the refunds and settlement corrections
// booked on the household's account since its previous notice, each with its
// clause (the credit they make is what the bill run applied).
import type Database from 'better-sqlite3';
import { formatFen } from '../../../core/money';

export interface RefundOnBill {
  month: string | null;
  item: string | null;
  childName: string | null;
  clause: string | null;
  /** What the family owes less, yuan. */
  amount: string;
}

export function refundsBeforeBill(sqlite: Database.Database, bill: { id: number; householdId: number }): RefundOnBill[] {
  const first = sqlite.prepare('SELECT min(id) FROM ledger_entries WHERE bill_id = ? AND kind = ?').pluck().get(bill.id, 'charge') as number | null;
  if (first === null) return [];
  const previous = sqlite
    .prepare(`SELECT max(le.id) FROM ledger_entries le JOIN bills b ON b.id = le.bill_id WHERE b.household_id = ? AND le.kind = 'charge' AND le.id < ?`)
    .pluck()
    .get(bill.householdId, first) as number | null;
  const rows = sqlite
    .prepare(
      `SELECT le.period_month AS month, le.item, c.name AS childName, le.clause, -le.amount_fen AS fen
       FROM ledger_entries le LEFT JOIN children c ON c.id = le.child_id
       WHERE le.household_id = ? AND le.kind IN ('refund', 'correction') AND le.id > ? AND le.id < ? ORDER BY le.id`,
    )
    .all(bill.householdId, previous ?? 0, first) as { month: string | null; item: string | null; childName: string | null; clause: string | null; fen: number }[];
  return rows.map(({ fen, ...r }) => ({ ...r, amount: formatFen(fen) }));
}
