// The reports' reads of the family ledger: entries of a period with what they
// are about, the totals of the check line and the balances summed.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type BucketTotals, bucketOf, type CheckLine, checkLine, emptyTotals, type LedgerKind, lineAmount } from '../../core/reports/check-line';
import { type RawEntry, type ReportEntry, resolveEntries } from '../../core/reports/entries';
import type { Db } from '../open';
import { billLines, children, ledgerEntries } from '../schema';

function selectRaw(db: Db) {
  return db
    .select({
      id: ledgerEntries.id,
      householdId: ledgerEntries.householdId,
      childId: ledgerEntries.childId,
      classId: children.classId,
      kind: sql<LedgerKind>`${ledgerEntries.kind}`,
      amountFen: ledgerEntries.amountFen,
      entryDate: ledgerEntries.entryDate,
      item: ledgerEntries.item,
      periodMonth: ledgerEntries.periodMonth,
      lineFirst: billLines.periodFirst,
      lineLast: billLines.periodLast,
      reductionCategory: billLines.reductionCategory,
      paymentId: ledgerEntries.paymentId,
      settlementId: ledgerEntries.settlementId,
      reversesEntryId: ledgerEntries.reversesEntryId,
    })
    .from(ledgerEntries)
    .leftJoin(children, eq(children.id, ledgerEntries.childId))
    .leftJoin(billLines, eq(billLines.id, ledgerEntries.billLineId));
}

/** Entries booked from `first` to `last` (inclusive; `first` null = from the beginning), resolved for the reports. */
export function reportEntries(db: Db, first: string | null, last: string): ReportEntry[] {
  const rows: RawEntry[] = selectRaw(db)
    .where(first === null ? lte(ledgerEntries.entryDate, last) : and(gte(ledgerEntries.entryDate, first), lte(ledgerEntries.entryDate, last)))
    .orderBy(asc(ledgerEntries.id))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Reversed entries booked before the period are fetched, through reversals of reversals.
  let missing = rows.filter((r) => r.reversesEntryId !== null && !byId.has(r.reversesEntryId)).map((r) => r.reversesEntryId!);
  while (missing.length > 0) {
    const found = selectRaw(db).where(inArray(ledgerEntries.id, [...new Set(missing)])).all();
    for (const r of found) byId.set(r.id, r);
    missing = found.filter((r) => r.reversesEntryId !== null && !byId.has(r.reversesEntryId)).map((r) => r.reversesEntryId!);
  }
  return resolveEntries(rows, byId);
}

const reversed = alias(ledgerEntries, 'reversed');
const reversed2 = alias(ledgerEntries, 'reversed2');

/**
 * The check line's totals summed by SQL on their own (not from
 * `reportEntries`), so a report's rows are checked against an independent sum.
 */
export function ledgerTotals(db: Db, first: string, last: string): BucketTotals {
  const rows = db
    .select({
      kind: sql<LedgerKind>`CASE WHEN ${ledgerEntries.kind} <> 'reversal' THEN ${ledgerEntries.kind}
        WHEN ${reversed.kind} <> 'reversal' THEN ${reversed.kind} ELSE ${reversed2.kind} END`,
      fromSettlement: sql<number>`CASE WHEN ${ledgerEntries.kind} <> 'reversal' THEN ${ledgerEntries.settlementId} IS NOT NULL
        WHEN ${reversed.kind} <> 'reversal' THEN ${reversed.settlementId} IS NOT NULL ELSE ${reversed2.settlementId} IS NOT NULL END`,
      amountFen: sql<number>`sum(${ledgerEntries.amountFen})`,
    })
    .from(ledgerEntries)
    .leftJoin(reversed, eq(reversed.id, ledgerEntries.reversesEntryId))
    .leftJoin(reversed2, eq(reversed2.id, reversed.reversesEntryId))
    .where(and(gte(ledgerEntries.entryDate, first), lte(ledgerEntries.entryDate, last)))
    .groupBy(sql`1`, sql`2`)
    .all();
  const totals = emptyTotals();
  for (const r of rows) {
    const bucket = bucketOf({ kind: r.kind, fromSettlement: r.fromSettlement === 1 });
    totals[bucket] += lineAmount(bucket, r.amountFen);
  }
  return totals;
}

export interface BalancesSummed {
  totalFen: number;
  /** What families in arrears owe (the positive balances). */
  owedFen: number;
  /** Families' credit (the negative balances, negative). */
  creditFen: number;
  households: number;
}

/** Every household's balance at the end of `date` (before `date` with `before`), summed. */
export function balancesSummed(db: Db, date: string, before = false): BalancesSummed {
  const rows = db
    .select({ balance: sql<number>`sum(${ledgerEntries.amountFen})` })
    .from(ledgerEntries)
    .where(before ? sql`${ledgerEntries.entryDate} < ${date}` : lte(ledgerEntries.entryDate, date))
    .groupBy(ledgerEntries.householdId)
    .all();
  const out: BalancesSummed = { totalFen: 0, owedFen: 0, creditFen: 0, households: rows.length };
  for (const { balance } of rows) {
    out.totalFen += balance;
    if (balance > 0) out.owedFen += balance;
    else out.creditFen += balance;
  }
  return out;
}

/** The model's check line for the period, from the ledger alone. */
export function ledgerCheckLine(db: Db, first: string, last: string): { line: CheckLine; totals: BucketTotals; closing: BalancesSummed } {
  const totals = ledgerTotals(db, first, last);
  const opening = balancesSummed(db, first, true);
  const closing = balancesSummed(db, last);
  return {
    line: checkLine({ totals, openingFen: opening.totalFen, closingFen: closing.totalFen, owedFen: closing.owedFen, creditFen: closing.creditFen }),
    totals,
    closing,
  };
}
