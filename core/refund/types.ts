import type { FeeItem, Policy, Reason } from '../policies/schema';

export type Billing = 'monthly' | 'semester';

export interface FeeInput {
  item: FeeItem;
  /** Decimal string, yuan: "520.00". For semester billing, the whole semester's amount. */
  paid: string;
  /** Per-day price for items refunded on actual days (meal, custody). */
  dailyRate?: string | null;
}

/** One child-month to compute a refund for; mirrors the command-line case file. */
export interface RefundCase {
  /** A built-in policy id, or a policy object (a kindergarten's copy). */
  policy: string | Policy;
  /** 'YYYY-MM'; for a withdrawal, the month the child left. */
  month: string;
  billing: Billing;
  /** First and last month, inclusive; required for semester billing. */
  semester?: { first: string; last: string } | null;
  fees: FeeInput[];
  /** Days present in `month` (month-by-month refunds). */
  presentDays?: number | null;
  /** Days present in the semester up to and including `month` (whole-semester refund, GS-1). */
  semesterPresentDays?: number | null;
  /** Legal working days of `month` on which the kindergarten itself was closed. */
  closureDays?: number | null;
  reason: Reason;
  /** Negotiated rate ("0.4") where the clause allows one (XA-K2). */
  agreedRate?: string | null;
  /** Overrides the calendar: W of `month`, or for a whole-semester refund the semester's total W. */
  legalWorkingDays?: number | null;
}

/** The numbers a line was computed from, for audits and the printed statement. */
export interface LineInputs {
  /** Days present in the refund period (month or semester). */
  d: number;
  /** Legal working days of the refund period. */
  W: number;
  closureDays: number;
  /** Tier rate applied ("0.5"), null for per-day and full refunds. */
  rate: string | null;
  /** Amount the rule was applied to: the month's fee, the month's share, or the semester fee. */
  base: string;
  paid: string;
  dailyRate: string | null;
  /** Semester billing: the number of months the amount is divided into. */
  semesterMonths?: number;
  /** Later months of the semester refunded whole on leaving. */
  laterMonths?: number;
  /** The clause of the tier applied under a closure (the line's clause is then the closure clause). */
  tierClause?: string;
}

export interface RefundLine {
  item: FeeItem;
  /** Two decimals: "260.00". */
  refund: string;
  clause: string;
  /** One sentence for the parent, in Chinese (the printed statement; the CLI contract's field). */
  explanation: string;
  /** The same sentence in English, for the English interface; not part of the CLI contract. */
  explanationEn: string;
  inputs: LineInputs;
}

export interface RefundResult {
  policy: string;
  month: string;
  /** W of the refund period (for a whole-semester refund, the sum over the semester). */
  legalWorkingDays: number;
  lines: RefundLine[];
  /** Sum of the rounded lines. */
  total: string;
}
