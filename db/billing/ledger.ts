// The few writes every money operation shares: gap-free document numbers and
// ledger postings. Call them inside the handler's transaction, so a refused
// or failed operation consumes no number and leaves no entry.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { counters, ledgerEntries } from '../schema';

export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;

/**
 * The next number of a sequence ("bill:2026", "receipt:2026", "payout:2026").
 * Inside a write transaction the counter row is locked with the rest of the
 * operation, so numbers have no gap and no repeat, also across connections.
 */
export function nextNumber(db: Db, sequence: string): number {
  const row = db
    .insert(counters)
    .values({ name: sequence, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value })
    .get();
  return row.value;
}

/** Appends entries to households' accounts; returns their ids in order. */
export function postEntries(db: Db, entries: NewLedgerEntry[]): number[] {
  if (entries.length === 0) return [];
  return db
    .insert(ledgerEntries)
    .values(entries)
    .returning({ id: ledgerEntries.id })
    .all()
    .map((r) => r.id);
}

/** What the household owes (fen; negative = credit): the sum of its entries, nothing else. */
export function householdBalanceFen(db: Db, householdId: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${ledgerEntries.amountFen}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.householdId, householdId))
    .get();
  return row?.total ?? 0;
}

/**
 * Reserves `count` consecutive numbers of a sequence at once (a bill run
 * numbering hundreds of bills); returns the first. Same guarantees as
 * nextNumber: inside the write transaction, no gap and no repeat.
 */
export function reserveNumbers(db: Db, sequence: string, count: number): number {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const row = db
    .insert(counters)
    .values({ name: sequence, value: count })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${count}` } })
    .returning({ value: counters.value })
    .get();
  return row.value - count + 1;
}
