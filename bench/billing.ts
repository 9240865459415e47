/**
 * Bills at scale, each figure next to its floor in the same run:
 *  1. a month's bill run for 1,000 children — preview (nothing written) and
 *     issue (numbers, bills, lines, one ledger entry per line, one
 *     transaction) — against better-sqlite3 alone inserting the very same
 *     rows with prepared statements in one transaction. Target: at most 3x.
 *     Also through the API (dispatcher, zod, idempotency, audit).
 *  2. 300 fee notices printed to one PDF in Chromium (the print route, as
 *     the desktop app's printToPDF loads it). Target: under 10 s.
 * Needs the built renderer (`npx vite build`) for part 2.
 *
 *   npx tsx bench/billing.ts
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CalendarMissingError, bundledLegalCalendar } from '../core/calendar';
import { getBuiltinPolicy } from '../core/policies';
import { loadBillingContext } from '../db/billing/inputs';
import { issueBillRun, planBillRun } from '../db/billing/run';
import { seededRandom } from '../db/demo/random';
import { openDatabase } from '../db/open';
import { hashPassword } from '../electron/auth/password';
import { createBackend, defaultMigrationsFolder } from '../electron/backend';
import { startHttpServer } from '../electron/server/http-server';

const ROOT = join(import.meta.dirname, '..');
const MONTH = '2026-10';
const dir = mkdtempSync(join(tmpdir(), 'kd-bench-billing-'));

/** A kindergarten of `n` children in 40 classes: a tenth of them siblings, 3% 低保, 15% custody, 30% semester payers. */
function createKindergarten(path: string, n: number) {
  const opened = openDatabase(path, { migrationsFolder: defaultMigrationsFolder() });
  const { sqlite } = opened;
  const rng = seededRandom(1000);
  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO kindergarten (id, name, type, funding_type, grade, policy_id) VALUES (1, '基准测试幼儿园', 'public', 'balance', 'municipal', 'nantong-2018')`).run();
    sqlite.prepare(`INSERT INTO staff (username, display_name, role, password_hash) VALUES ('caiwu', '财务', 'finance', ?)`).run(hashPassword('bench1234'));
    sqlite.prepare(`INSERT INTO school_years (id, name) VALUES (1, '2026-2027学年')`).run();
    sqlite.prepare(`INSERT INTO semesters (school_year_id, name, first_month, last_month) VALUES (1, '秋季学期', '2026-09', '2027-01')`).run();
    const standard = sqlite.prepare(`INSERT INTO fee_standards (item, label, amount_fen, unit, applies_from, level) VALUES (?, ?, ?, ?, '2026-09-01', ?)`);
    standard.run('education', '保教费', 42000, 'month', null);
    standard.run('education', '保教费（托班）', 50000, 'month', 'toddler');
    standard.run('meal', '伙食费', 1500, 'day', null);
    standard.run('custody', '托管费', 10000, 'month', null);
    standard.run('bus', '校车费', 15000, 'month', null);
    const insertClass = sqlite.prepare(`INSERT INTO classes (id, name, level) VALUES (?, ?, ?)`);
    for (let c = 1; c <= 40; c++) insertClass.run(c, `班级${c}`, c <= 5 ? 'toddler' : 'middle');
    const insertHousehold = sqlite.prepare(`INSERT INTO households (id, address) VALUES (?, '')`);
    const insertChild = sqlite.prepare(
      `INSERT INTO children (id, household_id, name, gender, birth_date, class_id, enrolled_on, status_since, billing_mode, custody_agreed_on, bus_agreed_on, reduction_category)
       VALUES (?, ?, ?, 'M', '2022-01-01', ?, '2026-09-01', '2026-09-01', ?, ?, ?, ?)`,
    );
    let household = 0;
    for (let i = 1; i <= n; i++) {
      if (!(i > 1 && rng.chance(0.1))) insertHousehold.run(++household);
      insertChild.run(
        i,
        household,
        `幼儿${i}`,
        ((i - 1) % 40) + 1,
        rng.chance(0.3) ? 'semester' : 'monthly',
        rng.chance(0.15) ? '2026-08-28' : null,
        rng.chance(0.1) ? '2026-08-28' : null,
        rng.chance(0.03) ? 'dibao' : null,
      );
    }
  })();
  sqlite.exec('ANALYZE');
  const calendar = bundledLegalCalendar();
  const workingDays = (m: string) => {
    try {
      return calendar.legalWorkingDays(m);
    } catch (error) {
      if (error instanceof CalendarMissingError) return null;
      throw error;
    }
  };
  return { opened, ctx: loadBillingContext(opened.db, getBuiltinPolicy('nantong-2018')!, workingDays) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Runs `work` inside a transaction that is rolled back, `runs` times; the median time. */
function timedRolledBack(sqlite: import('better-sqlite3').Database, work: () => void, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    sqlite.exec('BEGIN IMMEDIATE');
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
    sqlite.exec('ROLLBACK');
  }
  return median(times);
}

// 1. The bill run for 1,000 children.
const path = join(dir, 'run.sqlite');
const { opened, ctx } = createKindergarten(path, 1000);
const { sqlite, db } = opened;
const meta = { issueDate: `${MONTH}-01`, dueOn: `${MONTH}-10`, at: `${MONTH}-01T00:30:00.000Z`, staffId: 1, runId: 'bench' };

const previewTimes: number[] = [];
let billCount = 0;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  billCount = planBillRun(db, MONTH, ctx).plan.bills.length;
  previewTimes.push(performance.now() - t0);
}
const preview = median(previewTimes);
const issue = timedRolledBack(sqlite, () => {
  issueBillRun(db, MONTH, ctx, meta);
});

// The floor: the same rows, captured from one real issue, inserted by better-sqlite3 alone.
sqlite.exec('BEGIN IMMEDIATE');
issueBillRun(db, MONTH, ctx, meta);
const billRows = sqlite.prepare('SELECT * FROM bills').all() as Record<string, unknown>[];
const lineRows = sqlite.prepare('SELECT * FROM bill_lines').all() as Record<string, unknown>[];
const entryRows = sqlite.prepare('SELECT * FROM ledger_entries').all() as Record<string, unknown>[];
sqlite.exec('ROLLBACK');
const insertOf = (table: string, row: Record<string, unknown>) => {
  const cols = Object.keys(row);
  return sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
};
const floorStatements = [
  [insertOf('bills', billRows[0]!), billRows],
  [insertOf('bill_lines', lineRows[0]!), lineRows],
  [insertOf('ledger_entries', entryRows[0]!), entryRows],
] as const;
const counter = sqlite.prepare(`INSERT INTO counters (name, value) VALUES ('bill:2026', ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`);
const floor = timedRolledBack(sqlite, () => {
  counter.run(billRows.length);
  for (const [statement, rows] of floorStatements) for (const row of rows) statement.run(row);
});

console.log(`bill run for 1,000 children, ${MONTH}: ${billCount} bills, ${lineRows.length} lines, ${entryRows.length} ledger entries`);
console.log(`  floor (better-sqlite3 alone, same rows, one transaction): ${ms(floor)}`);
console.log(`  preview (load + draft, nothing written):                  ${ms(preview)}  = ${(preview / floor).toFixed(2)}x floor`);
console.log(`  issue (load + draft + number + insert + ledger):           ${ms(issue)}  = ${(issue / floor).toFixed(2)}x floor (target <= 3x)`);

// The same through the API: zod, roles, the transaction, idempotency, the audit row.
opened.close();
const backend = createBackend({ dbPath: path, log: () => {}, automaticBackups: false, now: () => new Date(`${MONTH}-01T01:00:00Z`) });
const login = await backend.dispatcher.call({ name: 'auth.login', input: { username: 'caiwu', password: 'bench1234' } });
const session = (login as { value: { session: string } }).value.session;
const apiCall = async (name: string, input: unknown) => {
  const t0 = performance.now();
  const r = await backend.dispatcher.call({ name, input, session });
  if (!r.ok) throw new Error(r.error.message);
  return { ms: performance.now() - t0, value: r.value as { digest?: string; count?: number } };
};
const coldPreview = await apiCall('bills.preview', { month: MONTH });
const apiPreview = await apiCall('bills.preview', { month: MONTH });
const apiIssue = await apiCall('bills.issue', { month: MONTH, dueOn: `${MONTH}-10`, digest: apiPreview.value.digest, idempotencyKey: 'bench-issue-1' });
console.log(`  through the API: preview ${ms(apiPreview.ms)} (first call ${ms(coldPreview.ms)}), issue ${ms(apiIssue.ms)} (${apiIssue.value.count} bills; = ${(apiIssue.ms / floor).toFixed(2)}x floor)`);
backend.close();

// 2. 300 fee notices to one PDF.
const dist = join(ROOT, 'dist', 'renderer');
if (!existsSync(join(dist, 'index.html'))) {
  console.log('printing: skipped (build the renderer first: npx vite build)');
} else {
  const printPath = join(dir, 'print.sqlite');
  const small = createKindergarten(printPath, 300);
  small.opened.sqlite.transaction(() => issueBillRun(small.opened.db, '2026-09', small.ctx, { ...meta, issueDate: '2026-09-01', dueOn: '2026-09-10', at: '2026-09-01T00:30:00.000Z' }))();
  small.opened.close();
  const printBackend = createBackend({ dbPath: printPath, log: () => {}, automaticBackups: false, now: () => new Date('2026-09-01T01:00:00Z') });
  const server = await startHttpServer({ dispatcher: printBackend.dispatcher, staticDir: dist });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--lang=zh-CN'] });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('caiwu');
    await page.getByLabel('密码').fill('bench1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('current-user').waitFor();
    const t0 = performance.now();
    await page.evaluate(() => {
      window.location.hash = '#/print/fee-notices/2026-09/all';
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="fee-notice"]').length === 300, undefined, { timeout: 60_000 });
    const loaded = performance.now() - t0;
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const total = performance.now() - t0;
    const file = join(dir, 'notices.pdf');
    writeFileSync(file, pdf);
    console.log(`printing 300 fee notices to one PDF in Chromium: ${(total / 1000).toFixed(2)} s (loaded and laid out in ${(loaded / 1000).toFixed(2)} s; ${(statSync(file).size / 1e6).toFixed(1)} MB; target < 10 s)`);
  } finally {
    await browser.close();
    await server.close();
    printBackend.close();
  }
}
rmSync(dir, { recursive: true, force: true });
