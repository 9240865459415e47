/**
 * Month-end settlement at scale: 1,000 children with a month of attendance
 * and their bills (issued by the app's bill run), in a real SQLite file.
 * Times the preview (everything read and planned, nothing written) and the
 * booking (one transaction), beside their floor measured in the same run:
 * better-sqlite3 alone reading the same attendance rows and writing the same
 * number of ledger rows in one transaction. Target: at most 3x the floor.
 *
 *   npx tsx bench/settlement.ts
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstDayOf, lastDayOf } from '../core/calendar/dates';
import { openDatabase, type OpenedDatabase } from '../db/open';
import type { Actor } from '../electron/api/define';
import { writeAudit } from '../electron/api/dispatch';
import type { SettlementContext } from '../electron/api/settlement/context';
import { bookMonth, previewMonth } from '../electron/api/settlement/month';
import { createLargeKindergarten, MIGRATIONS } from '../test/integration/settlement/large';

const CHILDREN = 1000;
const MONTH = '2026-10';
const ROUNDS = 9;

const dir = mkdtempSync(join(tmpdir(), 'kd-bench-settle-'));
const template = join(dir, 'template.sqlite');
const t0 = performance.now();
const made = createLargeKindergarten(template, CHILDREN, MONTH);
made.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const attendanceRows = made.sqlite.prepare('SELECT count(*) FROM attendance WHERE date >= ? AND date <= ?').pluck().get(firstDayOf(MONTH), lastDayOf(MONTH)) as number;
made.close();
console.log(`${CHILDREN} children, ${attendanceRows.toLocaleString()} attendance rows in ${MONTH}, bills issued: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

function context(opened: OpenedDatabase): SettlementContext {
  const actor = opened.sqlite.prepare(`SELECT id AS staffId, username, display_name AS displayName, role, class_id AS classId FROM staff WHERE username = 'caiwu'`).get() as Actor;
  const now = () => new Date('2026-12-01T02:00:00Z');
  const ctx: SettlementContext = { db: opened.db, sqlite: opened.sqlite, actor, now, today: () => '2026-12-01', audit: (e) => writeAudit(ctx, e) };
  return ctx;
}

function fresh(i: number): OpenedDatabase {
  const path = join(dir, `round-${i}.sqlite`);
  copyFileSync(template, path);
  return openDatabase(path, { migrationsFolder: MIGRATIONS });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// The best round is the least disturbed by other work on the machine; both are printed.
const best = (xs: number[]) => Math.min(...xs);
const preview: number[] = [];
const booking: number[] = [];
const floor: number[] = [];
let ledgerRows = 0;
let settledChildren = 0;

for (let i = 0; i < ROUNDS; i++) {
  // Preview and booking on a fresh copy each round (a month is booked once).
  const opened = fresh(i);
  const ctx = context(opened);
  let start = performance.now();
  const view = previewMonth(ctx, MONTH);
  preview.push(performance.now() - start);
  start = performance.now();
  opened.sqlite.transaction(() => bookMonth(ctx, MONTH, 'cli')).immediate();
  booking.push(performance.now() - start);
  settledChildren = view.children.length;
  ledgerRows = opened.sqlite.prepare(`SELECT count(*) FROM ledger_entries WHERE kind = 'refund'`).pluck().get() as number;
  opened.close();

  // The floor on another fresh copy: the same attendance rows read, the same number of ledger rows written, one transaction.
  const bare = fresh(ROUNDS + i);
  const read = bare.sqlite.prepare('SELECT child_id, status FROM attendance WHERE date >= ? AND date <= ?').raw();
  const insert = bare.sqlite.prepare(
    `INSERT INTO ledger_entries (household_id, child_id, kind, amount_fen, entry_date, item, period_month, clause, description) VALUES (?, ?, 'refund', ?, '2026-12-01', 'meal', ?, 'NT-3.4', ?)`,
  );
  start = performance.now();
  bare.sqlite
    .transaction(() => {
      const present = new Map<number, number>();
      for (const [child, status] of read.iterate(firstDayOf(MONTH), lastDayOf(MONTH)) as IterableIterator<[number, string]>) {
        if (status === 'present') present.set(child, (present.get(child) ?? 0) + 1);
      }
      for (let r = 0; r < ledgerRows; r++) {
        const child = (r % CHILDREN) + 1;
        insert.run(child, child, -(present.get(child) ?? 1), MONTH, '本月在园若干天，伙食费按实际在园天数结算。');
      }
    })
    .immediate();
  floor.push(performance.now() - start);
  bare.close();
}
rmSync(dir, { recursive: true, force: true });

for (const [label, pick] of [['best', best], ['median', median]] as const) {
  const f = pick(floor);
  const p = pick(preview);
  const b = pick(booking);
  console.log(`${label} of ${ROUNDS} rounds: ${settledChildren} children settled, ${ledgerRows} refund entries`);
  console.log(`  floor (read ${attendanceRows.toLocaleString()} attendance rows + write ${ledgerRows} ledger rows, one transaction): ${f.toFixed(1)} ms`);
  console.log(`  preview: ${p.toFixed(1)} ms = ${(p / f).toFixed(2)}x floor (target ≤ 3x)`);
  console.log(`  booking: ${b.toFixed(1)} ms = ${(b / f).toFixed(2)}x floor (target ≤ 3x)`);
}
