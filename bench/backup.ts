/**
 * Backup, restore and audit-trail figures on the demo kindergarten, plus a
 * year's worth of audit entries (50 000). Run: npx tsx bench/backup.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../electron/backend';

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

  const time = async (label: string, work: () => Promise<unknown>, runs = 5) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await work();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label.padEnd(50)} median ${ms[Math.floor(runs / 2)]!.toFixed(1)} ms  (min ${ms[0]!.toFixed(1)}, max ${ms.at(-1)!.toFixed(1)})`);
  };

  console.log(`database: ${(statSync(backend.services.dbPath).size / 1024 / 1024).toFixed(1)} MB (demo + 50 000 audit entries)`);
  let last = '';
  await time('backup.now (VACUUM INTO + fsync + rotate)', async () => {
    last = (await call('backup.now', {}, session)).path as string;
  });
  await time('backup.inspect (integrity_check, read-only)', () => call('backup.inspect', { path: last }, session));
  await time('audit.list first page, no filter', () => call('audit.list', {}, session), 9);
  await time('audit.list kind + one month', () => call('audit.list', { kind: 'attendance', from: '2026-06-01', to: '2026-06-30' }, session), 9);
  await time('audit.list page 500', () => call('audit.list', { page: 500, pageSize: 50 }, session), 9);
  await time('audit.list by entity id', () => call('audit.list', { entity: 'attendance', entityId: '31415' }, session), 9);
  const t0 = performance.now();
  await call('backup.restore', { path: last }, session);
  console.log(`${'backup.restore (check, safety copy, swap, reopen)'.padEnd(50)} ${(performance.now() - t0).toFixed(1)} ms`);
  backend.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
