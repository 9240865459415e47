import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Backend, createBackend } from '../../electron/backend';

/** A backend on a fresh SQLite file in a temp folder, as the app would run it. */
export function freshBackend(): Backend {
  return createBackend({ dbPath: join(mkdtempSync(join(tmpdir(), 'kd-it-')), 'kinderdesk.sqlite'), log: () => {} });
}

/** The demo kindergarten, signed in as its principal. */
export async function demoBackend(): Promise<{ backend: Backend; session: string }> {
  const backend = freshBackend();
  const result = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
  if (!result.ok) throw new Error(result.error.message);
  return { backend, session: (result.value as { session: string }).session };
}

export async function signIn(backend: Backend, username: string, password = 'demo1234'): Promise<string> {
  const result = await backend.dispatcher.call({ name: 'auth.login', input: { username, password } });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { session: string }).session;
}

/** Row counts of every table: equal before and after means nothing was written. */
export function tableCounts(backend: Backend): Record<string, number> {
  const sqlite = backend.database().sqlite;
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(names.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** A full dump, for "changed nothing" checks stricter than counts. */
export function dumpTables(backend: Backend, names: string[]): Record<string, unknown[]> {
  const sqlite = backend.database().sqlite;
  return Object.fromEntries(names.map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}"`).all()]));
}
