import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BillingDemo, billingDemo, billNumbersGapFree, billsDisagreeingWithLines, key, ledgerAgreesWithBills } from './helpers';

// One database for the whole property: every sequence continues from where the
// previous one left it, so later runs see replacements of replacements,
// voids of re-issued periods, and so on.
let demo: BillingDemo;
beforeAll(async () => {
  demo = await billingDemo();
});
afterAll(() => demo?.backend.close());

type Command =
  | { kind: 'issue'; month: '2026-11' | '2026-12' }
  | { kind: 'replace'; pick: number; change: 'dibao' | 'no_reduction' | 'no_meals' | 'meals' | 'meal_rate'; rateFen: number }
  | { kind: 'void'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), month: fc.constantFrom('2026-11' as const, '2026-12' as const) }),
  fc.record({
    kind: fc.constant('replace' as const),
    pick: fc.nat(),
    change: fc.constantFrom('dibao' as const, 'no_reduction' as const, 'no_meals' as const, 'meals' as const, 'meal_rate' as const),
    rateFen: fc.integer({ min: 1000, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

function liveBills(): Array<{ id: number; child_id: number; period_first: string }> {
  return demo.sql(`SELECT id, child_id, period_first FROM bills
    WHERE period_first >= '2026-11' AND id NOT IN (SELECT bill_id FROM bill_voids)
      AND id NOT IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL) ORDER BY id`);
}

async function run(c: Command): Promise<void> {
  const sqlite = demo.backend.database().sqlite;
  if (c.kind === 'issue') {
    await demo.call('bills.issue', { month: c.month, dueOn: '2026-12-10', idempotencyKey: key() });
    return;
  }
  const live = liveBills();
  if (live.length === 0) return;
  const bill = live[c.pick % live.length]!;
  if (c.kind === 'void') {
    const r = await demo.call('bills.void', { billId: bill.id, reason: '性质测试作废', idempotencyKey: key() });
    expect(r.ok).toBe(true);
    return;
  }
  // What made the bill wrong: the child's record or the month's meal standard changed after it was issued.
  if (c.change === 'dibao') sqlite.prepare("UPDATE children SET reduction_category = 'dibao' WHERE id = ?").run(bill.child_id);
  if (c.change === 'no_reduction') sqlite.prepare('UPDATE children SET reduction_category = NULL WHERE id = ?').run(bill.child_id);
  if (c.change === 'no_meals' || c.change === 'meals') sqlite.prepare('UPDATE children SET meals = ? WHERE id = ?').run(c.change === 'meals' ? 1 : 0, bill.child_id);
  if (c.change === 'meal_rate') {
    const amount = `${Math.floor(c.rateFen / 100)}.${String(c.rateFen % 100).padStart(2, '0')}`;
    await demo.ok('standards.save', { item: 'meal', amount, unit: 'day', appliesFrom: `${bill.period_first}-01`, idempotencyKey: key() });
  }
  const r = await demo.call('bills.replace', { billId: bill.id, reason: 'other', note: '性质测试更正', idempotencyKey: key() });
  // Refused when nothing changed (or the child no longer takes meals at all): either way nothing is booked.
  if (!r.ok) expect(r.error.code === 'conflict' || r.error.code === 'invalid_input').toBe(true);
}

describe('the ledger agrees with the bills after any sequence of issue, replace and void', () => {
  it('holds for random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 6 }), async (commands) => {
        for (const c of commands) {
          await run(c);
          // Each household's balance (the sum of its entries) is what its live bills charge, net of reductions.
          expect(ledgerAgreesWithBills(demo)).toEqual([]);
          expect(billsDisagreeingWithLines(demo)).toEqual([]);
          expect(billNumbersGapFree(demo).gapFree).toBe(true);
          // A voided chain books nothing in total (its own entries: payments that named it stay, as credit).
          expect(demo.sql(`SELECT v.bill_id FROM bill_voids v JOIN ledger_entries e ON e.bill_id = v.bill_id AND e.payment_id IS NULL GROUP BY v.bill_id HAVING sum(e.amount_fen) <> 0`)).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
    // The sequences did exercise every operation.
    expect(demo.one('SELECT count(*) AS n FROM bill_voids').n).toBeGreaterThan(0);
    expect(demo.one('SELECT count(*) AS n FROM bills WHERE replaces_bill_id IS NOT NULL').n).toBeGreaterThan(0);
    expect(demo.one("SELECT count(*) AS n FROM bills WHERE period_first = '2026-12'").n).toBeGreaterThan(0);
  }, 120_000);
});
