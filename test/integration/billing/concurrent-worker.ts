// One of two processes working on the same database file at once (see
// numbering.test.ts), as the app and the `kd` tools may: signs in as finance
// and replaces the bills it is given, one transaction each, then prints what
// happened as JSON. The one-app-per-file lock is off: two writers is the point.
import { createBackend } from '../../../electron/backend';

const [dbPath, ids] = process.argv.slice(2) as [string, string];
const backend = createBackend({ dbPath, log: () => {}, automaticBackups: false, instanceLock: false, now: () => new Date('2026-12-01T01:00:00Z') });
const login = await backend.dispatcher.call({ name: 'auth.login', input: { username: 'caiwu', password: 'demo1234' } });
if (!login.ok) throw new Error(login.error.message);
const session = (login.value as { session: string }).session;
// Both workers start replacing only when the test says go (both are signed in by then),
// and half-way each waits until the test says the other has replaced at least one:
// so the two really overlap however the machine schedules the processes.
const lines = (async function* () {
  let buffered = '';
  for await (const chunk of process.stdin) {
    buffered += chunk;
    let at = buffered.indexOf('\n');
    while (at >= 0) {
      yield buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      at = buffered.indexOf('\n');
    }
  }
})();
const waitFor = async (word: string) => {
  for (let line = await lines.next(); !line.done; line = await lines.next()) if (line.value === word) return;
};
process.stdout.write('ready\n');
await waitFor('go');
const started = Date.now();
const results: Array<{ ok: boolean; number?: string; error?: string }> = [];
const billIds = ids.split(',').map(Number);
for (const [i, billId] of billIds.entries()) {
  if (i === Math.floor(billIds.length / 2)) {
    process.stdout.write('half\n');
    await waitFor('on');
  }
  const r = await backend.dispatcher.call({
    name: 'bills.replace',
    input: { billId, reason: 'standard', note: '伙食费标准更正', idempotencyKey: `worker-${process.pid}-${billId}` },
    session,
  });
  results.push(r.ok ? { ok: true, number: (r.value as { number: string }).number } : { ok: false, error: r.error.message });
  process.stdout.write('one\n');
}
backend.close();
process.stdout.write(`result ${JSON.stringify({ started, finished: Date.now(), results })}\n`);
process.exit(0);
