// Issued bills as every money screen reads them: with the child and class,
// whether voided or replaced, and what has been paid (allocations of payments
// that are not voided), so that status and outstanding come from one place.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { payingOrder } from '../../core/billing/allocate';
import { type BillFigures, billFigures } from '../../core/billing/bill-status';
import type { Db } from '../open';
import { billVoids, bills, children, classes, ledgerEntries, paymentAllocations, payments, paymentVoids } from '../schema';

export type BillState = Omit<typeof bills.$inferSelect, 'runId' | 'replaceNote'> & {
  childName: string;
  classId: number;
  className: string;
  voided: boolean;
} & BillFigures;

/**
 * Every issued bill of the given households (all households when omitted),
 * oldest period first. Replaced and voided revisions are included (marked),
 * because a replacement's paid amount includes what was paid on them.
 */
export function loadBills(db: Db, today: string, householdIds?: readonly number[]): BillState[] {
  if (householdIds && householdIds.length === 0) return [];
  const scope = householdIds ? inArray(bills.householdId, [...householdIds]) : undefined;
  const rows = db
    .select({
      id: bills.id,
      number: bills.number,
      childId: bills.childId,
      householdId: bills.householdId,
      billing: bills.billing,
      periodFirst: bills.periodFirst,
      periodLast: bills.periodLast,
      semesterId: bills.semesterId,
      revision: bills.revision,
      replacesBillId: bills.replacesBillId,
      replaceReason: bills.replaceReason,
      dueOn: bills.dueOn,
      chargesFen: bills.chargesFen,
      reductionsFen: bills.reductionsFen,
      creditAppliedFen: bills.creditAppliedFen,
      totalDueFen: bills.totalDueFen,
      issuedBy: bills.issuedBy,
      issuedAt: bills.issuedAt,
      childName: children.name,
      classId: children.classId,
      className: classes.name,
      voidedAt: billVoids.voidedAt,
    })
    .from(bills)
    .innerJoin(children, eq(children.id, bills.childId))
    .innerJoin(classes, eq(classes.id, children.classId))
    .leftJoin(billVoids, eq(billVoids.billId, bills.id))
    .where(scope)
    .orderBy(asc(bills.periodFirst), asc(bills.number))
    .all();
  const allocated = new Map(
    db
      .select({ billId: paymentAllocations.billId, fen: sql<number>`sum(${paymentAllocations.amountFen})` })
      .from(paymentAllocations)
      .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
      .leftJoin(paymentVoids, eq(paymentVoids.paymentId, payments.id))
      .where(and(eq(payments.direction, 'in'), isNull(paymentVoids.paymentId), householdIds ? inArray(payments.householdId, [...householdIds]) : undefined))
      .groupBy(paymentAllocations.billId)
      .all()
      .map((r) => [r.billId, r.fen]),
  );
  // Each household's balance: a bill's credit that is gone since (its payment voided) is owed on it again.
  const balances = new Map(
    db
      .select({ householdId: ledgerEntries.householdId, fen: sql<number>`sum(${ledgerEntries.amountFen})` })
      .from(ledgerEntries)
      .where(householdIds ? inArray(ledgerEntries.householdId, [...householdIds]) : undefined)
      .groupBy(ledgerEntries.householdId)
      .all()
      .map((r) => [r.householdId, r.fen]),
  );
  const figures = billFigures(
    rows.map((r) => ({ ...r, voided: r.voidedAt !== null, allocatedFen: allocated.get(r.id) ?? 0 })),
    today,
    balances,
  );
  return rows.map(({ voidedAt, ...r }) => ({ ...r, voided: voidedAt !== null, ...figures.get(r.id)! }));
}

/** Live bills with something still to pay, in the order a payment pays them. */
export function openBills(rows: readonly BillState[]): BillState[] {
  return payingOrder(rows.filter((b) => b.outstandingFen > 0));
}
