import { afterEach, describe, expect, it } from 'vitest';
import { loadPaymentsDemo } from '../../../db/demo/payments';
import type { Backend } from '../../../electron/backend';
import { caller, EDUCATION, issueTestBill, MEALS, moneyBackend } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

describe('demo payments', () => {
  it('pay most bills by different methods, one partly, one ahead, one voided with a reason, and leave arrears in every bucket', async () => {
    const env = await moneyBackend();
    backend = env.backend;
    const { sqlite, db } = env.backend.database();
    // Bills as the billing demo issues them: September to November, monthly or for the semester.
    const kids = sqlite.prepare("SELECT id, billing_mode AS billing FROM children WHERE status = 'enrolled' ORDER BY id").all() as { id: number; billing: string }[];
    for (const kid of kids) {
      if (kid.billing === 'semester') issueTestBill(env.backend, { childId: kid.id, period: '2026-09', periodLast: '2027-01', dueOn: '2026-09-10', lines: [EDUCATION(210000)] });
      else for (const m of ['09', '10', '11']) issueTestBill(env.backend, { childId: kid.id, period: `2026-${m}`, dueOn: `2026-${m}-10`, lines: [EDUCATION(), MEALS()] });
    }
    const loaded = sqlite.transaction(() => loadPaymentsDemo(db))();
    expect(loaded.voided).toBe(1);

    const methods = sqlite.prepare('SELECT DISTINCT method FROM payments ORDER BY method').all().map((r) => (r as { method: string }).method);
    expect(methods).toEqual(['alipay', 'bank', 'cash', 'pos', 'wechat']);
    expect(sqlite.prepare("SELECT count(*) AS n FROM payments WHERE method <> 'cash' AND reference = ''").get()).toEqual({ n: 0 });
    const call = caller(env.backend, env.sessions.finance);
    const list = await call('ledger.arrears', {});
    expect(list.buckets.map((b) => [b.bucket, b.count > 0])).toEqual([
      ['d0_30', true],
      ['d31_60', true],
      ['over_60', true],
    ]);
    // Most bills are paid: arrears are a handful of families.
    expect(list.total.households).toBeGreaterThanOrEqual(5);
    expect(list.total.households).toBeLessThan(15);
    const voids = sqlite.prepare('SELECT reason FROM payment_voids').all();
    expect(voids).toEqual([{ reason: '金额登记错误（多录 100 元），已按实收金额重新登记' }]);
    const credit = sqlite.prepare('SELECT household_id, sum(amount_fen) AS s FROM ledger_entries GROUP BY household_id HAVING s < 0').all();
    expect(credit).toHaveLength(1);
    const partly = sqlite
      .prepare('SELECT b.id FROM bills b JOIN payment_allocations a ON a.bill_id = b.id GROUP BY b.id HAVING sum(a.amount_fen) < b.total_due_fen')
      .all();
    expect(partly.length).toBeGreaterThanOrEqual(1);
    expect((await call('ledger.check', {})).problems).toEqual([]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM payments WHERE paid_on >= '2026-12-01'").get()).toEqual({ n: 0 });
  });
});
