import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../electron/backend';
import type { Api, ApiName } from '../../../electron/api/index';

/** Monday 2026-11-23, 10:00 in Beijing: the demo has roll calls up to Friday the 20th. */
export const NOW = new Date('2026-11-23T02:00:00Z');

export async function demoBackend(now: Date = NOW) {
  const backend = createBackend({ dbPath: join(mkdtempSync(join(tmpdir(), 'kd-att-')), 'a.sqlite'), log: () => {}, now: () => now });
  const demo = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
  if (!demo.ok) throw new Error(demo.error.message);
  const admin = (demo.value as { session: string }).session;
  const sqlite = backend.database().sqlite;

  async function call<K extends ApiName>(name: K, input: Api[K]['input'], session = admin) {
    return backend.dispatcher.call({ name, input, session });
  }
  async function ok<K extends ApiName>(name: K, input: Api[K]['input'], session = admin): Promise<Api[K]['output']> {
    const result = await call(name, input, session);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as Api[K]['output'];
  }
  async function login(username: string) {
    const result = await backend.dispatcher.call({ name: 'auth.login', input: { username, password: 'demo1234' } });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { session: string }).session;
  }
  const classId = (name: string) => (sqlite.prepare('SELECT id FROM classes WHERE name = ?').get(name) as { id: number }).id;
  /** Everything attendance-related, to prove a refused call wrote nothing. */
  const dump = () =>
    JSON.stringify([
      sqlite.prepare('SELECT count(*) AS n, max(recorded_at) AS last FROM attendance').get(),
      ...['attendance_changes', 'closures', 'calendar_years', 'settled_months', 'audit_log'].map((t) =>
        sqlite.prepare(`SELECT count(*) AS n, max(rowid) AS last FROM ${t}`).get(),
      ),
    ]);
  return { backend, sqlite, admin, call, ok, login, classId, dump };
}
