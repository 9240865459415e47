import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ApiErrorBody, ApiResult } from '../electron/api/errors';
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

/** A call's result as the API types it; either side may be read without narrowing first (`result.error?.message`). */
export type CallResult<K extends ApiName> =
  | { ok: true; value: Api[K]['output']; error?: undefined }
  | { ok: false; error: ApiErrorBody; value?: undefined };

/**
 * The one typed way into the dispatcher: the handler's name and input are
 * checked against the API contract, the result typed by it.
 */
export function callBackend<K extends ApiName>(backend: Backend, name: K, input: Api[K]['input'], session: string | null = null): Promise<CallResult<K>> {
  return backend.dispatcher.call({ name, input, session }) as Promise<CallResult<K>>;
}

export interface TestBackend {
  backend: Backend;
  /** The database file, and the folder it is in. */
  dbPath: string;
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

/**
 * A backend on a fresh, empty database (the setup wizard not yet run) in a
 * temp folder of its own, removed on close; or, given `dbPath`, on that file,
 * which close leaves in place (a second writer, a worker, a file reopened).
 */
export function freshBackend(options: TestBackendOptions = {}): TestBackend {
  const { at, dbPath, ...rest } = options;
  const dir = dbPath ? dirname(dbPath) : mkdtempSync(join(tmpdir(), 'kd-test-'));
  return open(dbPath ?? join(dir, 'kinderdesk.sqlite'), dbPath ? null : dir, { ...rest, ...(at === undefined ? {} : { now: () => new Date(at) }) });
}

/** A test backend on `dbPath`; `owned`, if given, is the folder close removes. */
function open(dbPath: string, owned: string | null, options: Partial<BackendOptions>): TestBackend {
  const backend = createBackend({ log: () => {}, ...options, dbPath });
  const env: TestBackend = {
    backend,
    dbPath,
    dir: dirname(dbPath),
    get sqlite() {
      return backend.database().sqlite;
    },
    session: null,
    call: (name, input, session = env.session) => callBackend(backend, name, input, session),
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
      if (owned) rmSync(owned, { recursive: true, force: true });
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

/** A database file made once and copied for each test: its path, built on first use. */
export type Template = () => Promise<string>;

/**
 * A template made once per test file (Vitest loads this module afresh for
 * each): `build` runs on a fresh backend with `options` (backups off), whose
 * file, checkpointed and closed, is what `copyBackend` copies.
 */
export function template(build: (env: TestBackend) => Promise<void> | void, options: TestBackendOptions = {}): Template {
  let path: Promise<string> | undefined;
  return () => {
    path ??= (async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'kd-template-')), 'template.sqlite');
      const env = freshBackend({ automaticBackups: false, ...options, dbPath: file });
      try {
        await build(env);
        // Closing checkpoints the WAL into the file, so a plain copy is complete.
        env.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        env.close();
      }
      return file;
    })();
    return path;
  };
}

/**
 * A backend on a copy of a template (a `Template`, or a closed database
 * file), in a temp folder of its own; backups off unless asked for. Copying
 * takes milliseconds where building the data again takes seconds.
 */
export async function copyBackend(from: Template | string, options: TestBackendOptions = {}): Promise<TestBackend> {
  const source = typeof from === 'string' ? from : await from();
  const dir = mkdtempSync(join(tmpdir(), 'kd-copy-'));
  const dbPath = join(dir, 'kinderdesk.sqlite');
  copyFileSync(source, dbPath);
  const { at, dbPath: _ignored, ...rest } = options;
  return open(dbPath, dir, { automaticBackups: false, ...rest, ...(at === undefined ? {} : { now: () => new Date(at) }) });
}

/** The demo kindergarten as `setup.loadDemo` makes it, loaded once per test file with the clock at `at`. */
export function demoTemplate(at: Date | string): Template {
  return template(async (env) => {
    await env.ok('setup.loadDemo', {}, null);
  }, { at });
}

type InputArgs<K extends ApiName> = undefined extends Api[K]['input'] ? [input?: Api[K]['input']] : [input: Api[K]['input']];

/** Calls as one session (null: signed out); the input may be left out where the handler has a default. */
export function caller(backend: Backend, session: string | null) {
  return <K extends ApiName>(name: K, ...[input]: InputArgs<K>) => callBackend(backend, name, (input ?? {}) as Api[K]['input'], session);
}

/** The value of a call that must succeed; the Chinese message fails the test otherwise. */
export async function unwrap<T>(promise: Promise<ApiResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A hash of every table's rows: equal means nothing at all was written. */
export function tablesHash(sqlite: Database.Database): Record<string, string> {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    names.map((name) => [name, createHash('sha256').update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all())).digest('hex')]),
  );
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
