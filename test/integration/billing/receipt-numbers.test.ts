import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFen, parseFen } from '../../../core/money';
import type { Backend } from '../../../electron/backend';
import { caller, demoHouseholds, key, moneyBackend, openMoneyBackend, refusal, sessionOf } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

const numbers = (b: Backend) => (b.database().sqlite.prepare('SELECT receipt_no AS n FROM payments ORDER BY id').all() as { n: string }[]).map((r) => r.n);
const series = (year: number, n: number) => Array.from({ length: n }, (_, i) => `SK${year}-${String(i + 1).padStart(5, '0')}`);

describe('receipt numbers: gap-free per year, never repeated', () => {
  it('consume no number when a payment is refused at validation or fails half-way through being written', async () => {
    const env = await moneyBackend();
    backend = env.backend;
    const call = caller(env.backend, env.sessions.desk);
    const { single } = demoHouseholds(env.backend);
    const bill = (await call('payments.household', { householdId: single.id })).openBills[0]!;
    const pay = (amount: string, extra = {}) => call('payments.record', { idempotencyKey: key(), householdId: single.id, amount, method: 'cash', paidOn: '2026-12-01', ...extra });

    await pay('100.00');
    // Refused by the handler after the input was read (more than the bill needs).
    await refusal(pay('5000.00', { allocations: [{ billId: bill.id, amount: formatFen(parseFen(bill.outstanding) + 1) }] }));
    // Fails after the number was taken and the payment row written: the disk "fills up" at the allocation.
    env.backend.database().sqlite.exec(`CREATE TEMP TRIGGER fail_allocation BEFORE INSERT ON payment_allocations
      WHEN NEW.amount_fen = 12345 BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`);
    const failed = await refusal(pay('123.45', { allocations: [{ billId: bill.id, amount: '123.45' }] }));
    expect(failed.code).toBe('internal');
    expect(failed.message).toContain('数据未作更改');
    await pay('50.00', { allocations: [{ billId: bill.id, amount: '50.00' }] });

    expect(numbers(env.backend)).toEqual(series(2026, 2));
    const sqlite = env.backend.database().sqlite;
    expect(sqlite.prepare("SELECT value FROM counters WHERE name = 'receipt:2026'").get()).toEqual({ value: 2 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM ledger_entries WHERE payment_id IS NOT NULL').get()).toEqual({ n: 2 });
  });

  it('number each year from 1, by the year of the payment date', async () => {
    const env = await moneyBackend();
    backend = env.backend;
    const call = caller(env.backend, env.sessions.desk);
    const { single } = demoHouseholds(env.backend);
    const pay = (paidOn: string) => call('payments.record', { idempotencyKey: key(), householdId: single.id, amount: '1', method: 'cash', paidOn });
    expect((await pay('2026-12-01')).receiptNo).toBe('SK2026-00001');
    expect((await pay('2025-12-31')).receiptNo).toBe('SK2025-00001');
    expect((await pay('2026-11-30')).receiptNo).toBe('SK2026-00002');
  });

  it('stay gap-free when two backends on one file record payments at the same time', async () => {
    const env = await moneyBackend();
    const { single, siblings } = demoHouseholds(env.backend);
    env.backend.close();
    const PER_WORKER = 60;
    const start = new Int32Array(new SharedArrayBuffer(4));
    const progress = new Int32Array(new SharedArrayBuffer(8));
    let ready = 0;
    const run = (householdId: number, me: 0 | 1) =>
      new Promise<{ receipts: string[]; errors: string[] }>((resolve, reject) => {
        // A worker thread with its own connection; tsx lets it load the TypeScript backend.
        const worker = new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./pay-worker.ts', import.meta.url).href)}); })`,
          { eval: true, workerData: { dbPath: env.dbPath, householdId, count: PER_WORKER, start, progress, me } },
        );
        worker.on('message', (message) => {
          if (message !== 'ready') return resolve(message);
          // Both connections open: let them go together.
          if (++ready === 2) {
            Atomics.store(start, 0, 1);
            Atomics.notify(start, 0);
          }
        });
        worker.once('error', reject);
      });
    const [a, b] = await Promise.all([run(single.id, 0), run(siblings.id, 1)]);
    expect([...a.errors, ...b.errors]).toEqual([]);
    backend = openMoneyBackend(env.dbPath);
    const all = numbers(backend);
    expect([...all].sort()).toEqual(series(2026, 2 * PER_WORKER));
    expect([...a.receipts, ...b.receipts].sort()).toEqual(series(2026, 2 * PER_WORKER));
    // Both really ran at once (each waits half-way for the other): their numbers interleave.
    const firstB = all.findIndex((n) => b.receipts.includes(n));
    expect(all.slice(firstB).some((n) => a.receipts.includes(n))).toBe(true);
    const check = await caller(backend, sessionOf(backend, 'caiwu'))('ledger.check', {});
    expect(check.problems).toEqual([]);
  });
});
