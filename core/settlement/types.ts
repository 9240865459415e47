import type { FeeItem, Reason } from '../policies/schema';
import type { LineInputs, RefundCase, RefundResult } from '../refund/types';

export type Billing = 'monthly' | 'semester';

/** One line of an issued bill, as settlement reads it (amounts in fen, always >= 0). */
export interface BillLineFact {
  billId: number;
  kind: 'charge' | 'reduction';
  item: string;
  /** YYYY-MM of the first and last month the line covers. */
  periodFirst: string;
  periodLast: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  /** The unit of the fee standard the line was charged from ('day' = daily rate x days), null without one. */
  standardUnit: string | null;
}

/** A live bill (issued, not voided, not replaced) of one child. */
export interface BillFact {
  id: number;
  number: string;
  householdId: number;
  billing: Billing;
  periodFirst: string;
  periodLast: string;
  lines: BillLineFact[];
}

export interface ChildFact {
  id: number;
  name: string;
  classId: number;
  className: string;
  householdId: number;
  enrolledOn: string;
  /** enrolled | suspended | withdrawn | graduated */
  status: string;
  /** First day of the current status (the first day away when the child left). */
  statusSince: string | null;
}

/** A child's month as the attendance summary gives it (the refund engine's d, closure days and W). */
export interface MonthAttendance {
  month: string;
  W: number;
  present: number;
  closureDays: number;
  /** Legal working days the child was enrolled, not closed, and no roll call was taken. */
  unrecorded: number;
  /** Those days, when known (the sentence names the first). */
  missingDates: readonly string[];
}

/** What earlier settlements already did for this child, per fee item. */
export interface BookedLine {
  item: string;
  billId: number | null;
  /** The month the line settled. */
  month: string;
  /** The last month the line settled (later months of a semester refunded whole on leaving, a whole semester). */
  coversThrough: string;
  clause: string;
  /** refund minus what had been booked before: the line's own effect. */
  deltaFen: number;
}

/** What is stored with every booked line (settlement_lines.inputs_json): the engine's figures plus the period. */
export type StoredLineInputs = Partial<LineInputs> & {
  month: string;
  coversThrough: string;
  /** A month wholly after the child left, refunded whole. */
  afterLeaving?: true;
};

export interface PlannedLine {
  billId: number;
  item: FeeItem;
  baseFen: number;
  refundFen: number;
  clause: string;
  explanation: string;
  inputs: StoredLineInputs;
}

export interface PlannedCase {
  refundCase: RefundCase;
  result: RefundResult;
}

/** now_due: left unsettled at month end, and can be settled now (by a correction). */
export type ProblemCode = 'missing_attendance' | 'calendar' | 'not_due' | 'bills' | 'engine' | 'now_due';

/** Where the desk fixes what stops a child from being settled. */
export type FixLink =
  | { to: 'attendance'; childId: number; month: string }
  | { to: 'calendar' }
  | { to: 'bills'; childId: number }
  | { to: 'settlement'; month: string }
  | null;

export interface Problem {
  code: ProblemCode;
  /** One sentence: why, and what to do. */
  zh: string;
  en: string;
  link: FixLink;
}

export interface SettledChild {
  kind: 'settle';
  child: ChildFact;
  /** How the education fee (else the first item) was billed. */
  billing: Billing;
  reason: Reason;
  /** The figures the engine used for the education case (for a whole-semester settlement, the semester's). */
  presentDays: number;
  closureDays: number;
  cases: PlannedCase[];
  lines: PlannedLine[];
  totalFen: number;
}

export interface UnsettledChild {
  kind: 'unsettled';
  child: ChildFact;
  problem: Problem;
}

/** Everything billed for the month was already settled (a withdrawal, a semester refunded whole). */
export interface AlreadySettled {
  kind: 'skip';
  child: ChildFact;
}

export type ChildPlan = SettledChild | UnsettledChild | AlreadySettled;
