// How payments and bills travel to the screens: money as strings, labels ready.
import { periodLabel } from '../../../core/billing/payments';
import { formatFen } from '../../../core/money';
import type { BillState } from '../../../db/billing/bill-state';
import type { PaymentRecord } from '../../../db/billing/payments';

export function billView(b: BillState) {
  return {
    id: b.id,
    number: b.number,
    childId: b.childId,
    childName: b.childName,
    className: b.className,
    billing: b.billing,
    period: periodLabel(b.periodFirst, b.periodLast),
    periodFirst: b.periodFirst,
    periodLast: b.periodLast,
    dueOn: b.dueOn,
    charges: formatFen(b.chargesFen),
    reductions: formatFen(b.reductionsFen),
    creditApplied: formatFen(b.creditAppliedFen),
    totalDue: formatFen(b.totalDueFen),
    paid: formatFen(b.paidFen),
    outstanding: formatFen(b.outstandingFen),
    status: b.status,
  };
}
export type BillView = ReturnType<typeof billView>;

export function paymentView(p: PaymentRecord) {
  return {
    id: p.id,
    receiptNo: p.receiptNo,
    householdId: p.householdId,
    method: p.method,
    reference: p.reference,
    amount: formatFen(p.amountFen),
    allocated: formatFen(p.allocatedFen),
    credit: formatFen(p.amountFen - p.allocatedFen),
    paidOn: p.paidOn,
    payerName: p.payerName,
    note: p.note,
    receivedByName: p.receivedByName,
    createdAt: p.createdAt,
    allocations: p.allocations.map((a) => ({
      billId: a.billId,
      billNumber: a.billNumber,
      childName: a.childName,
      className: a.className,
      period: periodLabel(a.periodFirst, a.periodLast),
      periodFirst: a.periodFirst,
      periodLast: a.periodLast,
      items: a.items,
      reductions: a.reductions,
      amount: formatFen(a.amountFen),
    })),
    void: p.void,
    invoiceNo: p.invoiceNo,
  };
}
export type PaymentView = ReturnType<typeof paymentView>;
