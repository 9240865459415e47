import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { createLargeKindergarten, MIGRATIONS } from './large';

const CHILDREN = 1000;
const dir = mkdtempSync(join(tmpdir(), 'kd-settle-crash-'));
const template = join(dir, 'template.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  const opened = createLargeKindergarten(template, CHILDREN, '2026-10');
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.close();
}, 120_000);

function copy(name: string): string {
  const path = join(dir, name);
  copyFileSync(template, path);
  return path;
}

/** Runs book-child.ts; kills it with SIGKILL when it prints `killOn`. */
function book(path: string, mid: number, killOn: 'mid' | 'committed' | null): Promise<{ signal: string | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'book-child.ts'), path, '2026-10', String(mid)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (killOn && out.includes(killOn)) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('close', (_code, signal) => done({ signal, out }));
  });
}

function state(path: string) {
  const opened = openDatabase(path, { migrationsFolder: MIGRATIONS });
  try {
    const n = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
    return {
      settlements: n('SELECT count(*) FROM settlements'),
      children: n('SELECT count(*) FROM settlement_children'),
      lines: n('SELECT count(*) FROM settlement_lines'),
      refunds: n(`SELECT count(*) FROM ledger_entries WHERE kind = 'refund'`),
      settled: n('SELECT count(*) FROM settled_months'),
      integrity: opened.sqlite.pragma('integrity_check', { simple: true }),
    };
  } finally {
    opened.close();
  }
}

describe('SIGKILL in the middle of booking a month of 1,000 children', () => {
  it('leaves the whole settlement or none of it', async () => {
    const whole = copy('whole.sqlite');
    expect((await book(whole, -1, null)).out).toContain(`committed ${CHILDREN}`);
    const all = state(whole);
    expect(all).toMatchObject({ settlements: 1, children: CHILDREN, settled: 1, integrity: 'ok' });
    expect(all.refunds).toBeGreaterThan(500);

    for (const mid of [1, Math.floor(all.refunds / 2), all.refunds - 1]) {
      const path = copy(`killed-${mid}.sqlite`);
      const run = await book(path, mid, 'mid');
      expect(run.signal).toBe('SIGKILL');
      expect(run.out).not.toContain('committed');
      expect(state(path)).toEqual({ settlements: 0, children: 0, lines: 0, refunds: 0, settled: 0, integrity: 'ok' });
    }

    // Killed right after COMMIT: everything is there.
    const after = copy('after.sqlite');
    const run = await book(after, -1, 'committed');
    expect(run.out).toContain('committed');
    expect(state(after)).toEqual(all);
  }, 180_000);
});
