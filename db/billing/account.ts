// One household's account, entry by entry, with what each entry points at.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../open';
import { bills, children, ledgerEntries, payments, staff } from '../schema';

export interface AccountEntry {
  id: number;
  entryDate: string;
  kind: string;
  amountFen: number;
  childId: number | null;
  childName: string | null;
  item: string | null;
  periodMonth: string | null;
  description: string;
  clause: string | null;
  billNumber: string | null;
  receiptNo: string | null;
  reversesEntryId: number | null;
  /** Reversed later by another entry (both stay on the account). */
  reversed: boolean;
  createdByName: string;
  createdAt: string;
}

export function accountEntries(db: Db, householdId: number, childId: number | null): AccountEntry[] {
  const rows = db
    .select({
      e: ledgerEntries,
      childName: children.name,
      billNumber: bills.number,
      receiptNo: payments.receiptNo,
      createdByName: staff.displayName,
    })
    .from(ledgerEntries)
    .leftJoin(children, eq(children.id, ledgerEntries.childId))
    .leftJoin(bills, eq(bills.id, ledgerEntries.billId))
    .leftJoin(payments, eq(payments.id, ledgerEntries.paymentId))
    .leftJoin(staff, eq(staff.id, ledgerEntries.createdBy))
    .where(and(eq(ledgerEntries.householdId, householdId), childId === null ? undefined : eq(ledgerEntries.childId, childId)))
    .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.id))
    .all();
  const reversed = new Set(
    db
      .select({ id: ledgerEntries.reversesEntryId })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.householdId, householdId), isNotNull(ledgerEntries.reversesEntryId)))
      .all()
      .map((r) => r.id),
  );
  return rows.map(({ e, ...r }) => ({
    id: e.id,
    entryDate: e.entryDate,
    kind: e.kind,
    amountFen: e.amountFen,
    childId: e.childId,
    childName: r.childName,
    item: e.item,
    periodMonth: e.periodMonth,
    description: e.description,
    clause: e.clause,
    billNumber: r.billNumber,
    receiptNo: r.receiptNo,
    reversesEntryId: e.reversesEntryId,
    reversed: reversed.has(e.id),
    createdByName: r.createdByName ?? '',
    createdAt: e.createdAt,
  }));
}
