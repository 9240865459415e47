// A bill's status is derived, never stored (billing-model.md): voided (a row
// in bill_voids), replaced (a later revision names it), else issued; paid,
// partly paid and overdue follow from what was allocated to it and its due
// date. Integer fen: sums and comparisons only.
import { groupBy } from '../group';

export const BILL_STATUSES = ['issued', 'partly_paid', 'paid', 'overdue', 'replaced', 'voided'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

export const BILL_STATUS_LABELS: Record<BillStatus, [zh: string, en: string]> = {
  issued: ['待缴费', 'Issued'],
  partly_paid: ['部分缴费', 'Partly paid'],
  paid: ['已缴清', 'Paid'],
  overdue: ['逾期未缴', 'Overdue'],
  replaced: ['已更正', 'Replaced'],
  voided: ['已作废', 'Voided'],
};

/** Badge colours, so every list shows a status the same way. */
export const BILL_STATUS_COLORS: Record<BillStatus, string> = {
  issued: 'blue',
  partly_paid: 'yellow',
  paid: 'green',
  overdue: 'red',
  replaced: 'gray',
  voided: 'gray',
};

/** What the database holds about one issued bill. */
export interface BillFacts {
  id: number;
  /** Needed with `balances` (billFigures): whose account the bill is on. */
  householdId?: number;
  replacesBillId: number | null;
  /** charges - reductions - credit applied, never below 0 (bills.total_due_fen). */
  totalDueFen: number;
  creditAppliedFen: number;
  dueOn: string;
  voided: boolean;
  /** Allocations to this bill from payments that are not voided. */
  allocatedFen: number;
}

export interface BillFigures {
  status: BillStatus;
  /** The bill that replaced this one, if any. */
  replacedById: number | null;
  /** Allocations to this bill and to the revisions it replaces: money paid for the bill keeps counting after a correction. */
  allocatedFen: number;
  /** What has been paid against the bill: allocations plus the credit applied when it was issued (as far as that credit still exists). */
  paidFen: number;
  /** Still to pay (0 for replaced and voided bills: the live revision carries it). */
  outstandingFen: number;
  /**
   * Credit the bill took off when issued that is gone since (the payment that
   * left it was voided): owed again on this bill, and part of outstandingFen.
   */
  creditWithdrawnFen: number;
}

export function billStatus(
  bill: { voided: boolean; replaced: boolean; outstandingFen: number; allocatedFen: number; dueOn: string },
  today: string,
): BillStatus {
  if (bill.voided) return 'voided';
  if (bill.replaced) return 'replaced';
  if (bill.outstandingFen <= 0) return 'paid';
  if (today > bill.dueOn) return 'overdue';
  return bill.allocatedFen > 0 ? 'partly_paid' : 'issued';
}

/**
 * Figures for every bill given (pass all bills of the households concerned,
 * so that a replacement finds the revisions it replaces).
 *
 * With `balances` (each household's ledger balance, the truth): a bill
 * issued with credit from the account counted that credit as paid. When the
 * credit is gone afterwards — the payment that left it over was voided — the
 * account owes more than its bills say. That difference is put back on the
 * bills that used credit, newest first and never more than each used, so
 * their outstanding adds up to what the family owes again (billing-model
 * invariant 3: the balance is the sum of entries; bills follow it).
 */
export function billFigures(bills: readonly BillFacts[], today: string, balances?: ReadonlyMap<number, number>): Map<number, BillFigures> {
  const byId = new Map(bills.map((b) => [b.id, b]));
  const replacedBy = new Map<number, number>();
  for (const b of bills) if (b.replacesBillId !== null) replacedBy.set(b.replacesBillId, b.id);
  const chainAllocated = (bill: BillFacts): number => {
    let total = 0;
    const seen = new Set<number>();
    for (let b: BillFacts | undefined = bill; b && !seen.has(b.id); b = b.replacesBillId === null ? undefined : byId.get(b.replacesBillId)) {
      seen.add(b.id);
      total += b.allocatedFen;
    }
    return total;
  };
  const live = (bill: BillFacts) => !bill.voided && !replacedBy.has(bill.id);
  const base = new Map(bills.map((bill) => [bill.id, live(bill) ? Math.max(0, bill.totalDueFen - chainAllocated(bill)) : 0]));
  const withdrawn = new Map<number, number>();
  if (balances) {
    const households = groupBy(
      bills.filter((bill) => bill.householdId !== undefined && live(bill)),
      (bill) => bill.householdId!,
    );
    for (const [householdId, own] of households) {
      const shown = own.reduce((sum, b) => sum + base.get(b.id)!, 0);
      let gap = (balances.get(householdId) ?? 0) - shown;
      for (const bill of [...own].sort((a, b) => b.id - a.id)) {
        if (gap <= 0) break;
        // Never beyond what the bill charges net: it is owed again, not twice.
        const room = Math.min(bill.creditAppliedFen, Math.max(0, bill.totalDueFen + bill.creditAppliedFen - chainAllocated(bill)) - base.get(bill.id)!);
        const back = Math.min(gap, Math.max(0, room));
        if (back > 0) withdrawn.set(bill.id, back);
        gap -= back;
      }
    }
  }
  const out = new Map<number, BillFigures>();
  for (const bill of bills) {
    const replacedById = replacedBy.get(bill.id) ?? null;
    const allocatedFen = chainAllocated(bill);
    const creditWithdrawnFen = withdrawn.get(bill.id) ?? 0;
    const outstandingFen = base.get(bill.id)! + creditWithdrawnFen;
    out.set(bill.id, {
      status: billStatus({ voided: bill.voided, replaced: replacedById !== null, outstandingFen, allocatedFen, dueOn: bill.dueOn }, today),
      replacedById,
      allocatedFen,
      paidFen: allocatedFen + bill.creditAppliedFen - creditWithdrawnFen,
      outstandingFen,
      creditWithdrawnFen,
    });
  }
  return out;
}
