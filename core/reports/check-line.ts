// The reconciliation every report shows (billing-model.md, "What the reports
// must reconcile"), over all households, a balance being what a family owes
// (credit negative):
//   charges - reductions - refunds = net charged
//   opening balance + net charged - payments in + payments out = closing balance
import { formatAmount, fromFen } from '../money';

export const LEDGER_KINDS = ['charge', 'reduction', 'refund', 'payment', 'payout', 'reversal', 'correction'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const BUCKETS = ['charges', 'reductions', 'refunds', 'paymentsIn', 'paymentsOut'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** What a ledger entry is, for the check line. */
export interface EntryFacts {
  kind: LedgerKind;
  /** For a reversal: the kind of the entry it reverses (followed through reversals of reversals); the other facts are then that entry's. */
  reversedKind?: LedgerKind | null;
  /** Corrections booked by a settlement are refund differences; others adjust a bill. */
  fromSettlement?: boolean;
  /** For a bill's correction (a replacement's difference): the kind of the line it adjusts, if the line still exists. */
  lineKind?: string | null;
  /** The entry's own signed amount (fen), for a correction whose line was dropped. */
  amountFen?: number;
}

/**
 * The line of the check an entry belongs to. A reversal lands where the entry
 * it cancels landed, with the opposite sign, so a voided bill or payment
 * nets out of the very figure it had raised.
 */
export function bucketOf(entry: EntryFacts): Bucket {
  switch (entry.kind) {
    case 'charge':
      return 'charges';
    case 'reduction':
      return 'reductions';
    case 'refund':
      return 'refunds';
    case 'payment':
      return 'paymentsIn';
    case 'payout':
      return 'paymentsOut';
    case 'correction':
      if (entry.fromSettlement) return 'refunds';
      if (entry.lineKind === 'reduction') return 'reductions';
      if (entry.lineKind === 'charge') return 'charges';
      // A replacement that drops a line: a dropped charge lowers what is owed, a dropped reduction raises it.
      return (entry.amountFen ?? 0) > 0 ? 'reductions' : 'charges';
    case 'reversal': {
      const reversed = entry.reversedKind;
      if (!reversed || reversed === 'reversal') throw new Error('a reversal must name the entry it cancels');
      return bucketOf({ ...entry, kind: reversed });
    }
  }
}

/**
 * How a signed ledger amount (fen, + = the family owes more) shows on its
 * line: charges and payments out as they are, reductions, refunds and
 * payments in with the sign turned, so each line reads as a positive sum.
 */
export function lineAmount(bucket: Bucket, amountFen: number): number {
  return bucket === 'charges' || bucket === 'paymentsOut' ? amountFen : -amountFen;
}

export type BucketTotals = Record<Bucket, number>;

export const emptyTotals = (): BucketTotals => ({ charges: 0, reductions: 0, refunds: 0, paymentsIn: 0, paymentsOut: 0 });

export function addEntry(totals: BucketTotals, entry: EntryFacts & { amountFen: number }): Bucket {
  const bucket = bucketOf(entry);
  totals[bucket] += lineAmount(bucket, entry.amountFen);
  return bucket;
}

export interface CheckLineInput {
  totals: BucketTotals;
  /** Sum of every household's balance before the first day (fen). */
  openingFen: number;
  /** Sum of every household's balance at the end of the last day, summed independently of the totals. */
  closingFen: number;
  /** The same closing split by sign: what families owe, and their credit (negative). */
  owedFen?: number;
  creditFen?: number;
}

export interface CheckLine {
  charges: string;
  reductions: string;
  refunds: string;
  netCharged: string;
  opening: string;
  paymentsIn: string;
  paymentsOut: string;
  /** opening + net - in + out, as the check computes it. */
  expectedClosing: string;
  /** The balances summed. */
  closing: string;
  owed: string | null;
  credit: string | null;
  holds: boolean;
  /** The two lines as printed. */
  text: { zh: [string, string]; en: [string, string] };
}

const yuan = (fen: number) => formatAmount(fromFen(fen));

export function checkLine({ totals, openingFen, closingFen, owedFen, creditFen }: CheckLineInput): CheckLine {
  // Integer fen: sums of safe integers are exact.
  const net = totals.charges - totals.reductions - totals.refunds;
  const expected = openingFen + net - totals.paymentsIn + totals.paymentsOut;
  const holds = expected === closingFen && (owedFen === undefined || creditFen === undefined || owedFen + creditFen === closingFen);
  const f = {
    charges: yuan(totals.charges),
    reductions: yuan(totals.reductions),
    refunds: yuan(totals.refunds),
    net: yuan(net),
    opening: yuan(openingFen),
    in: yuan(totals.paymentsIn),
    out: yuan(totals.paymentsOut),
    closing: yuan(closingFen),
  };
  const split = owedFen !== undefined && creditFen !== undefined ? `（欠费 ${yuan(owedFen)}，结余 ${yuan(creditFen)}）` : '';
  const splitEn = owedFen !== undefined && creditFen !== undefined ? ` (owed ${yuan(owedFen)}, credit ${yuan(creditFen)})` : '';
  const mark = holds ? '✓' : '✗ 不平';
  return {
    charges: f.charges,
    reductions: f.reductions,
    refunds: f.refunds,
    netCharged: f.net,
    opening: f.opening,
    paymentsIn: f.in,
    paymentsOut: f.out,
    expectedClosing: yuan(expected),
    closing: f.closing,
    owed: owedFen === undefined ? null : yuan(owedFen),
    credit: creditFen === undefined ? null : yuan(creditFen),
    holds,
    text: {
      zh: [
        `收费 ${f.charges} − 减免 ${f.reductions} − 退费 ${f.refunds} = 净应收 ${f.net}`,
        `期初余额 ${f.opening} + 净应收 ${f.net} − 收款 ${f.in} + 付出 ${f.out} = 期末余额 ${yuan(expected)}；各户余额合计 ${f.closing}${split} ${mark}`,
      ],
      en: [
        `charges ${f.charges} − reductions ${f.reductions} − refunds ${f.refunds} = net charged ${f.net}`,
        `opening ${f.opening} + net charged ${f.net} − payments in ${f.in} + payments out ${f.out} = closing ${yuan(expected)}; household balances summed ${f.closing}${splitEn} ${holds ? '✓' : '✗ does not balance'}`,
      ],
    },
  };
}
