// The desk's what-if for one child-month: what the refund would be with one
// day more or fewer present, beside the figures the settlement uses.
import { type WhatIfResult, whatIfDays } from '../../../core/refund';
import type { SettlementContext } from './context';
import { planMonth } from './plan-month';

export interface ChildWhatIf {
  childId: number;
  month: string;
  /** The days the refund is computed on now (the semester's for a whole-semester settlement). */
  presentDays: number | null;
  refund: string | null;
  whatIf: WhatIfResult | null;
  /** Why there is no what-if (not billed, days without roll call, ...). */
  reason: string | null;
}

export function childWhatIf(ctx: SettlementContext, childId: number, month: string): ChildWhatIf {
  const plan = planMonth(ctx, month, { childIds: [childId], resettle: true });
  const p = plan.plans[0];
  const none = (reason: string): ChildWhatIf => ({ childId, month, presentDays: null, refund: null, whatIf: null, reason });
  if (!p) return none('这名幼儿本月没有有效的账单，没有可试算的退费。');
  if (p.kind === 'unsettled') return none(p.problem.zh);
  if (p.kind === 'skip') return none('本月的费用已在此前的结算（如退园结算）中结清。');
  const engineCase = (p.cases.find((c) => c.refundCase.fees.some((f) => f.item === 'education')) ?? p.cases[0])!;
  return {
    childId,
    month,
    presentDays: p.presentDays,
    refund: engineCase.result.total,
    whatIf: whatIfDays(engineCase.refundCase, plan.setup.calendar, plan.setup.options),
    reason: null,
  };
}
