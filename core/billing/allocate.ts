// How one payment is spread over a household's open bills. Amounts are
// integer fen: allocation only adds, subtracts and compares whole fen, which
// is exact, so no decimal arithmetic (and no rounding) is involved.

/** A live bill with something still to pay, as the payment dialog lists it. */
export interface OpenBill {
  billId: number;
  number: string;
  dueOn: string;
  /** YYYY-MM: ties between bills due on the same day go to the earlier period. */
  periodFirst: string;
  outstandingFen: number;
}

export interface Allocation {
  billId: number;
  amountFen: number;
}

/** Sorted the way a household's bills are paid: oldest due date first, then earlier period, then bill number. */
export function payingOrder<T extends Pick<OpenBill, 'dueOn' | 'periodFirst' | 'number'>>(bills: readonly T[]): T[] {
  return [...bills].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.periodFirst.localeCompare(b.periodFirst) || a.number.localeCompare(b.number),
  );
}

/**
 * The dialog's suggestion: the amount goes to the oldest bill first until it
 * is paid, then the next; what is left over stays on the household's account
 * as credit (预收). The desk may change it before saving.
 */
export function allocateOldestFirst(amountFen: number, bills: readonly OpenBill[]): { allocations: Allocation[]; creditFen: number } {
  assertFen(amountFen);
  let left = amountFen;
  const allocations: Allocation[] = [];
  for (const bill of payingOrder(bills)) {
    if (left === 0) break;
    const share = Math.min(left, bill.outstandingFen);
    if (share <= 0) continue;
    allocations.push({ billId: bill.billId, amountFen: share });
    left -= share;
  }
  return { allocations, creditFen: left };
}

export type AllocationProblemCode = 'unknown_bill' | 'duplicate_bill' | 'not_positive' | 'over_bill' | 'over_amount';

export interface AllocationProblem {
  /** Index of the allocation at fault; null when the whole split is (more than the amount paid). */
  index: number | null;
  code: AllocationProblemCode;
  message: string;
  messageEn: string;
}

/**
 * Why a split chosen at the desk cannot be booked: a bill that is not open on
 * this household, the same bill twice, a zero share, more than a bill still
 * needs, or more in total than was paid. Empty when it can be booked.
 */
export function allocationProblems(amountFen: number, allocations: readonly Allocation[], bills: readonly OpenBill[]): AllocationProblem[] {
  const open = new Map(bills.map((b) => [b.billId, b]));
  const seen = new Set<number>();
  const problems: AllocationProblem[] = [];
  let total = 0;
  allocations.forEach((a, index) => {
    const bill = open.get(a.billId);
    if (!bill) {
      problems.push({ index, code: 'unknown_bill', message: '这张账单不是本家庭待缴的账单（可能已缴清、作废或被更正），请刷新后重试', messageEn: 'That bill is not open on this household.' });
      return;
    }
    if (seen.has(a.billId)) {
      problems.push({ index, code: 'duplicate_bill', message: `账单 ${bill.number} 重复分配`, messageEn: `Bill ${bill.number} appears twice.` });
      return;
    }
    seen.add(a.billId);
    if (!Number.isSafeInteger(a.amountFen) || a.amountFen <= 0) {
      problems.push({ index, code: 'not_positive', message: '分配金额必须大于 0', messageEn: 'A share must be more than 0.' });
      return;
    }
    if (a.amountFen > bill.outstandingFen) {
      problems.push({
        index,
        code: 'over_bill',
        message: `超过账单 ${bill.number} 的未缴金额`,
        messageEn: `More than bill ${bill.number} still needs.`,
      });
      return;
    }
    total += a.amountFen;
  });
  if (total > amountFen) {
    problems.push({ index: null, code: 'over_amount', message: '分配合计超过本次缴费金额', messageEn: 'The shares add up to more than the amount paid.' });
  }
  return problems;
}

function assertFen(fen: number) {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount of fen: ${fen}`);
}
