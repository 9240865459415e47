// A kindergarten of 1,000 (or n) children with a month of attendance and the
// month's bills, in a real SQLite file through the app's opener: for the
// crash test and the settlement benchmark.
import { join } from 'node:path';
import { datesBetween, firstDayOf, lastDayOf } from '../../../core/attendance';
import { bundledLegalCalendar } from '../../../core/calendar';
import { seededRandom } from '../../../db/demo/random';
import { openDatabase, type OpenedDatabase } from '../../../db/open';
import { issueMonth } from './fixtures';

export const MIGRATIONS = join(import.meta.dirname, '..', '..', '..', 'db', 'migrations');

export function createLargeKindergarten(path: string, children: number, month: string): OpenedDatabase {
  const opened = openDatabase(path, { migrationsFolder: MIGRATIONS });
  const { sqlite } = opened;
  const calendar = bundledLegalCalendar();
  const rng = seededRandom(20261031);
  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO kindergarten (id, name, type, funding_type, grade, policy_id) VALUES (1, '大型测试园', 'public', 'balance', 'municipal', 'nantong-2018')`).run();
    sqlite.prepare(`INSERT INTO staff (username, display_name, role, password_hash) VALUES ('caiwu', '财务', 'finance', 'x')`).run();
    const insertClass = sqlite.prepare(`INSERT INTO classes (id, name, level) VALUES (?, ?, ?)`);
    for (let c = 1; c <= 40; c++) insertClass.run(c, `班级${c}`, c <= 5 ? 'toddler' : 'middle');
    const insertHousehold = sqlite.prepare(`INSERT INTO households (id, address) VALUES (?, '')`);
    const insertChild = sqlite.prepare(
      `INSERT INTO children (id, household_id, name, gender, birth_date, class_id, enrolled_on, status_since, billing_mode, custody_agreed_on)
       VALUES (?, ?, ?, 'M', '2022-01-01', ?, '2026-09-01', '2026-09-01', ?, ?)`,
    );
    for (let i = 1; i <= children; i++) {
      insertHousehold.run(i);
      insertChild.run(i, i, `幼儿${i}`, ((i - 1) % 40) + 1, rng.chance(0.3) ? 'semester' : 'monthly', rng.chance(0.15) ? '2026-08-28' : null);
    }
    const insert = sqlite.prepare(`INSERT INTO attendance (child_id, date, status, recorded_at) VALUES (?, ?, ?, ?)`);
    const working = datesBetween(firstDayOf(month), lastDayOf(month)).filter((d) => calendar.isWorkingDay(d));
    for (let child = 1; child <= children; child++) {
      const away = rng.chance(0.1) ? 0.6 : 0.05;
      for (const date of working) insert.run(child, date, rng.chance(away) ? 'sick' : 'present', `${date}T01:30:00.000Z`);
    }
  })();
  issueMonth(sqlite, { month: '2026-09', calendar, semester: { first: '2026-09', last: '2027-01' } });
  if (month !== '2026-09') issueMonth(sqlite, { month, calendar });
  sqlite.exec('ANALYZE');
  return opened;
}
