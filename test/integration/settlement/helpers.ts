import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { ApiErrorBody } from '../../../electron/api/errors';
import type { Api, ApiName } from '../../../electron/api/index';
import { type Backend, createBackend } from '../../../electron/backend';

export const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** 2026-12-01, 10:00 in Beijing: September to November have ended. */
export const NOW = new Date('2026-12-01T02:00:00Z');

let template: string | undefined;

/** The demo is loaded once per test file; each test works on its own copy of the file. */
async function demoTemplate(): Promise<string> {
  if (template) return template;
  const path = join(mkdtempSync(join(tmpdir(), 'kd-settle-template-')), 'demo.sqlite');
  const backend = createBackend({ dbPath: path, log: () => {}, now: () => NOW, automaticBackups: false });
  const demo = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
  if (!demo.ok) throw new Error(demo.error.message);
  backend.database().sqlite.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  template = path;
  return path;
}

/**
 * The demo kindergarten on a real file of its own (its bill run billed
 * September to November; September is settled), the clock on 1 December 2026,
 * signed in as 园长.
 */
export async function billedDemo(now: Date = NOW) {
  const path = join(mkdtempSync(join(tmpdir(), 'kd-settle-')), 'kinderdesk.sqlite');
  copyFileSync(await demoTemplate(), path);
  const backend = createBackend({ dbPath: path, log: () => {}, now: () => now, automaticBackups: false });
  const sqlite = backend.database().sqlite;
  const admin = await signIn(backend, 'admin');
  return { path, backend, sqlite, session: admin, ...calls(backend, admin) };
}

async function signIn(backend: Backend, username: string): Promise<string> {
  const result = await backend.dispatcher.call({ name: 'auth.login', input: { username, password: 'demo1234' } });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { session: string }).session;
}

export function calls(backend: Backend, admin: string) {
  async function call<K extends ApiName>(name: K, input: Api[K]['input'], session = admin) {
    return (await backend.dispatcher.call({ name, input, session })) as { ok: boolean; value?: Api[K]['output']; error?: ApiErrorBody };
  }
  async function ok<K extends ApiName>(name: K, input: Api[K]['input'], session = admin): Promise<Api[K]['output']> {
    const result = await call(name, input, session);
    if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
    return result.value as Api[K]['output'];
  }
  const login = (username: string) => signIn(backend, username);
  return { call, ok, login };
}

/** A hash of every table's rows: equal means nothing at all was written. */
export function tablesHash(sqlite: Database.Database): Record<string, string> {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((name) => [name, createHash('sha256').update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all())).digest('hex')]));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real command line (tsx cli/kd.ts, what `npm run kd` runs). */
export function runKd(args: string[]): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['cli/kd.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** One `error:` line with English then Chinese, nothing on stdout, exit 2. */
export function refusal(run: CliRun): string {
  if (run.status !== 2 || run.stdout !== '') throw new Error(`expected a refusal, got ${run.status}: ${run.stdout.slice(0, 200)} ${run.stderr}`);
  const lines = run.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !/^error: [\x20-\x7e]+.*[\u4e00-\u9fff]/.test(lines[0]!)) throw new Error(`not one error line: ${run.stderr}`);
  return lines[0]!;
}
