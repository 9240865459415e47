/**
 * Attendance at scale: 10 school years × 1,000 children (≈ 2.5 million rows)
 * in a real SQLite file, then the month summary for all children — the query
 * billing runs for every refund — timed beside the bare SQL query that reads
 * the same rows. Target: under 50 ms.
 *
 *   npx tsx bench/attendance.ts
 */
import { firstDayOf, lastDayOf } from '../core/calendar/dates';
import { monthSummaries } from '../electron/services/attendance-summary';
import { buildAttendanceDatabase, CHILDREN } from './lib/attendance-db';
import { compare } from './lib/floor';

const built = buildAttendanceDatabase();
const { opened, calendar } = built;
const { sqlite } = opened;
console.log(`loaded ${built.rows.toLocaleString()} attendance rows for ${CHILDREN} children (${built.workingDays} working days) in ${built.loadSeconds.toFixed(1)} s; file ${built.fileMb().toFixed(0)} MB`);

const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT child_id, status FROM attendance WHERE date >= ? AND date <= ?`).all('2026-10-01', '2026-10-31') as { detail: string }[];
console.log(`query plan: ${plan.map((p) => p.detail).join('; ')}`);

const scan = sqlite.prepare('SELECT child_id, status FROM attendance WHERE date >= ? AND date <= ?').raw();

async function time(month: string) {
  let result: ReturnType<typeof monthSummaries> = [];
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  await compare(
    `month summary ${month}, all children`,
    () => {
      result = monthSummaries(opened.db, calendar, month);
    },
    'bare SQL over the same rows',
    () => scan.all(first, last),
    20,
  );
  const sample = result[0];
  console.log(`  ${result.length} children; first child: d=${sample?.present}, sick=${sample?.sick}, W=${sample?.W} (target < 50 ms)`);
}
await time('2026-10');
await time('2021-03');
await time('2017-09');
built.dispose();
