// The account-integrity check (billing-model invariant 3): every stored total
// is a cache that can be recomputed from the rows it summarises, and every
// document's ledger effect can be recomputed from the document. The loader
// gathers the figures; this decides what disagrees. Integer fen.
import { formatFen } from '../money';

export interface BillCheckFacts {
  id: number;
  number: string;
  householdId: number;
  replacesBillId: number | null;
  voided: boolean;
  chargesFen: number;
  reductionsFen: number;
  creditAppliedFen: number;
  totalDueFen: number;
  /** Recomputed from bill_lines. */
  lineChargesFen: number;
  lineReductionsFen: number;
  /** Sum of this bill's charge, reduction and correction entries and of their reversals. */
  ledgerFen: number;
}

export interface PaymentCheckFacts {
  id: number;
  receiptNo: string;
  householdId: number;
  direction: 'in' | 'out';
  amountFen: number;
  voided: boolean;
  /** Sum of every ledger entry naming the payment (its entry and any reversal). */
  ledgerFen: number;
  allocatedFen: number;
  /** Allocations to bills of another household. */
  foreignAllocations: number;
}

export interface ReversalCheckFacts {
  id: number;
  householdId: number;
  amountFen: number;
  reversesEntryId: number | null;
  target: { householdId: number; amountFen: number } | null;
  /** How many reversals name the same entry. */
  reversalsOfTarget: number;
}

export interface SequenceCheckFacts {
  /** e.g. receipt:2026 */
  sequence: string;
  counterValue: number;
  /** The sequence numbers of the documents that carry it (e.g. 1, 2, 3 from SK2026-00001...). */
  used: number[];
}

export interface IntegrityFacts {
  bills: BillCheckFacts[];
  payments: PaymentCheckFacts[];
  reversals: ReversalCheckFacts[];
  sequences: SequenceCheckFacts[];
}

export type IntegrityProblemCode =
  | 'bill_cache'
  | 'bill_ledger'
  | 'payment_ledger'
  | 'over_allocated'
  | 'foreign_allocation'
  | 'reversal_amount'
  | 'reversal_twice'
  | 'sequence_gap';

export interface IntegrityProblem {
  code: IntegrityProblemCode;
  /** The document or entry concerned: a bill or receipt number, an entry id, a sequence. */
  ref: string;
  message: string;
}

const yuan = formatFen;

export function integrityProblems(facts: IntegrityFacts): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const bills = new Map(facts.bills.map((b) => [b.id, b]));
  const replaced = new Set(facts.bills.flatMap((b) => (b.replacesBillId === null ? [] : [b.replacesBillId])));

  for (const b of facts.bills) {
    const due = Math.max(0, b.chargesFen - b.reductionsFen - b.creditAppliedFen);
    if (b.chargesFen !== b.lineChargesFen || b.reductionsFen !== b.lineReductionsFen || b.totalDueFen !== due) {
      problems.push({
        code: 'bill_cache',
        ref: b.number,
        message: `账单 ${b.number} 的合计与明细不符：收费 ${yuan(b.chargesFen)}/${yuan(b.lineChargesFen)}，减免 ${yuan(b.reductionsFen)}/${yuan(b.lineReductionsFen)}，应缴 ${yuan(b.totalDueFen)}/${yuan(due)}`,
      });
    }
  }

  // A replacement books only the difference, so a chain of revisions (from the
  // live head down to the first) adds up on the ledger to what the head charges.
  for (const head of facts.bills) {
    if (replaced.has(head.id)) continue;
    let ledger = 0;
    const seen = new Set<number>();
    for (let b: BillCheckFacts | undefined = head; b && !seen.has(b.id); b = b.replacesBillId === null ? undefined : bills.get(b.replacesBillId)) {
      seen.add(b.id);
      ledger += b.ledgerFen;
    }
    const expected = head.voided ? 0 : head.lineChargesFen - head.lineReductionsFen;
    if (ledger !== expected) {
      problems.push({
        code: 'bill_ledger',
        ref: head.number,
        message: `账单 ${head.number} 在家庭账户上记 ${yuan(ledger)} 元，按明细应为 ${yuan(expected)} 元`,
      });
    }
  }

  for (const p of facts.payments) {
    const sign = p.direction === 'in' ? -1 : 1;
    const expected = p.voided ? 0 : sign * p.amountFen;
    if (p.ledgerFen !== expected) {
      problems.push({ code: 'payment_ledger', ref: p.receiptNo, message: `收据 ${p.receiptNo} 在家庭账户上记 ${yuan(p.ledgerFen)} 元，应为 ${yuan(expected)} 元` });
    }
    if (p.allocatedFen > p.amountFen) {
      problems.push({ code: 'over_allocated', ref: p.receiptNo, message: `收据 ${p.receiptNo} 分配到账单 ${yuan(p.allocatedFen)} 元，超过收款 ${yuan(p.amountFen)} 元` });
    }
    if (p.foreignAllocations > 0) {
      problems.push({ code: 'foreign_allocation', ref: p.receiptNo, message: `收据 ${p.receiptNo} 分配到了其他家庭的账单` });
    }
  }

  for (const r of facts.reversals) {
    if (!r.target || r.target.householdId !== r.householdId || r.target.amountFen !== -r.amountFen) {
      problems.push({ code: 'reversal_amount', ref: `#${r.id}`, message: `冲正分录 #${r.id} 与被冲正的分录 #${r.reversesEntryId ?? '—'} 金额或家庭不符` });
    }
    if (r.reversalsOfTarget > 1) {
      problems.push({ code: 'reversal_twice', ref: `#${r.id}`, message: `分录 #${r.reversesEntryId} 被冲正了 ${r.reversalsOfTarget} 次` });
    }
  }

  for (const s of facts.sequences) {
    const used = [...s.used].sort((a, b) => a - b);
    const gapFree = used.every((n, i) => n === i + 1) && used.length === s.counterValue;
    if (!gapFree) {
      problems.push({
        code: 'sequence_gap',
        ref: s.sequence,
        message: `编号序列 ${s.sequence} 已发出 ${s.counterValue} 个号，实际有 ${used.length} 张单据，存在缺号或重号`,
      });
    }
  }
  return problems;
}
