import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Backend, type BackendOptions, createBackend } from '../../../electron/backend';

/** A backend on a fresh temp file with the demo kindergarten; `session` is the principal's. */
export async function demoBackend(options: Partial<BackendOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kd-backup-'));
  const backend = createBackend({ dbPath: join(dir, 'kinderdesk.sqlite'), log: () => {}, ...options });
  const demo = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
  if (!demo.ok) throw new Error(demo.error.message);
  const session = (demo.value as { session: string }).session;
  return { dir, backend, session, call: caller(backend, session) };
}

export function caller(backend: Backend, session: string | null) {
  return async <T = unknown>(name: string, input: unknown = {}) => {
    const result = await backend.dispatcher.call({ name, input, session });
    return result as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  };
}

export async function ok<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
