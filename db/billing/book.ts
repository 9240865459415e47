// Booking a payment and its void: the rows written, in the caller's
// transaction. The API handlers validate first (and audit); the demo books
// through the same code, so demo data looks exactly like the desk's.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { documentNumber, PAYMENT_METHOD_LABELS, type PaymentMethod, periodLabel, RECEIPT_PREFIX, receiptSequence } from '../../core/billing/payments';
import type { Db } from '../open';
import { ledgerEntries, paymentAllocations, payments, paymentVoids } from '../schema';
import type { BillState } from './bill-state';
import { type NewLedgerEntry, nextNumber, postEntries } from './ledger';

export interface PaymentToBook {
  householdId: number;
  method: PaymentMethod;
  reference: string;
  amountFen: number;
  paidOn: string;
  payerName: string;
  note: string;
  receivedBy: number;
  /** Checked by the caller (core/billing/allocate.ts allocationProblems). */
  allocations: { bill: Pick<BillState, 'id' | 'number' | 'childId' | 'childName' | 'periodFirst' | 'periodLast'>; amountFen: number }[];
  /** When the row was written; defaults to now (the demo sets its own). */
  createdAt?: string;
}

/**
 * The receipt number from the year's gap-free sequence, the payment, its
 * allocations, and its ledger entries: one per bill paid (so the account
 * reads per child) and one for what is left over as credit.
 */
export function bookPayment(db: Db, p: PaymentToBook) {
  const receiptNo = documentNumber(RECEIPT_PREFIX, p.paidOn.slice(0, 4), nextNumber(db, receiptSequence(p.paidOn)));
  const payment = db
    .insert(payments)
    .values({
      receiptNo,
      householdId: p.householdId,
      direction: 'in',
      method: p.method,
      reference: p.reference,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      payerName: p.payerName,
      note: p.note,
      receivedBy: p.receivedBy,
      ...(p.createdAt ? { createdAt: p.createdAt } : {}),
    })
    .returning()
    .get();
  if (p.allocations.length > 0) {
    db.insert(paymentAllocations)
      .values(p.allocations.map((a) => ({ paymentId: payment.id, billId: a.bill.id, amountFen: a.amountFen })))
      .run();
  }
  const how = `缴费 ${receiptNo}（${PAYMENT_METHOD_LABELS[p.method][0]}）`;
  const common = { householdId: p.householdId, kind: 'payment', entryDate: p.paidOn, paymentId: payment.id, createdBy: p.receivedBy, ...(p.createdAt ? { createdAt: p.createdAt } : {}) };
  const entries: NewLedgerEntry[] = p.allocations.map(({ bill, amountFen }) => ({
    ...common,
    childId: bill.childId,
    amountFen: -amountFen,
    periodMonth: bill.periodFirst,
    billId: bill.id,
    description: `${how}：${bill.childName} ${periodLabel(bill.periodFirst, bill.periodLast)}缴费通知单 ${bill.number}`,
  }));
  const allocatedFen = p.allocations.reduce((s, a) => s + a.amountFen, 0);
  const creditFen = p.amountFen - allocatedFen;
  if (creditFen > 0) entries.push({ ...common, amountFen: -creditFen, description: `${how}：预收款，存入家庭账户，抵扣以后的账单` });
  postEntries(db, entries);
  return { payment, receiptNo, allocatedFen, creditFen };
}

/**
 * 作废: the void row and one reversal for each of the payment's entries (a
 * payment in, or a refund paid out). Its allocations then stop counting (bill
 * status reads only payments not voided); a payout voided puts the refund
 * back on the household's account as credit owed to it.
 */
export function bookPaymentVoid(
  db: Db,
  v: { payment: typeof payments.$inferSelect; reason: string; voidedBy: number; voidedAt: string; entryDate: string },
): { reversedFen: number } {
  db.insert(paymentVoids).values({ paymentId: v.payment.id, reason: v.reason, voidedBy: v.voidedBy, voidedAt: v.voidedAt }).run();
  const entries = db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.paymentId, v.payment.id), inArray(ledgerEntries.kind, ['payment', 'payout']), isNull(ledgerEntries.reversesEntryId)))
    .all();
  const what = v.payment.direction === 'out' ? '作废退费收据' : '作废收据';
  postEntries(
    db,
    entries.map((e) => ({
      householdId: e.householdId,
      childId: e.childId,
      kind: 'reversal',
      amountFen: -e.amountFen,
      entryDate: v.entryDate,
      periodMonth: e.periodMonth,
      billId: e.billId,
      paymentId: e.paymentId,
      reversesEntryId: e.id,
      description: `${what} ${v.payment.receiptNo}：${v.reason}`,
      createdBy: v.voidedBy,
      createdAt: v.voidedAt,
    })),
  );
  return { reversedFen: -entries.reduce((sum, e) => sum + e.amountFen, 0) };
}
