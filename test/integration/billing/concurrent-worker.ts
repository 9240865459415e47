// One of two processes working on the same database file at once (see
// numbering.test.ts), as the app and the `kd` tools may: signs in as finance
// and replaces the bills it is given, one transaction each, then prints what
// happened as JSON. The one-app-per-file lock is off: two writers is the point.
// A process of its own, so it opens its own backend, on the test's file.
import { freshBackend } from '../../backend';

const [dbPath, ids] = process.argv.slice(2) as [string, string];
const env = freshBackend({ dbPath, automaticBackups: false, instanceLock: false, at: '2026-12-01T01:00:00Z' });
const session = await env.signIn('caiwu');
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
  const r = await env.call('bills.replace', { billId, reason: 'standard', note: '伙食费标准更正', idempotencyKey: `worker-${process.pid}-${billId}` }, session);
  results.push(r.ok ? { ok: true, number: r.value.number } : { ok: false, error: r.error.message });
  process.stdout.write('one\n');
}
env.close();
process.stdout.write(`result ${JSON.stringify({ started, finished: Date.now(), results })}\n`);
process.exit(0);
