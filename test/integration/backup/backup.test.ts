import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../electron/api/index';
import { type Backend, defaultMigrationsFolder } from '../../../electron/backend';
import { caller, demoBackend, freshBackend, type TestBackendOptions, unwrap } from '../../backend';

const FIRST_SETUP: Api['setup.complete']['input'] = {
  profile: { name: '实验幼儿园', type: 'public', fundingType: 'full', grade: 'qualified', policyId: 'nantong-2018' },
  schoolYear: { name: '2026-2027学年', semesters: [{ name: '秋季学期', firstMonth: '2026-09', lastMonth: '2027-01' }] },
  classes: [{ name: '小一班', level: 'small', headTeacher: '王老师' }],
  principal: { username: 'yuanzhang', displayName: '王园长', password: 'kinder2026' },
};
import { ledgerState, startWriter } from './ledger';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup(options: TestBackendOptions = {}) {
  const env = await demoBackend(options);
  cleanups.push(() => env.close());
  return { ...env, call: caller(env.backend, env.session) };
}

const count = (sqlite: Database.Database, table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function liveFileHash(dbPath: string): string {
  const h = createHash('sha256');
  for (const f of [dbPath, `${dbPath}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}


/** The next version of the app: our migrations plus one more (`sql`). */
function nextVersionMigrations(dir: string, sql: string): { folder: string; fromVersion: number } {
  const folder = join(dir, 'migrations-next');
  cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, '0')}_next`;
  writeFileSync(join(folder, `${tag}.sql`), sql);
  journal.entries.push({ ...last, idx, tag, when: last.when + 1 });
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, fromVersion: idx };
}

describe('backups', () => {
  it('"backup now" writes a checked copy into the chosen folder and lists it; the folder setting is audited', async () => {
    const { dir, call, backend } = await setup();
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    const refused = await call('backup.setFolder', { folder: join(dir, 'not-plugged-in') });
    expect(refused.ok || refused.error.message).toContain('找不到这个文件夹');
    expect(await call('backup.setFolder', { folder: 'relative/path' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await unwrap(call('backup.setFolder', { folder: usb }));

    const taken = await unwrap(call('backup.now'));
    expect(taken.path.startsWith(usb)).toBe(true);
    expect(taken.kind).toBe('manual');
    const copy = new Database(taken.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(copy, 'children')).toBe(count(backend.database().sqlite, 'children'));
    copy.close();

    const status = await unwrap(call('backup.status'));
    expect(status).toMatchObject({ folder: usb, chosen: true });
    expect(status.backups.map((b) => b.file)).toContain(taken.file);
    const audit = await unwrap(call('audit.list', { kind: 'system' }));
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['backup.setFolder', 'backup.create']));
  });

  it('takes one at start (once set up) and one a day, and falls back to the local folder when the USB drive is gone', async () => {
    let clock = new Date('2026-11-20T00:30:00Z');
    const { dir, backend, session, call } = await setup({ now: () => clock });
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    await unwrap(call('backup.setFolder', { folder: usb }));
    const backups = backend.services.backups;
    // The first start's backup was taken when the demo was loaded (see the next test).
    expect(backups.list().filter((b) => b.kind === 'auto')).toHaveLength(1);
    expect(backups.takeAutomatic(false)).toBeNull(); // already one today
    clock = new Date('2026-11-20T15:59:00Z'); // 23:59 Beijing: still the same day
    expect(backups.takeAutomatic(false)).toBeNull();
    clock = new Date('2026-11-20T16:01:00Z'); // 00:01 the next day in Beijing
    const next = backups.takeAutomatic(false);
    expect(next?.path.startsWith(usb)).toBe(true);

    rmSync(usb, { recursive: true });
    clock = new Date('2026-11-21T16:01:00Z');
    const fallback = backups.takeAutomatic(false);
    expect(fallback).toMatchObject({ fallback: true, kind: 'auto' });
    expect(fallback?.path.startsWith(join(dir, 'backups'))).toBe(true);
    const status = await unwrap(call('backup.status'));
    expect(status.lastFailure?.message).toContain('U 盘');
    // A manual backup says so instead of silently going elsewhere.
    const manual = await call('backup.now');
    expect(manual).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Restarting the app backs up at start.
    backend.close();
    const again = freshBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), now: () => new Date('2026-11-23T01:00:00Z') }).backend;
    cleanups.push(() => again.close());
    const localAutos = again.services.backups.list().filter((b) => b.kind === 'auto' && b.at === '2026-11-23T01:00:00.000Z');
    expect(localAutos).toHaveLength(1);
    expect(session).toBeTruthy();
  });

  it('the very first start is backed up too, as soon as the demo or the wizard has set the kindergarten up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-first-start-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const autoBackups = (b: Backend) => b.services.backups.list().filter((e) => e.kind === 'auto');
    for (const sub of ['demo', 'wizard', 'off']) mkdirSync(join(dir, sub));

    // Nothing to back up before the setup; the demo is in the start backup as soon as it is loaded.
    const demo = freshBackend({ dbPath: join(dir, 'demo', 'kinderdesk.sqlite'), now: () => new Date('2026-11-20T00:30:00Z') }).backend;
    cleanups.push(() => demo.close());
    expect(autoBackups(demo)).toHaveLength(0);
    await unwrap(caller(demo, null)('setup.loadDemo'));
    const [first] = autoBackups(demo);
    expect(first?.at).toBe('2026-11-20T00:30:00.000Z');
    const copy = new Database(first!.path, { readonly: true });
    expect(count(copy, 'children')).toBe(120);
    copy.close();

    // The wizard's first start, likewise.
    const wizard = freshBackend({ dbPath: join(dir, 'wizard', 'kinderdesk.sqlite') }).backend;
    cleanups.push(() => wizard.close());
    await unwrap(caller(wizard, null)('setup.complete', FIRST_SETUP));
    expect(autoBackups(wizard)).toHaveLength(1);

    // Automatic backups switched off: none then either.
    const off = freshBackend({ dbPath: join(dir, 'off', 'kinderdesk.sqlite'), automaticBackups: false }).backend;
    cleanups.push(() => off.close());
    await unwrap(caller(off, null)('setup.loadDemo'));
    expect(autoBackups(off)).toHaveLength(0);
  });

  it('a backup taken while another process writes opens, passes integrity_check and holds whole batches as of its moment', async () => {
    const { backend, call } = await setup();
    const dbPath = backend.services.dbPath;
    const writer = startWriter(dbPath, 50, 1);
    try {
      await writer.reached(20);
      const checks = [];
      for (let i = 0; i < 5; i++) {
        const before = writer.committed();
        const taken = await unwrap(call('backup.now'));
        const after = (backend.database().sqlite.prepare('SELECT max(batch) AS n FROM fault_batches').get() as { n: number }).n;
        const copy = new Database(taken.path, { readonly: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          const s = ledgerState(copy, 50);
          expect(s.broken).toEqual([]);
          expect(s.total).toBe(0);
          expect(s.rows).toBe(s.batches * 50);
          expect(s.batches).toBe(s.maxBatch);
          // Its moment lies between what was committed before the call and after it returned.
          expect(s.maxBatch).toBeGreaterThanOrEqual(before);
          expect(s.maxBatch).toBeLessThanOrEqual(after);
          expect(count(copy, 'children')).toBe(120);
          checks.push(s.maxBatch);
        } finally {
          copy.close();
        }
        await writer.reached(writer.committed() + 5);
      }
      expect(new Set(checks).size).toBe(5);
    } finally {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
  }, 60_000);

  it('restore checks the backup, backs up the current data, swaps the file and reopens on the restored data', async () => {
    const { dir, backend, call } = await setup();
    const taken = await unwrap(call('backup.now'));
    const childrenThen = count(backend.database().sqlite, 'children');
    // A change after the backup: a new account.
    await unwrap(call('staff.create', { username: 'xinlaoshi', displayName: '新老师', role: 'front_desk', password: 'abc12345' }));
    const staffNow = count(backend.database().sqlite, 'staff');

    const restored = await unwrap(call('backup.restore', { path: taken.path }));
    expect(restored.info.children).toBe(childrenThen);
    const live = backend.database().sqlite;
    expect(count(live, 'staff')).toBe(staffNow - 1);
    expect(live.prepare("SELECT 1 FROM staff WHERE username = 'xinlaoshi'").get()).toBeUndefined();
    expect(live.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(live.pragma('foreign_keys', { simple: true })).toBe(1);
    // The data before the restore is kept as a backup and holds the new account.
    const safety = new Database(restored.safetyPath, { readonly: true });
    expect(safety.prepare("SELECT 1 FROM staff WHERE username = 'xinlaoshi'").get()).toBeTruthy();
    safety.close();
    // Everyone signs in again; the restore is in the restored database's audit trail.
    expect(await call('staff.list')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const login = await unwrap(caller(backend, null)('auth.login', { username: 'admin', password: 'demo1234' }));
    const audit = await unwrap(caller(backend, login.session)('audit.list', { entity: 'backup' }));
    expect(audit.rows[0]).toMatchObject({ action: 'backup.restore' });
    expect(existsSync(join(dir, 'kinderdesk.sqlite.restoring'))).toBe(false);
  });

  it('a corrupted backup is refused and the live database stays byte-identical', async () => {
    const { backend, call } = await setup();
    const taken = await unwrap(call('backup.now'));
    // Overwrite a stretch of pages in the middle with garbage, as a failing drive would.
    const fd = openSync(taken.path, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096 * 5);
    closeSync(fd);

    backend.database().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbPath = backend.services.dbPath;
    const before = liveFileHash(dbPath);
    const listed = (await unwrap(call('backup.status'))).backups.length;

    const inspect = await call('backup.inspect', { path: taken.path });
    expect(inspect).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const refused = await call('backup.restore', { path: taken.path });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/损坏|完整性/);

    expect(liveFileHash(dbPath)).toBe(before);
    // No safety copy was needed, and the app still works on the same data.
    expect((await unwrap(call('backup.status'))).backups.length).toBe(listed);
    expect(count(backend.database().sqlite, 'children')).toBe(120);
  });

  it('refuses files that are not KinderDesk backups or come from a newer version, and paths not in the list', async () => {
    const { backend, call } = await setup();
    const folder = backend.services.backups.defaultFolder;
    mkdirSync(folder, { recursive: true });
    const foreign = join(folder, 'kinderdesk-20261101-080000-000-manual.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (x)');
    other.close();
    expect(await call('backup.restore', { path: foreign })).toMatchObject({ ok: false, error: { message: '这个文件不是园务通的备份。' } });

    const newer = await unwrap(call('backup.now'));
    const db = new Database(newer.path);
    db.pragma('user_version = 999');
    db.close();
    const refused = await call('backup.restore', { path: newer.path });
    expect(refused.ok ? '' : refused.error.message).toContain('更新版本');

    expect(await call('backup.restore', { path: backend.services.dbPath })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('backs up into the chosen folder before a migration runs (openDatabase backupBeforeMigrate is wired)', async () => {
    const { dir, backend, call } = await setup();
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    await unwrap(call('backup.setFolder', { folder: usb }));
    const staffBefore = count(backend.database().sqlite, 'staff');
    backend.close();
    // The next version of the app: our migrations plus one more.
    const { folder: next, fromVersion } = nextVersionMigrations(dir, 'CREATE TABLE `next_feature` (`id` integer PRIMARY KEY NOT NULL);');

    const { backend: upgraded } = freshBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), migrationsFolder: next, automaticBackups: false });
    cleanups.push(() => upgraded.close());
    const copyPath = upgraded.database().backupPath;
    expect(copyPath?.startsWith(usb)).toBe(true);
    expect(upgraded.services.backups.list().find((b) => b.path === copyPath)?.kind).toBe('pre-migration');
    const copy = new Database(copyPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(fromVersion);
    expect(copy.prepare("SELECT 1 FROM sqlite_master WHERE name = 'next_feature'").get()).toBeUndefined();
    expect(count(copy, 'staff')).toBe(staffBefore);
    copy.close();
    expect(upgraded.database().sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'next_feature'").get()).toBeTruthy();
  });

  it('if the restored file cannot be opened (its upgrade fails), the data from before the restore is put back', async () => {
    const { dir, backend, call } = await setup();
    const sqlite = backend.database().sqlite;
    sqlite.prepare("UPDATE kindergarten SET name = '坏备份' WHERE id = 1").run();
    const bad = await unwrap(call('backup.now'));
    sqlite.prepare("UPDATE kindergarten SET name = '阳光幼儿园（演示）' WHERE id = 1").run();
    backend.close();
    // The next version's upgrade fails on data only the old backup has.
    const { folder: next } = nextVersionMigrations(
      dir,
      "CREATE TABLE `upgrade_check` (`x` integer NOT NULL);\n--> statement-breakpoint\nINSERT INTO `upgrade_check` SELECT CASE WHEN name = '坏备份' THEN NULL ELSE 1 END FROM kindergarten;",
    );
    const { backend: upgraded } = freshBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), migrationsFolder: next, automaticBackups: false });
    cleanups.push(() => upgraded.close());
    const login = await unwrap(caller(upgraded, null)('auth.login', { username: 'admin', password: 'demo1234' }));
    const staffBefore = count(upgraded.database().sqlite, 'staff');

    const refused = await caller(upgraded, login.session)('backup.restore', { path: bad.path });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: '恢复后的数据无法打开，已回到恢复前的数据。' } });
    const live = upgraded.database().sqlite;
    expect(live.prepare('SELECT name FROM kindergarten').get()).toEqual({ name: '阳光幼儿园（演示）' });
    expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(live, 'staff')).toBe(staffBefore);
    expect(count(live, 'upgrade_check')).toBe(1);
    expect(existsSync(join(dir, 'kinderdesk.sqlite.restoring'))).toBe(false);
    // Still the same signed-in principal: nothing was swapped in the end.
    expect((await caller(upgraded, login.session)('backup.status')).ok).toBe(true);
  });
});
