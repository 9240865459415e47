// The benchmarks' big database: 10 school years × 1,000 children in 40
// classes (≈ 2.5 million attendance rows) in a real SQLite file. Shared by
// bench/attendance.ts and bench/home.ts so both measure the same data.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledLegalCalendar } from '../../core/calendar';
import { datesBetween } from '../../core/calendar/dates';
import { seededRandom } from '../../db/demo/random';
import { openDatabase } from '../../db/open';
import { defaultMigrationsFolder } from '../../electron/backend';

export const CHILDREN = 1000;
export const CLASSES = 40;
export const FIRST = '2017-01-01';
export const LAST = '2026-12-31';
const STATUSES = ['sick', 'personal', 'other'] as const;

export function buildAttendanceDatabase() {
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
    for (let c = 1; c <= CLASSES; c++) insertClass.run(c, `班级${c}`);
    const insertChild = sqlite.prepare(
      `INSERT INTO children (id, household_id, name, gender, birth_date, class_id, enrolled_on) VALUES (?, 1, ?, 'M', '2014-01-01', ?, ?)`,
    );
    for (let i = 1; i <= CHILDREN; i++) insertChild.run(i, `幼儿${i}`, ((i - 1) % CLASSES) + 1, FIRST);
  })();
  // Year by year: the app lists at most three years of days at once (MAX_LISTED_DAYS), and ten are built here.
  const years = Array.from({ length: Number(LAST.slice(0, 4)) - Number(FIRST.slice(0, 4)) + 1 }, (_, i) => Number(FIRST.slice(0, 4)) + i);
  const working = years
    .flatMap((y) => datesBetween(y === Number(FIRST.slice(0, 4)) ? FIRST : `${y}-01-01`, y === Number(LAST.slice(0, 4)) ? LAST : `${y}-12-31`))
    .filter((d) => calendar.isWorkingDay(d));
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
  return {
    opened,
    calendar,
    rows,
    workingDays: working.length,
    loadSeconds,
    fileMb: () => statSync(path).size / 1e6,
    dispose() {
      if (opened.sqlite.open) opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Median and worst of `runs` timings of `f`, in ms, with its last result. */
export function timed<T>(f: () => T, runs = 20): { median: number; worst: number; result: T } {
  const times: number[] = [];
  let result = f();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, worst: times[runs - 1]!, result };
}
