import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, freshBackend } from '../../backend';
import { type BillingDemo, billingDemo, billNumbersGapFree, key, ledgerAgreesWithBills, MONEY_TABLES } from './helpers';

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const TSX = join(import.meta.dirname, '../../../node_modules/.bin/tsx');

interface WorkerRun {
  started: number;
  finished: number;
  results: Array<{ ok: boolean; number?: string; error?: string }>;
}

/**
 * Starts a worker process; resolves `ready` once it is signed in, `done` with
 * what it did after `go()`. It reports each replacement ("one") and, half-way,
 * "half", then waits for `goOn()`.
 */
function startWorker(dbPath: string, billIds: number[]) {
  const child = spawn(TSX, [join(import.meta.dirname, 'concurrent-worker.ts'), dbPath, billIds.join(',')]);
  let out = '';
  let err = '';
  let result: WorkerRun | undefined;
  const worker = {
    replaced: 0,
    onLine: (_line: string) => {},
    ready: undefined as unknown as Promise<void>,
    done: undefined as unknown as Promise<WorkerRun>,
    go: () => child.stdin.write('go\n'),
    goOn: () => child.stdin.write('on\n'),
  };
  let onReady: () => void = () => {};
  worker.ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout.on('data', (d) => {
    out += d;
    let at = out.indexOf('\n');
    while (at >= 0) {
      const line = out.slice(0, at);
      out = out.slice(at + 1);
      if (line === 'ready') onReady();
      else if (line === 'one') worker.replaced++;
      else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length));
      worker.onLine(line);
      at = out.indexOf('\n');
    }
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  worker.done = new Promise<WorkerRun>((resolve, reject) =>
    child.on('close', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`worker exited ${code}: ${err}`)))),
  );
  return worker;
}

/** Lets each worker go on from half-way once the other has replaced at least one bill. */
function overlap(workers: ReturnType<typeof startWorker>[]) {
  const waiting = new Set<ReturnType<typeof startWorker>>();
  const settle = () => {
    for (const w of waiting) {
      if (workers.some((other) => other !== w && other.replaced > 0)) {
        waiting.delete(w);
        w.goOn();
      }
    }
  };
  for (const w of workers) {
    w.onLine = (line) => {
      if (line === 'half') waiting.add(w);
      settle();
    };
  }
}

describe('bill numbers: no gap and no repeat', () => {
  it('a run failing half-way leaves no trace and consumes no number; fixed, it numbers on without a gap', async () => {
    demo = await billingDemo();
    const before = dumpTables(demo.backend, MONEY_TABLES);
    const { sqlite } = demo.backend.database();
    // A child near the end of the run whose household no longer exists: its bill insert fails on the foreign key.
    const victim = demo.one("SELECT id, household_id FROM children WHERE status = 'enrolled' AND billing_mode = 'monthly' ORDER BY class_id DESC, id DESC LIMIT 1");
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare('UPDATE children SET household_id = 99999 WHERE id = ?').run(victim.id);
    sqlite.pragma('foreign_keys = ON');
    const failed = await demo.call('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: key() });
    expect(failed.ok).toBe(false);
    expect(failed.error.message).toContain('数据未作更改');
    expect(dumpTables(demo.backend, MONEY_TABLES)).toEqual(before);

    sqlite.prepare('UPDATE children SET household_id = ? WHERE id = ?').run(victim.household_id, victim.id);
    const issued = await demo.ok('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: key() });
    const numbering = billNumbersGapFree(demo);
    expect(numbering).toMatchObject({ gapFree: true, counter: numbering.count });
    expect(issued.first).toBe(`JF2026-${String(numbering.count - issued.count + 1).padStart(5, '0')}`);
  });

  it('a replacement refused half-way (nothing to change) consumes no number', async () => {
    demo = await billingDemo();
    const bill = demo.one("SELECT id FROM bills WHERE period_first = '2026-11' LIMIT 1");
    const refused = await demo.call('bills.replace', { billId: bill.id, reason: 'standard', idempotencyKey: key() });
    expect(refused.ok).toBe(false);
    expect(billNumbersGapFree(demo)).toMatchObject({ gapFree: true, counter: billNumbersGapFree(demo).count });
  });

  it('two backends on one file numbering at the same time: every operation lands, numbers stay consecutive', async () => {
    demo = await billingDemo();
    // A corrected November meal rate, so every November bill has a replacement to issue.
    await demo.ok('standards.save', { item: 'meal', amount: '14.50', unit: 'day', appliesFrom: '2026-11-01', idempotencyKey: key() });
    const ids = demo.sql<{ id: number }>("SELECT id FROM bills WHERE period_first = '2026-11' ORDER BY id LIMIT 60").map((r) => r.id);
    demo.backend.close();
    const workers = [startWorker(demo.dbPath, ids.filter((_, i) => i % 2 === 0)), startWorker(demo.dbPath, ids.filter((_, i) => i % 2 === 1))];
    overlap(workers);
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    demo = await reopen(demo);
    // They did run at the same time (each waited half-way for the other).
    expect(a!.started < b!.finished && b!.started < a!.finished).toBe(true);
    const results = [...a!.results, ...b!.results];
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const numbers = results.map((r) => r.number!);
    expect(new Set(numbers).size).toBe(60);
    const numbering = billNumbersGapFree(demo);
    expect(numbering).toMatchObject({ gapFree: true, counter: numbering.count });
    expect(ledgerAgreesWithBills(demo)).toEqual([]);
  }, 60_000);
});

/** The same file opened again by a new backend (the workers wrote to it). */
async function reopen(old: BillingDemo): Promise<BillingDemo> {
  const { backend } = freshBackend({ dbPath: old.dbPath, automaticBackups: false });
  return { ...old, backend, sql: (q, ...p) => backend.database().sqlite.prepare(q).all(...p) as never[], one: (q, ...p) => backend.database().sqlite.prepare(q).get(...p) as never };
}
