// The shape of a fee policy file. A policy is data: the engine interprets it,
// so a city's notice is added as one JSON file plus its test vectors.
// Semantic checks (tier coverage, rates, clause references) are in validate.ts.
import { z } from 'zod';

export const FEE_ITEMS = ['education', 'meal', 'accommodation', 'custody'] as const;
export type FeeItem = (typeof FEE_ITEMS)[number];

export const REASONS = ['leave', 'withdrawal', 'false_advertising'] as const;
export type Reason = (typeof REASONS)[number];

const clauseRef = z.string().min(1);
/** Decimal string, checked for range by the validator so its message can name the rule. */
const decimalText = z.string().min(1);

/**
 * One end of a tier. `count` is an absolute number (days, or months for
 * time-based tiers); `fractionOfW` ("1/2" or "0.5") is a share of the legal
 * working days of the refund period.
 */
const boundSchema = z.union([
  z.strictObject({ count: z.number().int().min(0), inclusive: z.boolean() }),
  z.strictObject({ fractionOfW: z.string().min(1), inclusive: z.boolean() }),
]);
export type TierBound = z.infer<typeof boundSchema>;

const tierSchema = z.strictObject({
  /** null: unbounded (only the first tier). */
  from: boundSchema.nullable(),
  /** null: unbounded (only the last tier). */
  to: boundSchema.nullable(),
  /** Share of the base refunded, "0" to "1". With `negotiable` it is the maximum. */
  rate: decimalText,
  /** The kindergarten and the parents agree the rate, up to `rate` (XA-K2). */
  negotiable: z.boolean().optional(),
  /** The rate used when none was agreed; defaults to `rate`. */
  defaultRate: decimalText.optional(),
});
export type Tier = z.infer<typeof tierSchema>;

/**
 * What is measured against the tiers: days present in the refund period
 * (a month, or a whole semester), or the months of term elapsed when a pupil
 * leaves (0 = before term, 1 = within the first month inclusive, ...).
 */
export const TIER_MEASURES = ['daysPresent', 'termMonthsElapsed'] as const;

const tiersRule = z.strictObject({
  kind: z.literal('tiers'),
  clause: clauseRef,
  measure: z.enum(TIER_MEASURES),
  tiers: z.array(tierSchema).min(1),
});
/** Refunded on actual days: paid - dailyRate x d, or paid x (W - d) / W without a daily rate. */
const perDayRule = z.strictObject({ kind: z.literal('perDay'), clause: clauseRef });
/** Everything paid for the item is refunded. */
const fullRule = z.strictObject({ kind: z.literal('full'), clause: clauseRef });
/** Closure for the kindergarten's own reasons: base x closureDays / W, the tier applying to the rest. */
const closureRule = z.strictObject({ kind: z.literal('closureProRata'), clause: clauseRef });

const ruleSchema = z.discriminatedUnion('kind', [tiersRule, perDayRule, fullRule, closureRule]);
export type Rule = z.infer<typeof ruleSchema>;
export type TiersRule = z.infer<typeof tiersRule>;

/** For one fee item: the rule id used for each reason, and for closures. */
const itemRulesSchema = z.strictObject({
  label: z.string().min(1),
  leave: z.string(),
  withdrawal: z.string(),
  false_advertising: z.string(),
  closure: z.string().optional(),
});
export type ItemRules = z.infer<typeof itemRulesSchema>;

const itemsSchema = z.partialRecord(z.enum(FEE_ITEMS), itemRulesSchema);

const semesterSchema = z.discriminatedUnion('mode', [
  /**
   * Each month is refunded on its share (semester amount / months of the
   * semester) with the monthly rules; when the child leaves for one of
   * `laterMonthsInFullOn`, every later month of the semester is refunded whole.
   */
  z.strictObject({
    mode: z.literal('monthlyShares'),
    clause: clauseRef,
    laterMonthsInFullOn: z.array(z.enum(REASONS)),
  }),
  /** Refunded once for the whole semester on days present in it (GS-1); W = sum of the months' W. */
  z.strictObject({ mode: z.literal('wholeSemester'), clause: clauseRef, items: itemsSchema }),
]);

const moneyLimit = z.strictObject({ clause: clauseRef, max: decimalText, agreementRequired: z.boolean() });

const feeStandardsSchema = z.strictObject({
  benchmark: z
    .strictObject({
      clause: clauseRef,
      grades: z.record(z.string(), z.strictObject({ label: z.string().min(1), monthlyFee: decimalText })),
      fundingFloats: z.record(z.string(), z.strictObject({ label: z.string().min(1), maxFloat: decimalText })),
    })
    .optional(),
  earlyCare: z.strictObject({ clause: clauseRef, maxMonthlySurcharge: decimalText }).optional(),
  custody: moneyLimit.optional(),
  schoolBus: z.strictObject({ clause: clauseRef, agreementRequired: z.literal(true) }).optional(),
  vacationDayRate: z.strictObject({ clause: clauseRef, maxIncrease: decimalText }).optional(),
  noCrossSemester: z.strictObject({ clause: clauseRef }).optional(),
  /**
   * NT-3.2 新生新办法、老生老办法: a raised standard of these items applies to
   * pupils enrolled from a date on only; a lowered one applies to every pupil.
   */
  raiseForNewPupilsOnly: z.strictObject({ clause: clauseRef, items: z.array(z.string().min(1)).min(1) }).optional(),
  raise: z
    .strictObject({ clause: clauseRef, maxIncrease: decimalText, lockYears: z.number().int().min(0) })
    .optional(),
  forbiddenFeeKinds: z
    .strictObject({
      clause: clauseRef,
      kinds: z.array(z.strictObject({ label: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) })),
    })
    .optional(),
});

const reductionsSchema = z.strictObject({
  clause: clauseRef,
  /** Kindergarten kinds where reductions apply, e.g. public, inclusive_private. */
  kindergartenKinds: z.array(z.string().min(1)).min(1),
  categories: z.record(
    z.string(),
    z.strictObject({ label: z.string().min(1), rate: decimalText }),
  ),
  /**
   * The notice's guide for the share of children aided (Nantong: at least 10%
   * of the children; exempted orphans, martyrs' children ... are not counted).
   */
  aidShareGuide: z
    .strictObject({ minShare: decimalText, uncountedCategories: z.array(z.string().min(1)), note: z.string().min(1) })
    .optional(),
});

export const policySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'policy id: lower-case letters, digits and dashes'),
  name: z.string().min(1),
  /** The name in the English UI (every built-in notice has one; a kindergarten's copy has only the name the principal gave it). */
  nameEn: z.string().min(1).optional(),
  /** The notice the policy transcribes. */
  source: z.string().min(1),
  /** Set on a kindergarten's copy: the built-in policy it was derived from. */
  derivedFrom: z.strictObject({ id: z.string(), name: z.string() }).optional(),
  clauses: z.record(
    z.string().min(1),
    z.strictObject({
      /**
       * What the clause is about, distinct within the notice: several clauses
       * can share one paragraph (NT-3.3, 3.3b, 3.3c all cite 第三条第3款).
       */
      title: z.string(),
      /** How a parent-facing sentence cites it: 南通市收费文件第三条第3款. */
      cite: z.string(),
      /** The clause in Chinese, with the app's reading where the notice is unclear. */
      text: z.string(),
    }),
  ),
  rules: z.record(z.string().min(1), ruleSchema),
  monthly: z.strictObject({ items: itemsSchema }),
  semester: semesterSchema,
  /** Rule for a pupil leaving school after term started (XA-S1); not used for kindergartens. */
  schoolWithdrawal: z.string().optional(),
  feeStandards: feeStandardsSchema.optional(),
  reductions: reductionsSchema.optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyFeeStandards = NonNullable<Policy['feeStandards']>;
