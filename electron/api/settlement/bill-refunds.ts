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

/** A point on the household's account: its business day, then the order booked. */
type Mark = [date: string, id: number];

/** The first charge entry of a bill (issued that day, in that order). */
function chargeMark(sqlite: Database.Database, billId: number): Mark | null {
  const row = sqlite.prepare(`SELECT entry_date AS date, id FROM ledger_entries WHERE bill_id = ? AND kind = 'charge' ORDER BY id LIMIT 1`).get(billId) as { date: string; id: number } | undefined;
  return row ? [row.date, row.id] : null;
}

export function refundsBeforeBill(sqlite: Database.Database, bill: { id: number; householdId: number }): RefundOnBill[] {
  const mark = chargeMark(sqlite, bill.id);
  if (!mark) return [];
  // The household's notice before this one: the latest other bill issued before it.
  const previous = sqlite
    .prepare(
      `SELECT le.entry_date AS date, max(le.id) AS id FROM ledger_entries le JOIN bills b ON b.id = le.bill_id
       WHERE b.household_id = ? AND le.kind = 'charge' AND le.bill_id <> ? AND (le.entry_date, le.id) < (?, ?)
       GROUP BY le.bill_id ORDER BY le.entry_date DESC, max(le.id) DESC LIMIT 1`,
    )
    .get(bill.householdId, bill.id, mark[0], mark[1]) as { date: string; id: number } | undefined;
  const rows = sqlite
    .prepare(
      `SELECT le.period_month AS month, le.item, c.name AS childName, le.clause, -le.amount_fen AS fen
       FROM ledger_entries le LEFT JOIN children c ON c.id = le.child_id
       WHERE le.household_id = ? AND le.kind IN ('refund', 'correction') AND le.settlement_id IS NOT NULL
         AND (le.entry_date, le.id) > (?, ?) AND (le.entry_date, le.id) < (?, ?)
       ORDER BY le.entry_date, le.id`,
    )
    .all(bill.householdId, previous?.date ?? '', previous?.id ?? 0, mark[0], mark[1]) as {
    month: string | null;
    item: string | null;
    childName: string | null;
    clause: string | null;
    fen: number;
  }[];
  return rows.map(({ fen, ...r }) => ({ ...r, amount: formatFen(fen) }));
}
