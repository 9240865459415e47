// Drafts and stored bills as the API returns them: money as strings, with
// the names a person reads.
import { periodLabel } from '../../../core/billing/items';
import type { RunPlan } from '../../../core/billing/run';
import type { BillDraft, ChildForBilling, LineDraft } from '../../../core/billing/types';
import { yuan } from './context';

type LineFacts = Pick<LineDraft, 'label' | 'periodFirst' | 'periodLast' | 'quantity' | 'unitPriceFen' | 'amountFen' | 'clause' | 'note'> & {
  kind: string;
  item: string;
  unit?: string | null;
};

export function lineView(line: LineFacts) {
  return {
    kind: line.kind,
    item: line.item,
    label: line.label,
    period: periodLabel(line.periodFirst, line.periodLast),
    quantity: line.quantity,
    unit: line.unit ?? null,
    unitPrice: yuan(line.unitPriceFen),
    amount: yuan(line.amountFen),
    clause: line.clause,
    note: line.note,
  };
}

const who = (child: ChildForBilling | undefined, childId: number) => ({
  childId,
  childName: child?.name ?? `#${childId}`,
  className: child?.className ?? '',
});

/** The 代收费 charged on a bill's lines (fen). */
export function agencyFen(lines: ReadonlyArray<{ kind: string; item: string; amountFen: number }>): number {
  return lines.filter((l) => l.kind === 'charge' && l.item === 'agency').reduce((s, l) => s + l.amountFen, 0);
}

export function draftView(bill: BillDraft, child: ChildForBilling | undefined) {
  return {
    ...who(child, bill.childId),
    billing: bill.period.billing,
    periodFirst: bill.period.first,
    periodLast: bill.period.last,
    period: periodLabel(bill.period.first, bill.period.last),
    lines: bill.lines.map(lineView),
    charges: yuan(bill.chargesFen),
    reductions: yuan(bill.reductionsFen),
    credit: yuan(bill.creditAppliedFen),
    totalDue: yuan(bill.totalDueFen),
    /** 代收费 on the bill (part of the charges), shown apart from the fees. */
    agency: yuan(agencyFen(bill.lines)),
    notes: bill.notes,
  };
}

export function planView(plan: RunPlan, children: Map<number, ChildForBilling>) {
  const sum = (pick: (b: BillDraft) => number) => yuan(plan.bills.reduce((s, b) => s + pick(b), 0));
  return {
    month: plan.month,
    bills: plan.bills.map((b) => draftView(b, children.get(b.childId))),
    alreadyBilled: plan.alreadyBilled.map((b) => ({ ...who(children.get(b.childId), b.childId), number: b.number, periodFirst: b.periodFirst, periodLast: b.periodLast, period: periodLabel(b.periodFirst, b.periodLast) })),
    cannotBill: plan.cannotBill.map((c) => ({
      ...who(children.get(c.childId), c.childId),
      reasons: c.problems.map((p) => ({ clause: p.clause, message: p.messageZh, messageEn: p.messageEn ?? p.messageZh })),
    })),
    totals: {
      count: plan.bills.length,
      charges: sum((b) => b.chargesFen),
      reductions: sum((b) => b.reductionsFen),
      credit: sum((b) => b.creditAppliedFen),
      totalDue: sum((b) => b.totalDueFen),
      agency: sum((b) => agencyFen(b.lines)),
    },
  };
}
