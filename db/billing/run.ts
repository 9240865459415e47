// A month's bill run on a database: load the facts once, plan in core, and
// (to issue) write the plan. The app's handlers and the demo loader both go
// through here, so the demo's bills are made exactly as the app makes them.
import { nextMonth } from '../../core/calendar/dates';
import { type RunPlan, planRun } from '../../core/billing/run';
import type { BillingContext, ChildForBilling } from '../../core/billing/types';
import { NO_VOLUNTARY } from '../../core/billing/voluntary';
import { monthSpan } from '../../core/calendar/dates';
import type { Db } from '../open';
import { type IssuedBill, type IssueMeta, issueBills } from './bills';
import { householdBalances, loadChildrenForRun, loadDiscounts, loadLiveBills } from './inputs';
import { loadVoluntary } from './voluntary';

export interface LoadedPlan {
  plan: RunPlan;
  children: Map<number, ChildForBilling>;
}

/** Plans the run for `month` (nothing is written). */
export function planBillRun(db: Db, month: string, ctx: BillingContext): LoadedPlan {
  const children = loadChildrenForRun(db, month);
  // A semester bill may reach to the semester's end: look that far for live bills.
  const last = ctx.semesters.find((s) => s.first <= month && month <= s.last)?.last ?? month;
  const horizon = monthSpan(month, last) >= 1 ? last : nextMonth(month);
  const balances = householdBalances(db);
  const voluntary = loadVoluntary(db);
  const plan = planRun(month, children, ctx, {
    liveBills: loadLiveBills(db, month, horizon),
    discounts: loadDiscounts(db),
    balanceFen: (householdId) => balances.get(householdId) ?? 0,
    voluntary: (childId) => voluntary.get(childId) ?? NO_VOLUNTARY,
  });
  return { plan, children: new Map(children.map((c) => [c.id, c])) };
}

/** Plans and issues the run for `month` in the caller's transaction. */
export function issueBillRun(db: Db, month: string, ctx: BillingContext, meta: IssueMeta): LoadedPlan & { issued: IssuedBill[] } {
  const loaded = planBillRun(db, month, ctx);
  return { ...loaded, issued: issueBills(db, loaded.plan.bills, meta) };
}
