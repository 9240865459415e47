// One of two backends on the same database file, recording payments as fast
// as it can while the other does the same (receipt-numbers.test.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { caller, key, openMoneyBackend, sessionOf } from './fixtures';

const { dbPath, householdId, count, start } = workerData as { dbPath: string; householdId: number; count: number; start: Int32Array };
// Two writers on one file, as the app and the command-line tools are: without the one-app lock.
const backend = openMoneyBackend(dbPath, { instanceLock: false });
const call = caller(backend, sessionOf(backend, 'qiantai'));
// Ready: wait for the starting signal, so that both workers record at the same time.
parentPort!.postMessage('ready');
Atomics.wait(start, 0, 0);
const receipts: string[] = [];
const errors: string[] = [];
for (let i = 0; i < count; i++) {
  try {
    receipts.push((await call('payments.record', { idempotencyKey: key(), householdId, amount: `${i + 1}.00`, method: 'cash', paidOn: '2026-12-01' })).receiptNo);
  } catch (e) {
    errors.push(String((e as Error).message));
  }
}
backend.close();
parentPort!.postMessage({ receipts, errors });
