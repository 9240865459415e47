/**
 * Backup, restore and audit-trail figures on the demo kindergarten, plus a
 * year's worth of audit entries (50 000), each beside its floor (a plain file
 * copy, a bare integrity_check, the bare SQL for the same page).
 * Run: npx tsx bench/backup.ts
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../electron/backend';
import { compare, report } from './lib/floor';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-backup-'));
  const backend = createBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), log: () => {} });
  const call = async (name: string, input: unknown, session: string | null) => {
    const r = await backend.dispatcher.call({ name, input, session });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  const demo = await call('setup.loadDemo', {}, null);
  const session = demo.session as string;

  const sqlite = backend.database().sqlite;
  const insert = sqlite.prepare(
    "INSERT INTO audit_log (at, staff_id, action, kind, entity, entity_id, summary, before_json, after_json) VALUES (?, 1, 'attendance.correct', 'attendance', 'attendance', ?, '更正考勤', ?, ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < 50_000; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 600_000).toISOString();
      insert.run(at, String(i), JSON.stringify({ status: 'present' }), JSON.stringify({ status: 'sick_leave' }));
    }
  })();

  const db = () => backend.database().sqlite;
  const page = (where: string, params: unknown[], offset = 0) => () =>
    db().prepare(`SELECT * FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT 50 OFFSET ${offset}`).all(...params);
  const copyFile = () => {
    db().pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(backend.services.dbPath, join(dir, 'plain-copy.sqlite'));
  };

  console.log(`database: ${(statSync(backend.services.dbPath).size / 1024 / 1024).toFixed(1)} MB (demo + 50 000 audit entries)`);
  let last = '';
  await compare('backup.now (VACUUM INTO + fsync + rotate)', async () => {
    last = (await call('backup.now', {}, session)).path as string;
  }, 'plain file copy', copyFile, 5);
  await compare('backup.inspect (integrity_check, read-only)', () => call('backup.inspect', { path: last }, session), 'bare integrity_check', () => {
    const copy = new Database(last, { readonly: true });
    copy.pragma('integrity_check');
    copy.close();
  }, 5);
  await compare('audit.list first page, no filter', () => call('audit.list', {}, session), 'bare SQL, same page', page('', []));
  await compare('audit.list kind + one month', () => call('audit.list', { kind: 'attendance', from: '2026-06-01', to: '2026-06-30' }, session), 'bare SQL, same page', page("WHERE kind = ? AND at >= ? AND at < ?", ['attendance', '2026-06-01', '2026-07-01']));
  await compare('audit.list page 500', () => call('audit.list', { page: 500, pageSize: 50 }, session), 'bare SQL, same page', page('', [], 499 * 50));
  await compare('audit.list by entity id', () => call('audit.list', { entity: 'attendance', entityId: '31415' }, session), 'bare SQL, same rows', page('WHERE entity = ? AND entity_id = ?', ['attendance', '31415']));
  const t0 = performance.now();
  await call('backup.restore', { path: last }, session);
  const restore = performance.now() - t0;
  const t1 = performance.now();
  copyFile();
  report('backup.restore (check, safety copy, swap, reopen)', restore, 'plain file copy', performance.now() - t1, 'one run');
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
