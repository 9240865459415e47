import { afterEach, describe, expect, it } from 'vitest';
import { freshBackend, type TestBackend } from '../../backend';
import { caller, sessionOf, TODAY } from './fixtures';

let env: TestBackend | undefined;
afterEach(() => env?.close());

describe('the demo kindergarten’s payments', () => {
  it('pay most bills by different methods, one partly, one ahead, one voided with a reason, and leave arrears in every bucket', async () => {
    // The whole demo as the setup screen loads it, payments included (not the payments tests' template).
    env = freshBackend({ at: `${TODAY}T02:00:00.000Z`, automaticBackups: false });
    const loaded = await env.call('setup.loadDemo', {});
    expect(loaded.ok).toBe(true);
    const { backend, sqlite } = env;
    const count = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
    const bills = count('SELECT count(*) AS n FROM bills');
    const paidBills = count('SELECT count(DISTINCT a.bill_id) AS n FROM payment_allocations a WHERE a.payment_id NOT IN (SELECT payment_id FROM payment_voids)');
    expect(bills).toBeGreaterThan(200);
    expect(paidBills / bills).toBeGreaterThan(0.85);

    const methods = sqlite.prepare('SELECT DISTINCT method FROM payments ORDER BY method').all().map((r) => (r as { method: string }).method);
    expect(methods).toEqual(['alipay', 'bank', 'cash', 'pos', 'wechat']);
    expect(count("SELECT count(*) AS n FROM payments WHERE method <> 'cash' AND reference = ''")).toBe(0);
    expect(count("SELECT count(*) AS n FROM payments WHERE paid_on >= '2026-12-01'")).toBe(0);
    expect(sqlite.prepare('SELECT reason FROM payment_voids').all()).toEqual([{ reason: '金额登记错误（多录 100 元），已按实收金额重新登记' }]);
    // Paid ahead: one household in credit from its payments alone (September's refunds, settled after, credit many more).
    expect(sqlite.prepare('SELECT household_id, sum(amount_fen) AS s FROM ledger_entries WHERE settlement_id IS NULL GROUP BY household_id HAVING s < 0').all()).toHaveLength(1);
    // Partly paid: a bill with some money on it but not all.
    const partly = sqlite
      .prepare(
        `SELECT b.id FROM bills b JOIN payment_allocations a ON a.bill_id = b.id
         WHERE a.payment_id NOT IN (SELECT payment_id FROM payment_voids) GROUP BY b.id HAVING sum(a.amount_fen) < b.total_due_fen`,
      )
      .all();
    expect(partly.length).toBeGreaterThanOrEqual(1);

    const call = caller(backend, sessionOf(backend, 'caiwu'));
    const list = await call('ledger.arrears', {});
    expect(list.buckets.map((b) => [b.bucket, b.count > 0])).toEqual([
      ['d0_30', true],
      ['d31_60', true],
      ['over_60', true],
    ]);
    // A handful of families, not the whole kindergarten.
    expect(list.total.households).toBeGreaterThanOrEqual(5);
    expect(list.total.households).toBeLessThan(15);
    expect((await call('ledger.check', {})).problems).toEqual([]);
  });
});
