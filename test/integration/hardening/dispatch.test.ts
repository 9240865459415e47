import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, openReader } from '../../../db/open';
import { handler, type HandlerMap } from '../../../electron/api/define';
import { createDispatcher } from '../../../electron/api/dispatch';
import { SessionStore } from '../../../electron/api/sessions';
import { defaultMigrationsFolder } from '../../../electron/backend';
import type { AppServices } from '../../../electron/api/define';
import { caller, demoBackend, unwrap } from '../../backend';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/**
 * A dispatcher over a real SQLite file with handlers written for the test.
 * Its calls are raw: these handlers (test.*) are not in the API contract.
 */
function testDispatcher(map: HandlerMap) {
  const dir = mkdtempSync(join(tmpdir(), 'kd-dispatch-'));
  const path = join(dir, 'a.sqlite');
  const writer = openDatabase(path, { migrationsFolder: defaultMigrationsFolder() });
  const reader = openReader(path);
  const logged: unknown[] = [];
  const services = { sessions: new SessionStore(), dataDir: dir, dbPath: path, now: () => new Date('2026-11-20T02:00:00Z') } as AppServices;
  const dispatcher = createDispatcher(map, () => ({ writer, reader }), services, (_m, e) => logged.push(e));
  cleanups.push(() => {
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const rows = () => writer.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number;
  const audits = () => writer.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
  return { dispatcher, rows, audits, logged };
}

const insertHousehold = (ctx: { db: { run(q: unknown): unknown } }) => ctx.db.run(sql`INSERT INTO households (address) VALUES ('x')`);

describe('what a handler declares is what it can do', () => {
  it('a handler declared write: false runs on a connection that cannot write', async () => {
    const t = testDispatcher({
      'test.sneakyWrite': handler({ access: 'public', write: false, input: z.object({}), run: (ctx) => insertHousehold(ctx) }),
    });
    const result = await t.dispatcher.call({ name: 'test.sneakyWrite', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(String((t.logged[0] as Error).cause ?? t.logged[0])).toMatch(/readonly/i);
    expect(t.rows()).toBe(0);
  });

  it('a read handler may record an audit entry, written once it has succeeded and not when it fails', async () => {
    const t = testDispatcher({
      'test.export': handler({
        access: 'public',
        write: false,
        input: z.object({ fail: z.boolean() }),
        async run(ctx, { fail }) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          ctx.audit({ action: 'reports.export', kind: 'system', entity: 'x' });
          if (fail) throw new Error('the workbook could not be built');
          return 'done';
        },
      }),
    });
    expect(await t.dispatcher.call({ name: 'test.export', input: { fail: true } })).toMatchObject({ ok: false });
    expect(t.audits()).toEqual([]);
    expect(await t.dispatcher.call({ name: 'test.export', input: { fail: false } })).toEqual({ ok: true, value: 'done' });
    expect(t.audits()).toEqual(['reports.export']);
  });

  it('an async handler cannot reach the database after an await (a restore may have replaced it)', async () => {
    const t = testDispatcher({
      'test.late': handler({
        access: 'public',
        write: false,
        input: z.object({}),
        async run(ctx) {
          await Promise.resolve();
          return ctx.db.all(sql`SELECT 1`);
        },
      }),
    });
    expect(await t.dispatcher.call({ name: 'test.late', input: {} })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(String(t.logged[0])).toContain('after an await');
  });

  it('object-level rules do not run on fields that already failed (zod 4 would run them on "x")', async () => {
    const t = testDispatcher({
      'test.range': handler({
        access: 'public',
        write: true,
        input: (await import('../../../electron/api/schemas')).dateRange({}, 10),
        run: () => 'ran',
      }),
    });
    const result = await t.dispatcher.call({ name: 'test.range', input: { firstDate: '2026-11-01', lastDate: 'x' } });
    expect(result.ok || result.error).toMatchObject({ code: 'invalid_input', fields: { lastDate: '日期格式应为 YYYY-MM-DD' } });
    expect(result.ok || Object.keys(result.error.fields ?? {})).toEqual(['lastDate']);
  });
});

describe('a restore while other calls are in flight', () => {
  it('waits for them: an export racing a restore finishes on the old data, the next call sees the restored data', async () => {
    const { dir, session, backend } = await demoBackend({ automaticBackups: false });
    const call = caller(backend, session);
    cleanups.push(() => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const taken = await unwrap(call('backup.now'));
    const childrenAtBackup = backend.database().sqlite.prepare('SELECT count(*) FROM children').pluck().get() as number;
    backend.database().sqlite.prepare("UPDATE kindergarten SET name = '改名之后' WHERE id = 1").run();

    // The export awaits the workbook writer; the restore arrives meanwhile.
    const exporting = call('families.export');
    const restoring = call('backup.restore', { path: taken.path });
    const [exported, restored] = await Promise.all([exporting, restoring]);
    expect(exported).toMatchObject({ ok: true, value: { children: childrenAtBackup } });
    expect(restored).toMatchObject({ ok: true });
    // Everyone was signed out by the restore; the data is the backup's.
    expect(await caller(backend, session)('kindergarten.get')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(backend.database().sqlite.prepare('SELECT name FROM kindergarten').pluck().get()).not.toBe('改名之后');
  });

  it('a call that arrives during the restore waits for it instead of meeting a closed connection', async () => {
    const { dir, session, backend } = await demoBackend({ automaticBackups: false });
    const call = caller(backend, session);
    cleanups.push(() => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const taken = await unwrap(call('backup.now'));
    const restoring = call('backup.restore', { path: taken.path });
    const during = Array.from({ length: 5 }, () => call('setup.status'));
    const results = await Promise.all([restoring, ...during]);
    for (const r of results) expect(r).toMatchObject({ ok: true });
  });
});

