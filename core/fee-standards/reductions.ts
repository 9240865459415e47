// NT-3.7 reductions and exemptions of the education fee. They set what is
// charged; a later refund is always computed on what was actually paid.
import { Decimal, formatAmount, parseAmount } from '../money';
import type { Policy } from '../policies/schema';

export interface ReductionResult {
  /** Education fee to charge after the reduction. */
  due: string;
  reduction: string;
  rate: string;
  clause: string;
  labelZh: string;
}

/**
 * Applies a reduction category (dibao, orphan, ... — the keys stored on a child, core/families/labels.ts) to a monthly
 * education fee standard. Returns null when the policy has no such category or
 * the kindergarten's kind is not covered (reductions apply in public and
 * inclusive private kindergartens only).
 */
export function applyReduction(
  policy: Policy,
  args: { standard: string; category: string; kindergartenKind: string },
): ReductionResult | null {
  const rules = policy.reductions;
  const category = rules?.categories[args.category];
  if (!rules || !category || !rules.kindergartenKinds.includes(args.kindergartenKind)) return null;
  const standard = parseAmount(args.standard);
  const reduction = standard.times(new Decimal(category.rate));
  return {
    due: formatAmount(standard.minus(reduction)),
    reduction: formatAmount(reduction),
    rate: category.rate,
    clause: rules.clause,
    labelZh: category.label,
  };
}

/** The categories a policy offers, for the enrolment form's drop-down. */
export function reductionCategories(policy: Policy): Array<{ category: string; labelZh: string; rate: string }> {
  return Object.entries(policy.reductions?.categories ?? {}).map(([category, c]) => ({ category, labelZh: c.label, rate: c.rate }));
}
