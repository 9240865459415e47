// One of two processes working on the same database file at once (see
// numbering.test.ts): signs in as finance and replaces the bills it is given,
// one transaction each, then prints what happened as JSON.
import { createBackend } from '../../../electron/backend';

const [dbPath, ids] = process.argv.slice(2) as [string, string];
// Two writers on one file, as the app and the command-line tools are: without the one-app lock.
const backend = createBackend({ dbPath, log: () => {}, automaticBackups: false, instanceLock: false, now: () => new Date('2026-12-01T01:00:00Z') });
const login = await backend.dispatcher.call({ name: 'auth.login', input: { username: 'caiwu', password: 'demo1234' } });
if (!login.ok) throw new Error(login.error.message);
const session = (login.value as { session: string }).session;
// Both workers start replacing only when the test says go (both are signed in by then).
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const started = Date.now();
const results: Array<{ ok: boolean; number?: string; error?: string }> = [];
for (const billId of ids.split(',').map(Number)) {
  const r = await backend.dispatcher.call({
    name: 'bills.replace',
    input: { billId, reason: 'standard', note: '伙食费标准更正', idempotencyKey: `worker-${process.pid}-${billId}` },
    session,
  });
  results.push(r.ok ? { ok: true, number: (r.value as { number: string }).number } : { ok: false, error: r.error.message });
}
backend.close();
process.stdout.write(JSON.stringify({ started, finished: Date.now(), results }));
process.exit(0);
