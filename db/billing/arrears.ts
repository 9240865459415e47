// 欠费: every household's overdue bills, aged, with the credit on its account
// set against them (core/billing/aging.ts), the guardian to call and the
// last conversation logged with the family.
import { desc, inArray, sql } from 'drizzle-orm';
import { type AgingBucket, type ArrearsLine, householdArrears } from '../../core/billing/aging';
import type { Db } from '../open';
import { contactLog, ledgerEntries } from '../schema';
import { type BillState, loadBills } from './bill-state';
import { type HouseholdPeople, householdPeople } from './households';
import { groupBy } from '../../core/group';

export interface ArrearsRow {
  bill: BillState;
  /** After credit on the account (never more than the bill's own outstanding). */
  outstandingFen: number;
  daysOverdue: number;
  bucket: AgingBucket;
  household: HouseholdPeople;
  lastContact: { date: string; topic: string; channel: string } | null;
}

/**
 * The overdue bills, aged, with each household's credit set against them:
 * the figure the arrears screen lists and the home screen adds up.
 */
export function overdueLines(db: Db, today: string): { lines: ArrearsLine[]; billsById: Map<number, BillState> } {
  // Only a household whose account owes something can be in arrears (credit covers every bill of the
  // others), so only theirs are loaded: years of paid bills of everyone else stay on disk.
  const owing = db
    .select({ householdId: ledgerEntries.householdId })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.householdId)
    .having(sql`sum(${ledgerEntries.amountFen}) > 0`)
    .all()
    .map((r) => r.householdId);
  const live = loadBills(db, today, owing).filter((b) => b.outstandingFen > 0);
  const billsById = new Map(live.map((b) => [b.id, b]));
  const byHousehold = groupBy(live, (b) => b.householdId);
  const ids = [...byHousehold.keys()];
  if (ids.length === 0) return { lines: [], billsById };
  const balances = new Map(
    db
      .select({ householdId: ledgerEntries.householdId, fen: sql<number>`sum(${ledgerEntries.amountFen})` })
      .from(ledgerEntries)
      .where(inArray(ledgerEntries.householdId, ids))
      .groupBy(ledgerEntries.householdId)
      .all()
      .map((r) => [r.householdId, r.fen]),
  );
  const lines = ids.flatMap((householdId) =>
    householdArrears(
      byHousehold.get(householdId)!.map((b) => ({ billId: b.id, number: b.number, dueOn: b.dueOn, periodFirst: b.periodFirst, outstandingFen: b.outstandingFen })),
      balances.get(householdId) ?? 0,
      today,
    ),
  );
  return { lines, billsById };
}

export function loadArrears(db: Db, today: string): ArrearsRow[] {
  const { lines, billsById } = overdueLines(db, today);
  if (lines.length === 0) return [];
  const owing = [...new Set(lines.map((l) => billsById.get(l.billId)!.householdId))];
  const people = householdPeople(db, owing);
  const contacts = new Map<number, ArrearsRow['lastContact']>();
  if (owing.length > 0) {
    for (const c of db.select().from(contactLog).where(inArray(contactLog.householdId, owing)).orderBy(desc(contactLog.date), desc(contactLog.id)).all()) {
      if (!contacts.has(c.householdId)) contacts.set(c.householdId, { date: c.date, topic: c.topic, channel: c.channel });
    }
  }
  return lines.map((l) => {
    const bill = billsById.get(l.billId)!;
    return { bill, outstandingFen: l.outstandingFen, daysOverdue: l.daysOverdue, bucket: l.bucket, household: people.get(bill.householdId)!, lastContact: contacts.get(bill.householdId) ?? null };
  });
}

