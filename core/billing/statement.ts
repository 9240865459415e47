// The family ledger read as a bank statement: entries in business-date order
// with the running balance, and a period's opening and closing balance.
// Integer fen: sums only. A balance is what the family owes; credit is negative.

export const ENTRY_KINDS = ['charge', 'reduction', 'refund', 'payment', 'payout', 'reversal', 'correction'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_LABELS: Record<EntryKind, [zh: string, en: string]> = {
  charge: ['收费', 'Charge'],
  reduction: ['减免', 'Reduction'],
  refund: ['退费', 'Refund'],
  payment: ['缴费', 'Payment'],
  payout: ['退款支付', 'Paid out'],
  reversal: ['冲正', 'Reversal'],
  correction: ['更正', 'Correction'],
};

export interface StatementEntry {
  id: number;
  entryDate: string;
  amountFen: number;
}

/** Business date first, then the order the entries were written in. */
export function statementOrder<T extends StatementEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.entryDate.localeCompare(b.entryDate) || a.id - b.id);
}

export interface Statement<T> {
  openingFen: number;
  entries: (T & { balanceFen: number })[];
  closingFen: number;
  /** Sum of the period's entries that raise the balance (charges, payouts, ...) and of those that lower it. */
  debitsFen: number;
  creditsFen: number;
}

/**
 * The entries dated from `from` to `to` (YYYY-MM-DD, inclusive; null = open
 * end) with a running balance that starts from the sum of everything before.
 */
export function statement<T extends StatementEntry>(entries: readonly T[], from: string | null, to: string | null): Statement<T> {
  let balance = 0;
  let openingFen = 0;
  let debitsFen = 0;
  let creditsFen = 0;
  const inPeriod: (T & { balanceFen: number })[] = [];
  for (const entry of statementOrder(entries)) {
    if (to !== null && entry.entryDate > to) break;
    balance += entry.amountFen;
    if (from !== null && entry.entryDate < from) {
      openingFen = balance;
      continue;
    }
    if (entry.amountFen > 0) debitsFen += entry.amountFen;
    else creditsFen -= entry.amountFen;
    inPeriod.push({ ...entry, balanceFen: balance });
  }
  return { openingFen, entries: inPeriod, closingFen: balance, debitsFen, creditsFen };
}
