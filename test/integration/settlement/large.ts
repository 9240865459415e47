// A kindergarten of 1,000 (or n) children with a month of attendance and the
// month's bills (issued by the app's own bill run), in a real SQLite file
// through the app's opener: for the crash test and the settlement benchmark.
import { join } from 'node:path';
import { datesBetween, firstDayOf, lastDayOf } from '../../../core/calendar/dates';
import { bundledLegalCalendar, CalendarMissingError } from '../../../core/calendar';
import { getBuiltinPolicy } from '../../../core/policies';
import { loadBillingContext } from '../../../db/billing/inputs';
import { issueBillRun } from '../../../db/billing/run';
import { seededRandom } from '../../../db/demo/random';
import { openDatabase, type OpenedDatabase } from '../../../db/open';

export const MIGRATIONS = join(import.meta.dirname, '..', '..', '..', 'db', 'migrations');

export function createLargeKindergarten(path: string, children: number, month: string): OpenedDatabase {
  const opened = openDatabase(path, { migrationsFolder: MIGRATIONS });
  const { sqlite } = opened;
  const calendar = bundledLegalCalendar();
  const rng = seededRandom(20261031);
  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO kindergarten (id, name, type, funding_type, grade, policy_id) VALUES (1, '大型测试园', 'public', 'balance', 'municipal', 'nantong-2018')`).run();
    sqlite.prepare(`INSERT INTO staff (username, display_name, role, password_hash) VALUES ('caiwu', '财务', 'finance', 'x')`).run();
    sqlite.prepare(`INSERT INTO school_years (id, name) VALUES (1, '2026-2027学年')`).run();
    sqlite.prepare(`INSERT INTO semesters (school_year_id, name, first_month, last_month) VALUES (1, '秋季学期', '2026-09', '2027-01')`).run();
    const standard = sqlite.prepare(`INSERT INTO fee_standards (item, label, amount_fen, unit, applies_from, level) VALUES (?, ?, ?, ?, '2026-09-01', ?)`);
    standard.run('education', '保教费', 42000, 'month', null);
    standard.run('education', '保教费（托班）', 50000, 'month', 'toddler');
    standard.run('meal', '伙食费', 1500, 'day', null);
    standard.run('custody', '托管费', 10000, 'month', null);
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
  const workingDays = (m: string) => {
    try {
      return calendar.legalWorkingDays(m);
    } catch (error) {
      if (error instanceof CalendarMissingError) return null;
      throw error;
    }
  };
  const billing = loadBillingContext(opened.db, getBuiltinPolicy('nantong-2018')!, workingDays);
  for (const m of month === '2026-09' ? [month] : ['2026-09', month]) {
    sqlite.transaction(() => issueBillRun(opened.db, m, billing, { issueDate: `${m}-01`, dueOn: `${m}-10`, at: `${m}-01T00:30:00.000Z`, staffId: 1, runId: `large:${m}` }))();
  }
  sqlite.exec('ANALYZE');
  return opened;
}
