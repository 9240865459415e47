// Gathers what the account-integrity check compares (core/billing/integrity.ts):
// cached bill totals against their lines, each document's ledger effect, and
// the numbering sequences against the documents that carry their numbers.
import { sql } from 'drizzle-orm';
import type { IntegrityFacts } from '../../core/billing/integrity';
import { sequenceOf } from '../../core/billing/payments';
import type { Db } from '../open';

/** Sequence name prefix -> the documents numbered from it. */
const SEQUENCES: Record<string, { table: 'bills' | 'payments'; column: string; prefix: string }> = {
  bill: { table: 'bills', column: 'number', prefix: 'JF' },
  receipt: { table: 'payments', column: 'receipt_no', prefix: 'SK' },
  payout: { table: 'payments', column: 'receipt_no', prefix: 'TK' },
};

export function integrityFacts(db: Db): IntegrityFacts {
  const bills = db.all<{
    id: number; number: string; householdId: number; replacesBillId: number | null; voided: number;
    chargesFen: number; reductionsFen: number; creditAppliedFen: number; totalDueFen: number;
    lineChargesFen: number; lineReductionsFen: number; ledgerFen: number;
  }>(sql`
    SELECT b.id, b.number, b.household_id AS householdId, b.replaces_bill_id AS replacesBillId,
      (v.bill_id IS NOT NULL) AS voided,
      b.charges_fen AS chargesFen, b.reductions_fen AS reductionsFen, b.credit_applied_fen AS creditAppliedFen, b.total_due_fen AS totalDueFen,
      coalesce((SELECT sum(l.amount_fen) FROM bill_lines l WHERE l.bill_id = b.id AND l.kind = 'charge'), 0) AS lineChargesFen,
      coalesce((SELECT sum(l.amount_fen) FROM bill_lines l WHERE l.bill_id = b.id AND l.kind = 'reduction'), 0) AS lineReductionsFen,
      -- The bill's own entries (issue, replacement difference, void reversal); payments and settlements that name the bill are theirs.
      coalesce((SELECT sum(e.amount_fen) FROM ledger_entries e WHERE e.bill_id = b.id AND e.payment_id IS NULL AND e.settlement_id IS NULL), 0) AS ledgerFen
    FROM bills b LEFT JOIN bill_voids v ON v.bill_id = b.id
    ORDER BY b.id`);
  const payments = db.all<{
    id: number; receiptNo: string; householdId: number; direction: 'in' | 'out'; amountFen: number; voided: number;
    ledgerFen: number; allocatedFen: number; foreignAllocations: number;
  }>(sql`
    SELECT p.id, p.receipt_no AS receiptNo, p.household_id AS householdId, p.direction, p.amount_fen AS amountFen,
      (v.payment_id IS NOT NULL) AS voided,
      coalesce((SELECT sum(e.amount_fen) FROM ledger_entries e WHERE e.payment_id = p.id), 0) AS ledgerFen,
      coalesce((SELECT sum(a.amount_fen) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS allocatedFen,
      (SELECT count(*) FROM payment_allocations a JOIN bills b ON b.id = a.bill_id WHERE a.payment_id = p.id AND b.household_id <> p.household_id) AS foreignAllocations
    FROM payments p LEFT JOIN payment_voids v ON v.payment_id = p.id
    ORDER BY p.id`);
  const reversals = db.all<{
    id: number; householdId: number; amountFen: number; reversesEntryId: number | null;
    targetHouseholdId: number | null; targetAmountFen: number | null; reversalsOfTarget: number;
  }>(sql`
    SELECT e.id, e.household_id AS householdId, e.amount_fen AS amountFen, e.reverses_entry_id AS reversesEntryId,
      t.household_id AS targetHouseholdId, t.amount_fen AS targetAmountFen,
      (SELECT count(*) FROM ledger_entries o WHERE o.reverses_entry_id = e.reverses_entry_id) AS reversalsOfTarget
    FROM ledger_entries e LEFT JOIN ledger_entries t ON t.id = e.reverses_entry_id
    WHERE e.reverses_entry_id IS NOT NULL OR e.kind = 'reversal'
    ORDER BY e.id`);
  const counters = db.all<{ name: string; value: number }>(sql`SELECT name, value FROM counters ORDER BY name`);
  const sequences = counters.flatMap(({ name, value }) => {
    const [kind, year] = name.split(':') as [string, string?];
    const spec = SEQUENCES[kind];
    if (!spec || !year || !/^\d{4}$/.test(year)) return [];
    const numbers = db.all<{ n: string }>(
      sql`SELECT ${sql.identifier(spec.column)} AS n FROM ${sql.identifier(spec.table)} WHERE ${sql.identifier(spec.column)} LIKE ${`${spec.prefix}${year}-%`}`,
    );
    return [{ sequence: name, counterValue: value, used: numbers.map((r) => sequenceOf(r.n) ?? -1) }];
  });
  return {
    bills: bills.map((b) => ({ ...b, voided: b.voided === 1 })),
    payments: payments.map((p) => ({ ...p, voided: p.voided === 1 })),
    reversals: reversals.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      amountFen: r.amountFen,
      reversesEntryId: r.reversesEntryId,
      target: r.targetHouseholdId === null || r.targetAmountFen === null ? null : { householdId: r.targetHouseholdId, amountFen: r.targetAmountFen },
      reversalsOfTarget: r.reversalsOfTarget,
    })),
    sequences,
  };
}
