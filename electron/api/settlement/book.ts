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
 * The sentence on the family's account names the child, the month, the item
 * and the clause, so the next bill can show 上月退费 with its clause.
 */
export function ledgerDescription(child: ChildFact, line: DifferenceLine): string {
  const what = line.previousFen === null ? '退费' : '结算更正';
  return `${child.name} ${line.inputs.month} ${ITEM_ZH[line.item] ?? line.item}${what}（${line.clause}）：${line.explanation}`;
}

export function writeSettlement(ctx: SettlementContext, head: SettlementHead, children: readonly BookChild[], householdOfBill: ReadonlyMap<number, number>): Booked {
  const { sqlite } = ctx;
  const bookedAt = ctx.now().toISOString();
  const entryDate = ctx.today();
  const staffId = ctx.actor?.staffId ?? null;
  const totalFen = children.reduce((s, c) => s + c.lines.reduce((t, l) => t + l.deltaFen, 0), 0);
  const { id: settlementId } = sqlite
    .prepare(
      `INSERT INTO settlements (kind, month, child_id, policy_id, legal_working_days, total_fen, source, note, booked_by, booked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(head.kind, head.month, head.childId, head.policyId, head.legalWorkingDays, totalFen, head.source, head.note ?? '', staffId, bookedAt) as { id: number };
  // Prepared once: a month of 1,000 children is a few thousand rows.
  const insertChild = sqlite.prepare(
    `INSERT INTO settlement_children (settlement_id, child_id, name, class_name, billing, reason, present_days, closure_days, total_fen, previous_total_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO settlement_lines (settlement_id, child_id, bill_id, item, base_fen, refund_fen, previous_refund_fen, clause, explanation, inputs_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertEntry = sqlite.prepare(
    `INSERT INTO ledger_entries (household_id, child_id, kind, amount_fen, entry_date, item, period_month, bill_id, settlement_id, settlement_line_id, clause, description, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let ledgerEntries = 0;
  for (const c of children) {
    const total = c.lines.reduce((s, l) => s + l.refundFen, 0);
    insertChild.run(settlementId, c.child.id, c.child.name, c.child.className, c.billing, c.reason, c.presentDays, c.closureDays, total, c.previousTotalFen);
    for (const line of c.lines) {
      const { id: lineId } = insertLine.get(
        settlementId,
        c.child.id,
        line.billId,
        line.item,
        line.baseFen,
        line.refundFen,
        line.previousFen,
        line.clause,
        line.explanation,
        JSON.stringify(line.inputs),
      ) as { id: number };
      if (line.deltaFen === 0) continue;
      insertEntry.run(
        householdOfBill.get(line.billId) ?? c.child.householdId,
        c.child.id,
        line.previousFen === null ? 'refund' : 'correction',
        -line.deltaFen,
        entryDate,
        line.item,
        line.inputs.month,
        line.billId,
        settlementId,
        lineId,
        line.clause,
        ledgerDescription(c.child, line),
        staffId,
      );
      ledgerEntries++;
    }
  }
  return { settlementId, totalFen, ledgerEntries, bookedAt };
}
