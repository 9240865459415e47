// One of two processes working on the same database file at once (see
// numbering.test.ts), as the app and the `kd` tools may: signs in as finance
// and replaces the bills it is given, one transaction each, then prints what
// happened as JSON. The one-app-per-file lock is off: two writers is the point.
// A process of its own, so it opens its own backend, on the test's file.
import { freshBackend } from '../../backend';

const [dbPath, ids] = process.argv.slice(2) as [string, string];
const env = freshBackend({ dbPath, automaticBackups: false, instanceLock: false, at: '2026-12-01T01:00:00Z' });
const session = await env.signIn('caiwu');
// Both workers start replacing only when the test says go (both are signed in by then).
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const started = Date.now();
const results: Array<{ ok: boolean; number?: string; error?: string }> = [];
for (const billId of ids.split(',').map(Number)) {
  const r = await env.call('bills.replace', { billId, reason: 'standard', note: '伙食费标准更正', idempotencyKey: `worker-${process.pid}-${billId}` }, session);
  results.push(r.ok ? { ok: true, number: r.value.number } : { ok: false, error: r.error.message });
}
env.close();
process.stdout.write(JSON.stringify({ started, finished: Date.now(), results }));
process.exit(0);
