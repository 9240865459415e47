import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdArrears } from '../../../core/billing/aging';
import { overdueLines } from '../../../db/billing/arrears';
import { loadBills } from '../../../db/billing/bill-state';
import { demoBackend, type TestBackend } from '../../backend';

/**
 * One figure for what families owe: the 欠费账龄 report of today, the arrears
 * screen and the home tile all set the credit on a family's account (money
 * paid ahead, a refund) against its oldest bills, so none of them says more
 * than the account owes.
 */
let app: TestBackend & { session: string };
beforeAll(async () => {
  const env = await demoBackend({ at: '2026-12-01T02:00:00Z' });
  app = { ...env, session: await env.signIn('admin') };
});
afterAll(() => app?.close());

describe('arrears agree everywhere', () => {
  it('the report of today, the arrears screen and the home tile give the same total and bills, below the gross of the bills', async () => {
    const doc = await app.ok('reports.get', { kind: 'arrears', period: '2026-12' }, app.session);
    const screen = await app.ok('ledger.arrears', {}, app.session);
    const home = await app.ok('home.today', {}, app.session);
    expect(doc.asOf).toBe('2026-12-01');
    expect(doc.tables.find((t) => t.id === 'aging')!.total).toMatchObject({ total: screen.total.outstanding, count: screen.total.count });
    expect(home.arrears).toMatchObject({ total: screen.total.outstanding, bills: screen.total.count });
    // The demo has families who paid ahead with a bill still open: the gross of the overdue bills is more.
    const gross = app.sqlite
      .prepare(
        `SELECT sum(b.total_due_fen - coalesce((SELECT sum(pa.amount_fen) FROM payment_allocations pa WHERE pa.bill_id = b.id
           AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = pa.payment_id)), 0))
         FROM bills b WHERE b.due_on < ? AND NOT EXISTS (SELECT 1 FROM bill_voids v WHERE v.bill_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id)`,
      )
      .pluck()
      .get(doc.asOf) as number;
    expect(Math.round(Number(screen.total.outstanding) * 100)).toBeLessThan(gross);
    expect(doc.checks.every((c) => c.holds)).toBe(true);
  });

  it('reads only the accounts that owe something, and finds exactly what reading every account finds', () => {
    const db = app.backend.database().db;
    const all = loadBills(db, '2026-12-01').filter((b) => b.outstandingFen > 0);
    const balances = new Map((app.sqlite.prepare('SELECT household_id AS h, sum(amount_fen) AS fen FROM ledger_entries GROUP BY household_id').all() as { h: number; fen: number }[]).map((r) => [r.h, r.fen]));
    const everyAccount = [...new Set(all.map((b) => b.householdId))].flatMap((h) => householdArrears(all.filter((b) => b.householdId === h).map((b) => ({ billId: b.id, number: b.number, dueOn: b.dueOn, periodFirst: b.periodFirst, outstandingFen: b.outstandingFen })), balances.get(h) ?? 0, '2026-12-01'));
    const sort = (lines: { billId: number }[]) => [...lines].sort((a, b) => a.billId - b.billId);
    expect(everyAccount.length).toBeGreaterThan(0);
    expect(sort(overdueLines(db, '2026-12-01').lines)).toEqual(sort(everyAccount));
  });
});

