import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ApiResult } from '../electron/api/errors';
import type { Api, ApiName } from '../electron/api/index';
import { type Backend, type BackendOptions, createBackend } from '../electron/backend';

/**
 * The one test backend: a real backend on a fresh SQLite file in a temp
 * folder, as the app runs it, with calls typed by the API contract. `call`
 * and `ok` take a handler name and its input as the renderer would send them;
 * `callRaw` is for tests of what the boundary refuses (wrong types, unknown
 * names), where the compiler must not stand in the way.
 */

export const DEMO_PASSWORD = 'demo1234';

export type CallResult<K extends ApiName> = ApiResult<Api[K]['output']>;

export interface TestBackend {
  backend: Backend;
  dir: string;
  sqlite: Database.Database;
  /** The principal's session on the demo kindergarten; null on a fresh backend. */
  session: string | null;
  call<K extends ApiName>(name: K, input: Api[K]['input'], session?: string | null): Promise<CallResult<K>>;
  /** Calls and returns the value, failing the test with the Chinese message otherwise. */
  ok<K extends ApiName>(name: K, input: Api[K]['input'], session?: string | null): Promise<Api[K]['output']>;
  callRaw(name: string, input: unknown, session?: string | null): Promise<ApiResult<unknown>>;
  signIn(username: string, password?: string): Promise<string>;
  /** A class of the demo kindergarten by name (苗苗班, 星星班 ...). */
  classId(name: string): number;
  close(): void;
}

export interface TestBackendOptions extends Partial<BackendOptions> {
  /** A fixed clock: the instant, as a Date or an ISO string. */
  at?: Date | string;
}

/** A backend on a fresh, empty database (the setup wizard not yet run). */
export function freshBackend(options: TestBackendOptions = {}): TestBackend {
  const { at, ...rest } = options;
  const dir = mkdtempSync(join(tmpdir(), 'kd-test-'));
  const now = at === undefined ? undefined : () => new Date(at);
  const backend = createBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), log: () => {}, ...(now ? { now } : {}), ...rest });
  const env: TestBackend = {
    backend,
    dir,
    get sqlite() {
      return backend.database().sqlite;
    },
    session: null,
    call: (name, input, session = env.session) => backend.dispatcher.call({ name, input, session }) as Promise<CallResult<typeof name>>,
    async ok(name, input, session = env.session) {
      const result = await env.call(name, input, session);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    },
    callRaw: (name, input, session = env.session) => backend.dispatcher.call({ name, input, session }),
    async signIn(username, password = DEMO_PASSWORD) {
      return (await env.ok('auth.login', { username, password }, null)).session;
    },
    classId(name) {
      const row = env.sqlite.prepare('SELECT id FROM classes WHERE name = ?').get(name) as { id: number } | undefined;
      if (!row) throw new Error(`no class ${name}`);
      return row.id;
    },
    close() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}

/** The demo kindergarten, signed in as its principal (`session`). */
export async function demoBackend(options: TestBackendOptions = {}): Promise<TestBackend & { session: string }> {
  const env = freshBackend(options);
  const demo = await env.ok('setup.loadDemo', {}, null);
  env.session = demo.session;
  return env as TestBackend & { session: string };
}

type InputArgs<K extends ApiName> = undefined extends Api[K]['input'] ? [input?: Api[K]['input']] : [input: Api[K]['input']];

/** Calls as one session (null: signed out); the input may be left out where the handler has a default. */
export function caller(backend: Backend, session: string | null) {
  return <K extends ApiName>(name: K, ...[input]: InputArgs<K>) => backend.dispatcher.call({ name, input: input ?? {}, session }) as Promise<CallResult<K>>;
}

/** The value of a call that must succeed; the Chinese message fails the test otherwise. */
export async function unwrap<T>(promise: Promise<ApiResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
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
