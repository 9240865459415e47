import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type Database from 'better-sqlite3';

/** A running ledger-writer.ts child and the newest batch it has reported as committed. */
export interface Writer {
  child: ChildProcess;
  committed(): number;
  /** Resolves once the child has reported at least `batch`. */
  reached(batch: number): Promise<void>;
  exited: Promise<NodeJS.Signals | number | null>;
}

export function startWriter(dbPath: string, rows: number, pauseMs = 0): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', `${import.meta.dirname}/ledger-writer.ts`, dbPath, String(rows), String(pauseMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let committed = 0;
  let stderr = '';
  const waiters: { batch: number; resolve(): void }[] = [];
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const m = /^committed (\d+)$/.exec(line);
    if (!m) return;
    committed = Number(m[1]);
    for (const w of waiters.splice(0)) {
      if (committed >= w.batch) w.resolve();
      else waiters.push(w);
    }
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return {
    child,
    committed: () => committed,
    reached: (batch) =>
      new Promise<void>((resolve, reject) => {
        if (committed >= batch) return resolve();
        waiters.push({ batch, resolve });
        void exited.then(() => reject(new Error(`writer exited before batch ${batch}: ${stderr}`)));
      }),
    exited,
  };
}

/** What a database file holds of the ledger, and whether every batch is whole and balanced. */
export function ledgerState(sqlite: Database.Database, rows: number) {
  const batches = sqlite.prepare('SELECT count(*) AS n, coalesce(max(batch), 0) AS max FROM fault_batches').get() as { n: number; max: number };
  const ledger = sqlite.prepare('SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS total, count(DISTINCT batch) AS batches FROM fault_ledger').get() as {
    n: number;
    total: number;
    batches: number;
  };
  const broken = sqlite
    .prepare('SELECT batch, count(*) AS n, sum(amount_fen) AS total FROM fault_ledger GROUP BY batch HAVING n <> ? OR total <> 0 LIMIT 5')
    .all(rows);
  const orphans = sqlite
    .prepare('SELECT count(*) AS n FROM fault_batches b WHERE NOT EXISTS (SELECT 1 FROM fault_ledger l WHERE l.batch = b.batch)')
    .get() as { n: number };
  return { batches: batches.n, maxBatch: batches.max, rows: ledger.n, total: ledger.total, ledgerBatches: ledger.batches, broken, orphans: orphans.n };
}
