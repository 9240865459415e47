// The fee items a kindergarten charges and the units each may be set in
// (../shared/docs/billing-model.md, "Periods and quantities").

export const BILLING_ITEMS = ['education', 'accommodation', 'meal', 'custody', 'bus', 'vacation_care', 'agency'] as const;
export type BillingItem = (typeof BILLING_ITEMS)[number];

export const STANDARD_UNITS = ['month', 'semester', 'day'] as const;
export type StandardUnit = (typeof STANDARD_UNITS)[number];

export const CLASS_LEVELS = ['toddler', 'small', 'middle', 'large'] as const;
export type ClassLevel = (typeof CLASS_LEVELS)[number];

/**
 * Units an item may be set in. Meals by day are a daily rate x the legal
 * working days of the month; vacation care is always per day (NT-3.6);
 * custody and the school bus are monthly (NT-1.3, NT-3.5).
 */
export const ITEM_UNITS: Record<BillingItem, readonly StandardUnit[]> = {
  education: ['month', 'semester'],
  accommodation: ['month', 'semester'],
  meal: ['day', 'month'],
  custody: ['month'],
  bus: ['month'],
  vacation_care: ['day'],
  agency: ['semester', 'month'],
};

type Labels<K extends string> = Record<K, readonly [zh: string, en: string]>;

export const ITEM_LABELS: Labels<BillingItem> = {
  education: ['保教费', 'Education fee'],
  accommodation: ['住宿费', 'Accommodation fee'],
  meal: ['伙食费', 'Meal fee'],
  custody: ['托管费', 'Custody fee'],
  bus: ['校车费', 'School bus fee'],
  vacation_care: ['寒暑假托管费', 'Vacation care'],
  agency: ['代收费', 'Collected on behalf'],
};

export const UNIT_LABELS: Labels<StandardUnit> = {
  month: ['每月', 'per month'],
  semester: ['每学期', 'per semester'],
  day: ['每天', 'per day'],
};

export const LEVEL_LABELS: Labels<ClassLevel> = {
  toddler: ['托班', 'Toddler class'],
  small: ['小班', 'Small class'],
  middle: ['中班', 'Middle class'],
  large: ['大班', 'Large class'],
};

/**
 * Items a bill run charges from the child's fee profile. Vacation care and
 * items collected on behalf are billed too, but only from the family's own
 * choice recorded at the desk (days booked, opted in: core/billing/voluntary.ts).
 */
export const RUN_ITEMS: readonly BillingItem[] = ['education', 'accommodation', 'meal', 'custody', 'bus'];
/** Billed only by the family's choice: per day booked, or opted in. */
export const VOLUNTARY_ITEMS: readonly BillingItem[] = ['vacation_care', 'agency'];

export const REPLACE_REASONS = ['attendance', 'reduction', 'standard', 'enrolment', 'other'] as const;
export type ReplaceReason = (typeof REPLACE_REASONS)[number];
export const REPLACE_REASON_LABELS: Labels<ReplaceReason> = {
  attendance: ['考勤有误', 'Attendance'],
  reduction: ['减免有误', 'Reduction'],
  standard: ['收费标准有误', 'Fee standard'],
  enrolment: ['入园、离园信息有误', 'Enrolment'],
  other: ['其他', 'Other'],
};

/** 2026 -> JF2026-00001 style: the bill number of the n-th bill issued in a year. */
export function billNumber(year: number, n: number): string {
  return `JF${year}-${String(n).padStart(5, '0')}`;
}

export function billSequence(year: number): string {
  return `bill:${year}`;
}

/** How a period reads on a notice, a receipt and the family's account: 2026年10月, or 2026年9月—2027年1月. */
export function periodLabel(first: string, last: string): string {
  const one = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
  return first === last ? one(first) : `${one(first)}—${one(last)}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The same in the English interface: Oct 2026, or Sep 2026 – Jan 2027. */
export function periodLabelEn(first: string, last: string): string {
  const one = (m: string) => `${MONTHS_EN[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
  return first === last ? one(first) : `${one(first)} – ${one(last)}`;
}
