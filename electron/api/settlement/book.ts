// Writes one settlement: its row, a row per child with the figures the engine
// used, a line per item with clause, sentence and inputs, and a ledger entry
// for every line that changes money (a refund is negative: the family owes
// less). Called inside the caller's transaction, so all of it lands or none.
import type { Reason } from '../../../core/policies';
import type { Billing, ChildFact, DifferenceLine } from '../../../core/settlement';
import type { SettlementContext, Source } from './context';

const ITEM_ZH: Record<string, string> = { education: '保教费', meal: '伙食费', accommodation: '住宿费', custody: '托管费' };

export interface BookChild {
  child: ChildFact;
  billing: Billing;
  reason: Reason;
  presentDays: number;
  closureDays: number;
  lines: readonly DifferenceLine[];
  /** What had been booked before for the child (re-settlements). */
  previousTotalFen: number | null;
}

export interface SettlementHead {
  kind: 'month' | 'withdrawal' | 'correction';
  month: string;
  /** The child of a withdrawal or correction. */
  childId: number | null;
  policyId: string;
  legalWorkingDays: number;
  source: Source;
  note?: string;
}

export interface Booked {
  settlementId: number;
  /** Net effect on the families' accounts, fen (negative of the sum of the ledger entries). */
  totalFen: number;
  ledgerEntries: number;
  bookedAt: string;
}

/**
 * Four statements whatever the size of the month, each prepared once for the
 * call. The children (1,000) and their lines (some 2,000) are bound row by
 * row: cheaper for SQLite than unpacking one JSON array of them, which
 * re-read each row's JSON for every column (a quarter of the booking's
 * writing). The ledger entries are made from the lines just written, one per
 * line that changes money, on the account of the bill's household; their
 * sentence names the child, the month, the item and the clause, so the next
 * bill can show 上月退费 with its clause.
 */
export function writeSettlement(ctx: SettlementContext, head: SettlementHead, children: readonly BookChild[]): Booked {
  const { sqlite } = ctx;
  const bookedAt = ctx.now().toISOString();
  const staffId = ctx.actor?.staffId ?? null;
  const totalFen = children.reduce((s, c) => s + c.lines.reduce((t, l) => t + l.deltaFen, 0), 0);
  const { id: settlementId } = sqlite
    .prepare(
      `INSERT INTO settlements (kind, month, child_id, policy_id, legal_working_days, total_fen, source, note, booked_by, booked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(head.kind, head.month, head.childId, head.policyId, head.legalWorkingDays, totalFen, head.source, head.note ?? '', staffId, bookedAt) as { id: number };
  const insertChild = sqlite.prepare(
    `INSERT INTO settlement_children (settlement_id, child_id, name, class_name, billing, reason, present_days, closure_days, total_fen, previous_total_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of children) {
    insertChild.run(settlementId, c.child.id, c.child.name, c.child.className, c.billing, c.reason, c.presentDays, c.closureDays, c.lines.reduce((s, l) => s + l.refundFen, 0), c.previousTotalFen);
  }
  const insertLine = sqlite.prepare(
    `INSERT INTO settlement_lines (settlement_id, child_id, bill_id, item, base_fen, refund_fen, previous_refund_fen, clause, explanation, inputs_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // In the children's order, each child's lines in theirs: the ids (and so the ledger's order) are what they were.
  for (const c of children) {
    for (const l of c.lines) {
      insertLine.run(settlementId, c.child.id, l.billId, l.item, l.baseFen, l.refundFen, l.previousFen, l.clause, l.explanation, JSON.stringify(l.inputs));
    }
  }
  const { changes: ledgerEntries } = sqlite
    .prepare(
      `INSERT INTO ledger_entries (household_id, child_id, kind, amount_fen, entry_date, item, period_month, bill_id, settlement_id, settlement_line_id, clause, description, created_by, created_at)
       SELECT coalesce(b.household_id, c.household_id), sl.child_id,
         CASE WHEN sl.previous_refund_fen IS NULL THEN 'refund' ELSE 'correction' END,
         coalesce(sl.previous_refund_fen, 0) - sl.refund_fen, @date, sl.item, sl.inputs_json ->> '$.month', sl.bill_id, sl.settlement_id, sl.id, sl.clause,
         sc.name || ' ' || (sl.inputs_json ->> '$.month') || ' ' || coalesce(@labels ->> sl.item, sl.item)
           || CASE WHEN sl.previous_refund_fen IS NULL THEN '退费' ELSE '结算更正' END || '（' || sl.clause || '）：' || sl.explanation,
         @staff, @at
       FROM settlement_lines sl
       JOIN settlement_children sc ON sc.settlement_id = sl.settlement_id AND sc.child_id = sl.child_id
       JOIN children c ON c.id = sl.child_id LEFT JOIN bills b ON b.id = sl.bill_id
       WHERE sl.settlement_id = @id AND sl.refund_fen <> coalesce(sl.previous_refund_fen, 0)
       ORDER BY sl.id`,
    )
    .run({ id: settlementId, date: ctx.today(), labels: JSON.stringify(ITEM_ZH), staff: staffId, at: bookedAt });
  return { settlementId, totalFen, ledgerEntries, bookedAt };
}
