// One of two backends on the same database file, recording payments as fast
// as it can while the other does the same (receipt-numbers.test.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { caller, key, openMoneyBackend, sessionOf } from './fixtures';

const { dbPath, householdId, count, start, progress, me } = workerData as {
  dbPath: string;
  householdId: number;
  count: number;
  start: Int32Array;
  progress: Int32Array;
  me: 0 | 1;
};
const other = 1 - me;
// Two writers on one file at once: neither is the app's single instance.
const backend = openMoneyBackend(dbPath, { instanceLock: false });
const call = caller(backend, sessionOf(backend, 'qiantai'));
// Ready: wait for the starting signal, so that both workers record at the same time.
parentPort!.postMessage('ready');
Atomics.wait(start, 0, 0);
const receipts: string[] = [];
const errors: string[] = [];
for (let i = 0; i < count; i++) {
  // Half-way, wait until the other writer has recorded at least once, so the two
  // really overlap however the machine schedules the threads.
  if (i === count / 2) Atomics.wait(progress, other, 0);
  try {
    receipts.push((await call('payments.record', { idempotencyKey: key(), householdId, amount: `${i + 1}.00`, method: 'cash', paidOn: '2026-12-01' })).receiptNo);
  } catch (e) {
    errors.push(String((e as Error).message));
  }
  Atomics.add(progress, me, 1);
  Atomics.notify(progress, me);
}
backend.close();
parentPort!.postMessage({ receipts, errors });
