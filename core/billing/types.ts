// The shapes bill drafting works on. Amounts are integer fen, as stored;
// every computation with a rate goes through decimal.js and is rounded once
// per line (core/money.ts).
import type { Policy } from '../policies/schema';
import type { BillingItem } from './items';
import type { FeeStandard } from './standards';

export interface ChildForBilling {
  id: number;
  householdId: number;
  name: string;
  classId: number;
  className: string;
  classLevel: string;
  enrolledOn: string;
  /** enrolled | suspended | withdrawn | graduated */
  status: string;
  statusSince: string | null;
  /** monthly | semester */
  billingMode: string;
  meals: boolean;
  boarding: boolean;
  custodyAgreedOn: string | null;
  busAgreedOn: string | null;
  /** NT-3.7 category (dibao, orphan, ...), or null. */
  reductionCategory: string | null;
}

/** The kindergarten's own discount of one item for a child (e.g. 二孩优惠), set by the principal with a reason. */
export interface OwnDiscount {
  id: number;
  childId: number;
  item: BillingItem;
  /** Share of the item's charge not charged ("0.1"), or null for a fixed amount. */
  rate: string | null;
  /** Fixed amount off per month (fen), or null for a rate. */
  amountFen: number | null;
  /** YYYY-MM from which it applies. */
  fromMonth: string;
  reason: string;
  /** False: a row that ends the discount from `fromMonth` on. */
  active: boolean;
}

export interface Semester {
  id: number;
  name: string;
  /** YYYY-MM */
  first: string;
  last: string;
}

export interface BillingContext {
  policy: Policy;
  /** The kindergarten's type: reductions (NT-3.7) apply only in some. */
  kindergartenType: string;
  standards: readonly FeeStandard[];
  semesters: readonly Semester[];
  /** W of a month from the legal calendar; null when the year's calendar is missing. */
  workingDays(month: string): number | null;
}

export interface Period {
  billing: 'monthly' | 'semester';
  first: string;
  last: string;
  semesterId: number | null;
}

export interface LineDraft {
  kind: 'charge' | 'reduction';
  item: BillingItem;
  label: string;
  periodFirst: string;
  periodLast: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  standardId: number | null;
  /** The unit of the standard used (month, semester, day), for the notice. */
  unit: string | null;
  clause: string | null;
  reductionCategory: string | null;
  note: string;
}

export interface BillDraft {
  childId: number;
  householdId: number;
  period: Period;
  lines: LineDraft[];
  chargesFen: number;
  reductionsFen: number;
  creditAppliedFen: number;
  totalDueFen: number;
  /** Sentences for the person issuing (a joiner charged the whole month, a reduction not applicable, ...). */
  notes: string[];
}

export interface Problem {
  code: string;
  clause: string | null;
  messageZh: string;
  /** For the English interface; a problem without one is shown in Chinese there too. */
  messageEn?: string;
}

export type DraftResult = { ok: true; bill: BillDraft } | { ok: false; problems: Problem[] };
