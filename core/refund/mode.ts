import type { Policy } from '../policies/schema';
import type { Billing } from './types';

/**
 * How a refund's period is counted:
 * - month: a monthly payer's month;
 * - shares: a semester payer refunded month by month on share = paid / months;
 * - wholeSemester: a semester payer refunded once on days present in the semester (GS-1).
 */
export type RefundMode = 'month' | 'shares' | 'wholeSemester';

export function refundMode(billing: Billing, policy: Pick<Policy, 'semester'>): RefundMode {
  if (billing === 'monthly') return 'month';
  return policy.semester.mode === 'wholeSemester' ? 'wholeSemester' : 'shares';
}
