// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
import type { Api, ApiName } from '../../../electron/api/index';
import type { Backend } from '../../../electron/backend';
import { copyBackend, demoTemplate, tableCounts } from '../../backend';

/** The fee area's money tables and the rows a bill run writes. */
export const MONEY_TABLES = ['bills', 'bill_lines', 'bill_voids', 'ledger_entries', 'counters', 'idempotency_keys', 'fee_standards', 'child_discounts'];

/** The demo is loaded once per test file into a template; each test gets its own copy of the file. */
const demo = demoTemplate('2026-12-01T01:00:00Z');

export interface BillingDemo {
  backend: Backend;
  dbPath: string;
  session(username?: string): Promise<string>;
  /** Names and inputs are checked against the API; results are read loosely, as the assertions pin them. */
  call<K extends ApiName>(name: K, input: Api[K]['input'], username?: string): Promise<{ ok: boolean; value?: any; error?: any }>;
  ok<K extends ApiName>(name: K, input: Api[K]['input'], username?: string): Promise<any>;
  counts(): Record<string, number>;
  sql<T = any>(query: string, ...params: unknown[]): T[];
  one<T = any>(query: string, ...params: unknown[]): T;
}

/**
 * The demo kindergarten (standards and September-November bills issued) on a
 * real SQLite file, with the clock on 1 December 2026, signed in as finance
 * (孙会计) unless another user is named.
 */
export async function billingDemo(now = '2026-12-01T01:00:00Z'): Promise<BillingDemo> {
  const env = await copyBackend(demo, { at: now });
  const sessions = new Map<string, string>();
  async function session(username = 'caiwu') {
    const known = sessions.get(username) ?? (await env.signIn(username));
    sessions.set(username, known);
    return known;
  }
  return {
    backend: env.backend,
    dbPath: env.dbPath,
    session,
    call: async (name, input, username) => env.call(name, input, await session(username)),
    ok: async (name, input, username) => env.ok(name, input, await session(username)),
    counts: () => tableCounts(env.backend),
    sql: (query, ...params) => env.sqlite.prepare(query).all(...params) as any[],
    one: (query, ...params) => env.sqlite.prepare(query).get(...params) as any,
  };
}

let keys = 0;
/** A fresh idempotency key, as a dialog makes when it opens. */
export const key = () => `test-key-${process.pid}-${++keys}-${Date.now()}`;

/**
 * For every household: what its ledger booked for bills (entries that are not
 * a payment's or a settlement's) against what its live bills charge, net of reductions.
 */
export function ledgerAgreesWithBills(demo: BillingDemo): Array<{ householdId: number; ledger: number; bills: number }> {
  return demo.sql(`
    WITH live AS (
      SELECT b.* FROM bills b
      WHERE b.id NOT IN (SELECT bill_id FROM bill_voids)
        AND b.id NOT IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL)
    ),
    owed AS (SELECT household_id, sum(charges_fen - reductions_fen) AS fen FROM live GROUP BY household_id),
    booked AS (
      SELECT household_id, sum(amount_fen) AS fen FROM ledger_entries
      WHERE payment_id IS NULL AND settlement_id IS NULL GROUP BY household_id
    )
    SELECT h.id AS householdId, coalesce(booked.fen, 0) AS ledger, coalesce(owed.fen, 0) AS bills
    FROM households h LEFT JOIN owed ON owed.household_id = h.id LEFT JOIN booked ON booked.household_id = h.id
    WHERE coalesce(booked.fen, 0) <> coalesce(owed.fen, 0)`);
}

/** Bills whose cached totals differ from the sum of their lines. */
export function billsDisagreeingWithLines(demo: BillingDemo): unknown[] {
  return demo.sql(`
    SELECT b.id FROM bills b JOIN bill_lines l ON l.bill_id = b.id GROUP BY b.id
    HAVING b.charges_fen <> sum(CASE WHEN l.kind = 'charge' THEN l.amount_fen ELSE 0 END)
        OR b.reductions_fen <> sum(CASE WHEN l.kind = 'reduction' THEN l.amount_fen ELSE 0 END)
        OR b.total_due_fen <> b.charges_fen - b.reductions_fen - b.credit_applied_fen`);
}

/** Every bill number of a year, in order: 1..n with no gap and no repeat. */
export function billNumbersGapFree(demo: BillingDemo, year = 2026): { count: number; gapFree: boolean; counter: number } {
  const numbers = demo.sql<{ number: string }>(`SELECT number FROM bills WHERE number LIKE 'JF${year}-%' ORDER BY number`).map((r) => Number(r.number.slice(7)));
  const counter = demo.one<{ value: number } | undefined>(`SELECT value FROM counters WHERE name = 'bill:${year}'`)?.value ?? 0;
  return { count: numbers.length, gapFree: numbers.every((n, i) => n === i + 1) && new Set(numbers).size === numbers.length, counter };
}
