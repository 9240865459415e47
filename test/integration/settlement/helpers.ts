import type { CliRun } from '../cli/helpers';
import { copyBackend, demoTemplate } from '../../backend';

export { runKd } from '../cli/helpers';
export { tablesHash } from '../../backend';

/** 2026-12-01, 10:00 in Beijing: September to November have ended. */
export const NOW = new Date('2026-12-01T02:00:00Z');

/** The demo is loaded once per test file; each test works on its own copy of the file. */
const demo = demoTemplate(NOW);

/**
 * The demo kindergarten on a real file of its own (its bill run billed
 * September to November; September is settled), the clock on 1 December 2026,
 * signed in as 园长 (`session`, the default for `call` and `ok`).
 */
export async function billedDemo(now: Date = NOW) {
  const env = await copyBackend(demo, { at: now });
  const session = await env.signIn('admin');
  env.session = session;
  return { ...env, session, path: env.dbPath, sqlite: env.sqlite, login: (username: string) => env.signIn(username) };
}

/** One `error:` line with English then Chinese, nothing on stdout, exit 2. */
export function refusal(run: CliRun): string {
  if (run.status !== 2 || run.stdout !== '') throw new Error(`expected a refusal, got ${run.status}: ${run.stdout.slice(0, 200)} ${run.stderr}`);
  const lines = run.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !/^error: [\x20-\x7e]+.*[\u4e00-\u9fff]/.test(lines[0]!)) throw new Error(`not one error line: ${run.stderr}`);
  return lines[0]!;
}
