// 欠费: issued bills not fully paid after their due date, aged in buckets.
// Integer fen: sums and comparisons only.
import { daysOpen } from '../families/lifecycle';
import { payingOrder } from './allocate';

export const AGING_BUCKETS = ['d0_30', 'd31_60', 'over_60'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_LABELS: Record<AgingBucket, [zh: string, en: string]> = {
  d0_30: ['0-30 天', '0-30 days'],
  d31_60: ['31-60 天', '31-60 days'],
  over_60: ['60 天以上', 'Over 60 days'],
};

/** Whole calendar days since the due date (0 on the due date itself and before it). */
export function daysOverdue(dueOn: string, today: string): number {
  return today > dueOn ? daysOpen(dueOn, null, today) : 0;
}

/** The bucket of a bill that is overdue by `days` (at least 1). */
export function agingBucket(days: number): AgingBucket {
  if (days <= 30) return 'd0_30';
  if (days <= 60) return 'd31_60';
  return 'over_60';
}

export interface AgingBill {
  billId: number;
  number: string;
  dueOn: string;
  periodFirst: string;
  outstandingFen: number;
}

export interface ArrearsLine {
  billId: number;
  /** What the family still owes on this bill, after credit on its account. */
  outstandingFen: number;
  daysOverdue: number;
  bucket: AgingBucket;
}

/**
 * A household's arrears lines. Its live bills are `bills` (all of them, due
 * or not); `balanceFen` is what its account says it owes. Credit on the
 * account that no bill has absorbed yet (money paid ahead, a refund) is set
 * against the oldest bills first, as a payment would be, so the arrears of a
 * household never exceed what it owes on its account.
 */
export function householdArrears(bills: readonly AgingBill[], balanceFen: number, today: string): ArrearsLine[] {
  const open = payingOrder(bills.filter((b) => b.outstandingFen > 0));
  const outstanding = open.reduce((sum, b) => sum + b.outstandingFen, 0);
  let credit = Math.max(0, outstanding - Math.max(0, balanceFen));
  const lines: ArrearsLine[] = [];
  for (const bill of open) {
    const covered = Math.min(credit, bill.outstandingFen);
    credit -= covered;
    const left = bill.outstandingFen - covered;
    const days = daysOverdue(bill.dueOn, today);
    if (left > 0 && days > 0) lines.push({ billId: bill.billId, outstandingFen: left, daysOverdue: days, bucket: agingBucket(days) });
  }
  return lines;
}
