// Payments as the desk and the receipt read them: allocations with the bill
// and child they paid, the void if any, the newest official invoice number,
// and who received the money.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { staffNames } from '../queries/families';
import { billLines, bills, children, classes, paymentAllocations, paymentInvoiceNumbers, payments, paymentVoids } from '../schema';

export interface PaymentRecord {
  id: number;
  receiptNo: string;
  householdId: number;
  direction: string;
  method: string;
  reference: string;
  amountFen: number;
  paidOn: string;
  payerName: string;
  note: string;
  receivedByName: string;
  createdAt: string;
  allocations: {
    billId: number;
    billNumber: string;
    childId: number;
    childName: string;
    className: string;
    periodFirst: string;
    periodLast: string;
    /** What the bill charges, as the parent reads it (保教费、伙食费), and its reductions. */
    items: string[];
    reductions: string[];
    amountFen: number;
  }[];
  allocatedFen: number;
  void: { reason: string; voidedAt: string; voidedByName: string } | null;
  invoiceNo: string | null;
}

/** Payments matching `where` (on the payments table), newest first. */
export function loadPayments(db: Db, where: SQL | undefined, limit = 500): PaymentRecord[] {
  const rows = db.select().from(payments).where(where).orderBy(desc(payments.paidOn), desc(payments.id)).limit(limit).all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = staffNames(db);
  const allocations = db
    .select({
      paymentId: paymentAllocations.paymentId,
      billId: paymentAllocations.billId,
      amountFen: paymentAllocations.amountFen,
      billNumber: bills.number,
      childId: bills.childId,
      childName: children.name,
      className: classes.name,
      periodFirst: bills.periodFirst,
      periodLast: bills.periodLast,
    })
    .from(paymentAllocations)
    .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .innerJoin(children, eq(children.id, bills.childId))
    .innerJoin(classes, eq(classes.id, children.classId))
    .where(inArray(paymentAllocations.paymentId, ids))
    .orderBy(asc(bills.periodFirst), asc(bills.number))
    .all();
  const billIds = [...new Set(allocations.map((a) => a.billId))];
  const lines = billIds.length
    ? db.select().from(billLines).where(inArray(billLines.billId, billIds)).orderBy(asc(billLines.id)).all()
    : [];
  const voids = new Map(db.select().from(paymentVoids).where(inArray(paymentVoids.paymentId, ids)).all().map((v) => [v.paymentId, v]));
  const invoices = new Map<number, string>();
  // Ascending ids: the newest number is set last and wins.
  for (const inv of db.select().from(paymentInvoiceNumbers).where(inArray(paymentInvoiceNumbers.paymentId, ids)).orderBy(asc(paymentInvoiceNumbers.id)).all()) {
    invoices.set(inv.paymentId, inv.invoiceNo);
  }
  return rows.map((p) => {
    const mine = allocations
      .filter((a) => a.paymentId === p.id)
      .map(({ paymentId: _, ...a }) => ({
        ...a,
        items: lines.filter((l) => l.billId === a.billId && l.kind === 'charge').map((l) => l.label),
        reductions: lines.filter((l) => l.billId === a.billId && l.kind === 'reduction').map((l) => l.label),
      }));
    const v = voids.get(p.id);
    return {
      id: p.id,
      receiptNo: p.receiptNo,
      householdId: p.householdId,
      direction: p.direction,
      method: p.method,
      reference: p.reference,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      payerName: p.payerName,
      note: p.note,
      receivedByName: p.receivedBy ? (people.get(p.receivedBy) ?? '') : '',
      createdAt: p.createdAt,
      allocations: mine,
      allocatedFen: mine.reduce((s, a) => s + a.amountFen, 0),
      void: v ? { reason: v.reason, voidedAt: v.voidedAt, voidedByName: v.voidedBy ? (people.get(v.voidedBy) ?? '') : '' } : null,
      invoiceNo: invoices.get(p.id) ?? null,
    };
  });
}

export const paymentsOfHousehold = (db: Db, householdId: number, limit?: number) =>
  loadPayments(db, and(eq(payments.householdId, householdId), eq(payments.direction, 'in')), limit);
