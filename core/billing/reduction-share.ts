// How many children have a reduction, against the notice's guide (Nantong:
// aid for at least 10% of the children; exempted categories not counted).
import { Decimal, formatPercent } from '../money';
import type { Policy } from '../policies/schema';

export interface ReductionShare {
  enrolled: number;
  /** Children with an NT-3.7 category the policy knows. */
  statutory: number;
  /** Of those, the ones the guide counts (half reductions; exemptions are not counted). */
  counted: number;
  /** Children with the kindergarten's own discount. */
  own: number;
  /** counted / enrolled, "8.3%". */
  share: string;
  /** Reductions apply in this kindergarten's type. */
  applies: boolean;
  guide: { minShare: string; note: string; met: boolean } | null;
}

export function reductionShare(
  policy: Policy,
  kindergartenType: string,
  children: ReadonlyArray<{ reductionCategory: string | null; ownDiscount: boolean }>,
): ReductionShare {
  const rules = policy.reductions;
  const known = children.filter((c) => c.reductionCategory && rules?.categories[c.reductionCategory]);
  const uncounted = new Set(rules?.aidShareGuide?.uncountedCategories ?? []);
  const counted = known.filter((c) => !uncounted.has(c.reductionCategory!)).length;
  const share = children.length === 0 ? new Decimal(0) : new Decimal(counted).dividedBy(children.length);
  const guide = rules?.aidShareGuide;
  return {
    enrolled: children.length,
    statutory: known.length,
    counted,
    own: children.filter((c) => c.ownDiscount).length,
    share: formatPercent(share.toDecimalPlaces(3)),
    applies: rules?.kindergartenKinds.includes(kindergartenType) ?? false,
    guide: guide ? { minShare: formatPercent(new Decimal(guide.minShare)), note: guide.note, met: share.greaterThanOrEqualTo(guide.minShare) } : null,
  };
}
