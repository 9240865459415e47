import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyHandler } from '../../../electron/api/define';
import { handlers } from '../../../electron/api/index';
import { arbitraryFor, hostileInputs } from './arbitraries';
import { type BackendChild, startBackendChild, type TimedResult } from './child';

/**
 * Every write handler, called with inputs made from its own schema and with
 * boundary and hostile values (fast-check, fixed seed). Each call must be
 * answered within 2 s of work (the child's CPU time; a call still going after
 * HANG_MS on the wall counts as hung) with success or a refusal that is not "internal", and
 * a refusal must leave every table exactly as it was. The backend runs in a
 * child process, so a call that hangs fails here instead of hanging the run.
 *
 * "As it was": SQLite's data_version, read on a connection of its own before
 * and after each call, changes whenever anything is committed; if a refused
 * call changed it, every table is hashed and compared with the hash taken
 * after the last successful call.
 */
const SEED = 20261123;
const RUNS_PER_HANDLER = 10;
const WORK_MS = 2000;

const writeHandlers = Object.entries(handlers).filter(([, def]) => def.write !== false);

/** Who calls: the first role allowed (the principal when possible, to reach the deepest code). */
function roleFor(def: AnyHandler): string | null {
  if (def.access === 'public') return null;
  if (def.access === 'signed_in') return 'principal';
  return def.access.includes('principal') ? 'principal' : (def.access[0] ?? null);
}

let kd: BackendChild;
let dir: string;
let hash: string;
const tally = { calls: 0, ok: 0, refused: 0 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kd-fuzz-'));
  kd = await startBackendChild(join(dir, 'kinderdesk.sqlite'), '2026-11-23T02:00:00Z');
  const demo = await kd.call('setup.loadDemo', {}, null, 120_000);
  if (!demo.ok) throw new Error(demo.error?.message);
  hash = await kd.hash();
}, 180_000);

afterAll(async () => {
  await kd?.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`fuzz: ${tally.calls} calls to ${writeHandlers.length} write handlers: ${tally.ok} succeeded, ${tally.refused} refused`);
});

/** One call: answered in time, never internal, and a refusal wrote nothing. */
async function check(name: string, role: string | null, input: unknown): Promise<void> {
  const version = await kd.version();
  let result: TimedResult;
  try {
    result = role ? await kd.callAs(role, name, input) : await kd.call(name, input, null);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message} for input ${show(input)}`);
  }
  if (result.cpuMs > WORK_MS) throw new Error(`${name}: ${Math.round(result.cpuMs)} ms of work (more than ${WORK_MS}) for input ${show(input)}`);
  tally.calls++;
  if (result.ok) {
    tally.ok++;
    hash = await kd.hash();
    return;
  }
  tally.refused++;
  if (result.error?.code === 'internal') throw new Error(`${name}: internal error for input ${show(input)}\n${kd.logs.at(-1) ?? ''}`);
  if ((await kd.version()) !== version && (await kd.hash()) !== hash) {
    throw new Error(`${name}: refused (${result.error?.message}) but changed the database, for input ${show(input)}`);
  }
}

function show(input: unknown): string {
  try {
    return fc.stringify(input).slice(0, 600);
  } catch {
    return String(input);
  }
}

describe('every write handler under generated and hostile input', () => {
  it('lists the write handlers it calls', () => {
    expect(writeHandlers.length).toBeGreaterThan(30);
    expect(writeHandlers.map(([name]) => name)).toEqual(expect.arrayContaining(['attendance.recordLeave', 'attendance.addClosure', 'families.importCommit', 'backup.restore', 'auth.login']));
  });

  it.each(writeHandlers)('%s', async (name, def) => {
    const role = roleFor(def);
    const logged = kd.logs.length;
    for (const input of hostileInputs) await check(name, role, input);
    await fc.assert(
      fc.asyncProperty(arbitraryFor(def.input), (input) => check(name, role, input)),
      { seed: SEED, numRuns: RUNS_PER_HANDLER, endOnFailure: true },
    );
    expect(kd.logs.slice(logged)).toEqual([]);
  }, 60_000);
});
