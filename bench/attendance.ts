/**
 * Attendance at scale: 10 school years × 1,000 children (≈ 2.5 million rows)
 * in a real SQLite file, then the month summary for all children — the query
 * billing runs for every refund — timed. Target: under 50 ms.
 *
 *   npx tsx bench/attendance.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledLegalCalendar } from '../core/calendar';
import { datesBetween } from '../core/attendance';
import { openDatabase } from '../db/open';
import { seededRandom } from '../db/demo/random';
import { monthSummaries } from '../electron/services/attendance-summary';
import { defaultMigrationsFolder } from '../electron/backend';

const CHILDREN = 1000;
const FIRST = '2017-01-01';
const LAST = '2026-12-31';
const STATUSES = ['sick', 'personal', 'other'] as const;

const dir = mkdtempSync(join(tmpdir(), 'kd-bench-att-'));
const path = join(dir, 'bench.sqlite');
const opened = openDatabase(path, { migrationsFolder: defaultMigrationsFolder() });
const { sqlite } = opened;
const calendar = bundledLegalCalendar();
const rng = seededRandom(42);

const t0 = performance.now();
sqlite.transaction(() => {
  sqlite.prepare(`INSERT INTO households (id, address) VALUES (1, '')`).run();
  const insertClass = sqlite.prepare(`INSERT INTO classes (id, name, level) VALUES (?, ?, 'middle')`);
  for (let c = 1; c <= 40; c++) insertClass.run(c, `班级${c}`);
  const insertChild = sqlite.prepare(
    `INSERT INTO children (id, household_id, name, gender, birth_date, class_id, enrolled_on) VALUES (?, 1, ?, 'M', '2014-01-01', ?, ?)`,
  );
  for (let i = 1; i <= CHILDREN; i++) insertChild.run(i, `幼儿${i}`, ((i - 1) % 40) + 1, FIRST);
})();
const working = datesBetween(FIRST, LAST).filter((d) => calendar.isWorkingDay(d));
const insert = sqlite.prepare('INSERT INTO attendance (child_id, date, status, recorded_at) VALUES (?, ?, ?, ?)');
let rows = 0;
for (let y = 0; y < working.length; y += 250) {
  sqlite.transaction(() => {
    for (const date of working.slice(y, y + 250)) {
      for (let child = 1; child <= CHILDREN; child++) {
        insert.run(child, date, rng.chance(0.08) ? rng.pick(STATUSES) : 'present', `${date}T01:30:00.000Z`);
        rows++;
      }
    }
  })();
}
sqlite.exec('ANALYZE');
const loadSeconds = (performance.now() - t0) / 1000;
console.log(`loaded ${rows.toLocaleString()} attendance rows for ${CHILDREN} children (${working.length} working days) in ${loadSeconds.toFixed(1)} s; file ${(statSync(path).size / 1e6).toFixed(0)} MB`);

const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT child_id, status FROM attendance WHERE date >= ? AND date <= ?`).all('2026-10-01', '2026-10-31') as { detail: string }[];
console.log(`query plan: ${plan.map((p) => p.detail).join('; ')}`);

function time(month: string, runs = 20) {
  const times: number[] = [];
  let result: ReturnType<typeof monthSummaries> = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = monthSummaries(opened.db, calendar, month);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const sample = result[0];
  console.log(
    `month summary ${month}, all ${result.length} children: median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms, worst ${times[runs - 1]!.toFixed(1)} ms` +
      ` (first child: d=${sample?.present}, sick=${sample?.sick}, W=${sample?.W}) — target < 50 ms`,
  );
}
time('2026-10');
time('2021-03');
time('2017-09');
opened.close();
rmSync(dir, { recursive: true, force: true });
