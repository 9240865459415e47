import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../electron/backend';

/** A demo kindergarten in a real SQLite file, with the clock fixed on a school day. */
export async function demoBackend(now = '2026-11-20T02:00:00Z') {
  const dir = mkdtempSync(join(tmpdir(), 'kd-families-'));
  const backend = createBackend({ dbPath: join(dir, 'a.sqlite'), log: () => {}, now: () => new Date(now) });
  const demo = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
  if (!demo.ok) throw new Error(demo.error.message);
  const admin = (demo.value as { session: string }).session;

  async function signIn(username: string) {
    const r = await backend.dispatcher.call({ name: 'auth.login', input: { username, password: 'demo1234' } });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { session: string }).session;
  }
  /** Calls as `session` (the principal by default) and returns the raw result. */
  const call = (name: string, input: unknown, session: string = admin) => backend.dispatcher.call({ name, input, session });
  /** Calls and returns the value, failing the test with the Chinese message otherwise. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read results loosely; the API's own types are checked in the renderer
  async function ok<T = any>(name: string, input: unknown, session: string = admin): Promise<T> {
    const r = await call(name, input, session);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  }
  const sqlite = backend.database().sqlite;
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
  const counts = () => ({
    households: count('households'),
    children: count('children'),
    guardians: count('guardians'),
    child_status_changes: count('child_status_changes'),
    contact_log: count('contact_log'),
    feedback: count('feedback'),
    audit_log: count('audit_log'),
  });
  const classes = (await ok<{ classes: { id: number; name: string }[] }>('kindergarten.get', {})).classes;
  const classId = (name: string) => classes.find((c) => c.name === name)!.id;

  return {
    backend,
    admin,
    signIn,
    call,
    ok,
    sqlite,
    counts,
    classId,
    close() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DemoBackend = Awaited<ReturnType<typeof demoBackend>>;

export const child = (classId: number, over: Record<string, unknown> = {}) => ({
  name: '张三',
  gender: 'M',
  birthDate: '2023-04-01',
  classId,
  enrolledOn: '2026-09-01',
  ...over,
});

export const guardian = (over: Record<string, unknown> = {}) => ({
  name: '张建国',
  relationship: '父亲',
  mobile: '13700005678',
  ...over,
});
