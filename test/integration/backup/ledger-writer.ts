/**
 * A child process for the fault and live-backup tests: through the app's own
 * opener (same pragmas: WAL, synchronous NORMAL) it commits ledger batches as
 * fast as it can. Each transaction inserts ROWS rows that sum to zero plus
 * one row in fault_batches, and only after COMMIT prints "committed <batch>".
 * Usage: node --import tsx ledger-writer.ts <db> <rows per batch> [pause ms]
 */
import { join } from 'node:path';
import { openDatabase } from '../../../db/open';

const [dbPath, rowsArg, pauseArg] = process.argv.slice(2);
if (!dbPath || !rowsArg) throw new Error('usage: ledger-writer.ts <db> <rows> [pause ms]');
const rows = Number(rowsArg);
const pause = Number(pauseArg ?? 0);

const { sqlite } = openDatabase(dbPath, { migrationsFolder: join(import.meta.dirname, '..', '..', '..', 'db', 'migrations') });
createLedger(sqlite);

const insertRow = sqlite.prepare('INSERT INTO fault_ledger (batch, seq, amount_fen) VALUES (?, ?, ?)');
const insertBatch = sqlite.prepare('INSERT INTO fault_batches (batch, rows) VALUES (?, ?)');
const commitBatch = sqlite.transaction((batch: number) => {
  let sum = 0;
  for (let seq = 1; seq < rows; seq++) {
    const amount = ((batch * 7919 + seq * 104729) % 100000) + 1;
    sum += amount;
    insertRow.run(batch, seq, amount);
  }
  insertRow.run(batch, rows, -sum);
  insertBatch.run(batch, rows);
});

let batch = (sqlite.prepare('SELECT coalesce(max(batch), 0) AS n FROM fault_batches').get() as { n: number }).n;
const nap = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  commitBatch(++batch);
  process.stdout.write(`committed ${batch}\n`);
  if (pause > 0) Atomics.wait(nap, 0, 0, pause);
}

function createLedger(db: typeof sqlite) {
  db.exec(`CREATE TABLE IF NOT EXISTS fault_ledger (batch INTEGER NOT NULL, seq INTEGER NOT NULL, amount_fen INTEGER NOT NULL, PRIMARY KEY (batch, seq));
           CREATE TABLE IF NOT EXISTS fault_batches (batch INTEGER PRIMARY KEY, rows INTEGER NOT NULL);`);
}
