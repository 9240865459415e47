// The reports' reads of the family ledger: entries of a period with what they
// are about, the totals of the check line and the balances summed.
import { and, asc, eq, gte, inArray, lte, type SQLWrapper, sql } from 'drizzle-orm';
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
      lineKind: billLines.kind,
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
const line0 = alias(billLines, 'line0');
const line1 = alias(billLines, 'line1');
const line2 = alias(billLines, 'line2');

/**
 * The check line's totals summed by SQL on their own (not from
 * `reportEntries`), so a report's rows are checked against an independent
 * sum. Entries are grouped by what decides their line: their kind (or, for a
 * reversal, the kind of what it reverses, two levels deep), whether a
 * settlement booked it, the kind of bill line and the sign.
 */
export function ledgerTotals(db: Db, first: string, last: string): BucketTotals {
  const facts = (e: { kind: SQLWrapper; settlementId: SQLWrapper; amountFen: SQLWrapper }, l: { kind: SQLWrapper }) => ({
    kind: sql<LedgerKind | null>`${e.kind}`,
    settled: sql<number | null>`${e.settlementId} IS NOT NULL`,
    lineKind: sql<string | null>`${l.kind}`,
    sign: sql<number | null>`sign(${e.amountFen})`,
  });
  const f0 = facts(ledgerEntries, line0);
  const f1 = facts(reversed, line1);
  const f2 = facts(reversed2, line2);
  const rows = db
    .select({
      k0: f0.kind, s0: f0.settled, l0: f0.lineKind, n0: f0.sign,
      k1: f1.kind, s1: f1.settled, l1: f1.lineKind, n1: f1.sign,
      k2: f2.kind, s2: f2.settled, l2: f2.lineKind, n2: f2.sign,
      amountFen: sql<number>`sum(${ledgerEntries.amountFen})`,
    })
    .from(ledgerEntries)
    .leftJoin(line0, eq(line0.id, ledgerEntries.billLineId))
    .leftJoin(reversed, eq(reversed.id, ledgerEntries.reversesEntryId))
    .leftJoin(line1, eq(line1.id, reversed.billLineId))
    .leftJoin(reversed2, eq(reversed2.id, reversed.reversesEntryId))
    .leftJoin(line2, eq(line2.id, reversed2.billLineId))
    .where(and(gte(ledgerEntries.entryDate, first), lte(ledgerEntries.entryDate, last)))
    .groupBy(...Array.from({ length: 12 }, (_, i) => sql.raw(String(i + 1))))
    .all();
  const totals = emptyTotals();
  for (const r of rows) {
    const levels = [
      { kind: r.k0, settled: r.s0, lineKind: r.l0, sign: r.n0 },
      { kind: r.k1, settled: r.s1, lineKind: r.l1, sign: r.n1 },
      { kind: r.k2, settled: r.s2, lineKind: r.l2, sign: r.n2 },
    ];
    const root = levels.find((l) => l.kind !== 'reversal' && l.kind !== null);
    if (!root?.kind) throw new Error('a reversal must name the entry it cancels');
    const bucket = bucketOf({ kind: root.kind, fromSettlement: root.settled === 1, lineKind: root.lineKind, amountFen: root.sign ?? 0 });
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
