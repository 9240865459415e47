// A bill run: every child's bill for a month in one go. Planning is pure —
// the preview shows exactly what issuing would write, and issuing plans again
// inside its transaction (never trusting a preview that may be stale).
import { addDays } from '../calendar/dates';
import { applyHouseholdCredit, draftBill, periodFor } from './draft';
import type { BillDraft, BillingContext, ChildForBilling, OwnDiscount, Problem } from './types';
import { NO_VOLUNTARY, type VoluntaryFacts } from './voluntary';
import { groupBy } from '../group';

export interface LiveBill {
  childId: number;
  number: string;
  periodFirst: string;
  periodLast: string;
}

export interface RunPlan {
  month: string;
  bills: BillDraft[];
  alreadyBilled: Array<{ childId: number; number: string; periodFirst: string; periodLast: string }>;
  cannotBill: Array<{ childId: number; problems: Problem[] }>;
}

/**
 * Plans the run for `month`. A child with a live bill (not voided, not
 * replaced) overlapping the period is listed as already billed and gets
 * nothing, so running a month twice issues nothing twice. Children are
 * billed in the order given (the caller sorts by class and name), credit per
 * household in that order.
 */
export function planRun(
  month: string,
  children: readonly ChildForBilling[],
  ctx: BillingContext,
  facts: {
    liveBills: readonly LiveBill[];
    discounts: readonly OwnDiscount[];
    balanceFen(householdId: number): number;
    /** Days of vacation care booked and 代收费 opted in, per child (none when absent). */
    voluntary?(childId: number): VoluntaryFacts;
  },
): RunPlan {
  const live = groupBy(facts.liveBills, (bill) => bill.childId);
  const drafts: BillDraft[] = [];
  const alreadyBilled: RunPlan['alreadyBilled'] = [];
  const cannotBill: RunPlan['cannotBill'] = [];
  for (const child of children) {
    const period = periodFor(child, month, ctx.semesters);
    if ('code' in period) {
      cannotBill.push({ childId: child.id, problems: [period] });
      continue;
    }
    const existing = (live.get(child.id) ?? []).find((b) => b.periodFirst <= period.last && period.first <= b.periodLast);
    if (existing) {
      alreadyBilled.push({ childId: child.id, number: existing.number, periodFirst: existing.periodFirst, periodLast: existing.periodLast });
      continue;
    }
    const result = draftBill(child, period, ctx, facts.discounts, facts.voluntary?.(child.id) ?? NO_VOLUNTARY);
    if (result.ok) drafts.push(result.bill);
    else cannotBill.push({ childId: child.id, problems: result.problems });
  }
  return { month, bills: applyHouseholdCredit(drafts, facts.balanceFen), alreadyBilled, cannotBill };
}

/**
 * A short fingerprint of what a plan would issue (children, periods, lines,
 * credit). The preview hands it to the screen; issuing refuses when the plan
 * made inside the transaction differs, so nobody issues what they did not see.
 */
export function planDigest(plan: Pick<RunPlan, 'bills'>): string {
  const text = plan.bills
    .map((b) => `${b.childId}|${b.period.first}|${b.period.last}|${b.creditAppliedFen}|${b.lines.map((l) => `${l.kind}:${l.item}:${l.amountFen}`).join(',')}`)
    .join(';');
  // FNV-1a, 32 bits, twice with different seeds: enough to notice a change, not a security measure.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return `${plan.bills.length}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** Default due date: the 10th of the bill's first month, or ten days after issuing when that has passed. */
export function defaultDueDate(month: string, issueDate: string): string {
  const tenth = `${month}-10`;
  if (tenth >= issueDate) return tenth;
  return addDays(issueDate, 10);
}
