/**
 * Attendance at scale: 10 school years × 1,000 children (≈ 2.5 million rows)
 * in a real SQLite file, then the month summary for all children — the query
 * billing runs for every refund — timed. Target: under 50 ms.
 *
 *   npx tsx bench/attendance.ts
 */
import { monthSummaries } from '../electron/services/attendance-summary';
import { buildAttendanceDatabase, CHILDREN } from './lib/attendance-db';

const built = buildAttendanceDatabase();
const { opened, calendar } = built;
const { sqlite } = opened;
console.log(`loaded ${built.rows.toLocaleString()} attendance rows for ${CHILDREN} children (${built.workingDays} working days) in ${built.loadSeconds.toFixed(1)} s; file ${built.fileMb().toFixed(0)} MB`);

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
built.dispose();
