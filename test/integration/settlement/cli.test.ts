import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { localDate } from '../../../core/calendar/dates';
import { billedDemo, refusal, runKd, tablesHash } from './helpers';
import { MIGRATIONS } from './large';

let demo: Awaited<ReturnType<typeof billedDemo>>;
let dir: string;
beforeAll(async () => {
  demo = await billedDemo();
  dir = join(demo.path, '..');
  // Accounts the refusals need: a disabled finance account.
  demo.sqlite.prepare(`INSERT INTO staff (username, display_name, role, password_hash, disabled) VALUES ('jiucaiwu', '原财务', 'finance', 'x', 1)`).run();
}, 120_000);
afterAll(() => demo?.backend.close());

/** A consistent copy of the demo file (the app keeps it open), to change without touching the original. */
function copyOfDemo(name: string): string {
  const path = join(dir, name);
  demo.sqlite.prepare('VACUUM INTO ?').run(path);
  return path;
}

const settle = (...args: string[]) => runKd(['settle', ...args]);

describe('kd settle refuses, with one error line and exit 2', () => {
  it('files that are missing or not a KinderDesk database, a newer version, a kindergarten not set up', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '这不是数据库');
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const foreign = join(dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders VALUES (1, 9.5)');
    other.close();
    const foreignBytes = readFileSync(foreign);
    const newer = copyOfDemo('newer.sqlite');
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    const fresh = join(dir, 'fresh.sqlite');
    openDatabase(fresh, { migrationsFolder: MIGRATIONS }).close();

    const runs = await Promise.all([
      settle('--db', join(dir, 'nowhere.sqlite'), '--month', '2026-10'),
      settle('--db', text, '--month', '2026-10'),
      settle('--db', empty, '--month', '2026-10'),
      settle('--db', foreign, '--month', '2026-10'),
      settle('--db', dir, '--month', '2026-10'),
      settle('--db', newer, '--month', '2026-10'),
      settle('--db', fresh, '--month', '2026-10', '--confirm', '--as', 'admin'),
    ]);
    const [missing, notes, blank, orders, folder, future, unset] = runs.map(refusal);
    expect(missing).toMatch(/not found.*找不到数据文件/);
    for (const line of [notes, blank, orders, folder]) expect(line).toMatch(/is not a KinderDesk database.*不是园务通的数据文件/);
    expect(future).toMatch(/newer version.*更新版本/);
    expect(unset).toMatch(/not been set up.*尚未完成初始设置/);
    // Nothing was created or changed in files that are not ours.
    expect(readFileSync(empty).length).toBe(0);
    expect(readFileSync(foreign).equals(foreignBytes)).toBe(true);
  }, 120_000);

  it('a month that is not YYYY-MM, missing arguments, --confirm without --as', async () => {
    const runs = await Promise.all([
      settle('--db', demo.path, '--month', '2026-13'),
      settle('--db', demo.path, '--month', '202610'),
      settle('--db', demo.path, '--month', '2026-1'),
      settle('--db', demo.path),
      settle('--month', '2026-10'),
      settle('--db', demo.path, '--month', '2026-10', '--confirm'),
      settle('--db', demo.path, '--month', '2026-10', '--frobnicate'),
    ]);
    const lines = runs.map(refusal);
    for (const line of lines.slice(0, 3)) expect(line).toMatch(/not a month \(expected YYYY-MM.*格式有误/);
    expect(lines[3]).toContain('--month');
    expect(lines[4]).toContain('--db');
    expect(lines[5]).toMatch(/--confirm needs --as/);
    expect(lines[6]).toContain('unknown option');
  }, 120_000);

  it('unknown or disabled users and roles that may not settle; a month not ended; a year without a calendar', async () => {
    const thisMonth = localDate(new Date()).slice(0, 7);
    const before = tablesHash(demo.sqlite);
    const runs = await Promise.all([
      settle('--db', demo.path, '--month', '2026-10', '--confirm', '--as', 'nobody'),
      settle('--db', demo.path, '--month', '2026-10', '--confirm', '--as', 'jiucaiwu'),
      settle('--db', demo.path, '--month', '2026-10', '--confirm', '--as', 'laoshi'),
      settle('--db', demo.path, '--month', '2026-10', '--confirm', '--as', 'qiantai'),
      settle('--db', demo.path, '--month', thisMonth, '--confirm', '--as', 'caiwu'),
      settle('--db', demo.path, '--month', '2003-05'),
      settle('--db', demo.path, '--month', '2003-05', '--confirm', '--as', 'caiwu'),
    ]);
    const [unknown, disabled, teacher, desk, notEnded, noCalendar, noCalendarConfirm] = runs.map(refusal);
    expect(unknown).toMatch(/unknown user "nobody".*没有登录名/);
    expect(disabled).toMatch(/disabled.*已停用/);
    expect(teacher).toMatch(/\(teacher\) may not settle.*不能办理月结/);
    expect(desk).toMatch(/\(front_desk\) may not settle/);
    expect(notEnded).toMatch(/has not ended.*还没有结束/);
    expect(noCalendar).toMatch(/No legal calendar for 2003.*2003 年/);
    expect(noCalendarConfirm).toMatch(/No legal calendar for 2003/);
    expect(tablesHash(demo.sqlite)).toEqual(before);
  }, 120_000);
});

describe('kd settle on a file the app has open', () => {
  it('previews without changing any table, books once, then shows the same figures as settled', async () => {
    const before = tablesHash(demo.sqlite);
    const preview = await settle('--db', demo.path, '--month', '2026-10');
    expect(preview.stderr).toBe('');
    expect(preview.status).toBe(0);
    expect(tablesHash(demo.sqlite)).toEqual(before);
    const p = JSON.parse(preview.stdout);
    expect(Object.keys(p)).toEqual(['month', 'policy', 'legalWorkingDays', 'status', 'children', 'unsettled', 'total']);
    expect(p).toMatchObject({ month: '2026-10', policy: 'nantong-2018', legalWorkingDays: 18, status: 'preview', unsettled: [] });
    expect(p.children.find((c: { reason: string }) => c.reason === 'withdrawal')).toBeDefined();
    expect(p.children.length).toBeGreaterThan(100);
    expect(p.children.map((c: { childId: number }) => c.childId)).toEqual([...p.children.map((c: { childId: number }) => c.childId)].sort((a, b) => a - b));
    for (const c of p.children) {
      expect(Object.keys(c)).toEqual(['childId', 'name', 'class', 'billing', 'reason', 'presentDays', 'closureDays', 'lines', 'total']);
      for (const l of c.lines) {
        expect(Object.keys(l)).toEqual(['item', 'base', 'refund', 'clause', 'explanation']);
        expect(l.refund).toMatch(/^\d+\.\d{2}$/);
        expect(l.base).toMatch(/^\d+\.\d{2}$/);
      }
    }

    const booked = await settle('--db', demo.path, '--month', '2026-10', '--confirm', '--as', 'caiwu');
    expect(booked.status).toBe(0);
    const b = JSON.parse(booked.stdout);
    expect(b.status).toBe('booked');
    expect({ ...b, status: 'preview' }).toEqual(p);
    const refunds = demo.sqlite.prepare(`SELECT count(*) FROM ledger_entries l JOIN settlements s ON s.id = l.settlement_id WHERE l.kind = 'refund' AND s.month = '2026-10'`).pluck().get();
    expect(refunds).toBe(p.children.flatMap((c: { lines: { refund: string }[] }) => c.lines).filter((l: { refund: string }) => l.refund !== '0.00').length);
    const audit = demo.sqlite.prepare(`SELECT a.summary, s.username FROM audit_log a JOIN staff s ON s.id = a.staff_id WHERE a.action = 'settlement.book' AND a.entity_id = (SELECT id FROM settlements WHERE kind = 'month' AND month = '2026-10')`).all();
    expect(audit).toEqual([{ summary: expect.stringContaining('（命令行）'), username: 'caiwu' }]);
    expect(demo.sqlite.prepare(`SELECT source FROM settlements WHERE month = '2026-10'`).pluck().get()).toBe('cli');
    expect(demo.sqlite.prepare(`SELECT month FROM settled_months ORDER BY month`).pluck().all()).toEqual(['2026-09', '2026-10']);

    const afterBooking = tablesHash(demo.sqlite);
    const again = await settle('--db', demo.path, '--month', '2026-10', '--confirm', '--as', 'admin');
    const a = JSON.parse(again.stdout);
    expect(a.status).toBe('settled');
    expect({ ...a, status: 'preview' }).toEqual(p);
    expect(tablesHash(demo.sqlite)).toEqual(afterBooking);
    // The window sees the CLI's booking as settled too.
    expect((await demo.ok('settlement.preview', { month: '2026-10' })).status).toBe('settled');
  }, 120_000);

  it('shows the demo’s September as settled, with what was booked then', async () => {
    const run = await settle('--db', demo.path, '--month', '2026-09');
    const out = JSON.parse(run.stdout);
    expect(out.status).toBe('settled');
    expect(out.children.length).toBeGreaterThan(100);
    const booked = demo.sqlite.prepare(`SELECT total_fen FROM settlements WHERE kind = 'month' AND month = '2026-09'`).pluck().get() as number;
    expect(out.total).toBe(`${Math.floor(booked / 100)}.${String(booked % 100).padStart(2, '0')}`);
  }, 60_000);

  it('lists November’s children without roll calls as unsettled, with the day and what to do', async () => {
    const run = await settle('--db', demo.path, '--month', '2026-11');
    const out = JSON.parse(run.stdout);
    expect(out.unsettled.length).toBeGreaterThan(100);
    expect(out.unsettled[0]).toEqual({ childId: expect.any(Number), name: expect.any(String), reason: '2026-11-23 等 6 个工作日没有考勤记录，请在“考勤”中补录后再结算。' });
    const fen = (text: string) => Number.parseInt(text.replace('.', ''), 10);
    const total = out.children.reduce((s: number, c: { total: string }) => s + fen(c.total), 0);
    expect(out.total).toBe(`${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`);
  }, 60_000);
});
