import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackendChild, startBackendChild } from './child';

/**
 * Two processes on one database file. Two copies of the app must not both
 * run on it (each would trust what it shows); the command-line tools may
 * write while the app runs, and then neither may lose a write.
 */
const NOW = '2026-11-23T02:00:00Z';
const started: BackendChild[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) await child.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(path: string, lock: 'lock' | 'nolock' = 'lock') {
  const child = await startBackendChild(path, NOW, lock);
  started.push(child);
  return child;
}

function freshPath() {
  const dir = mkdtempSync(join(tmpdir(), 'kd-procs-'));
  dirs.push(dir);
  return join(dir, 'kinderdesk.sqlite');
}

describe('a second KinderDesk on the same file', () => {
  it('is refused at open, naming the file and what to do; the lock goes when the first one is killed', async () => {
    const path = freshPath();
    const first = await start(path);
    expect((await first.call('setup.status', {})).ok).toBe(true);
    const second = startBackendChild(path, NOW);
    await expect(second).rejects.toThrow(`数据文件「${path}」正被另一个园务通使用`);
    await expect(second).rejects.toThrow('请切换到已经打开的园务通窗口');

    // kill -9: no clean-up runs, the operating system drops the lock.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const third = await start(path);
    expect((await third.call('setup.status', {})).ok).toBe(true);
  });

  it('does not stop the command-line tools, which open the file without the app lock', async () => {
    const path = freshPath();
    await start(path);
    const cli = await start(path, 'nolock');
    expect((await cli.call('setup.status', {})).ok).toBe(true);
  });
});

describe('two processes writing one file at the same time', () => {
  it('lose nothing: every write lands or waits its turn (BEGIN IMMEDIATE), none fails half-way', async () => {
    const path = freshPath();
    const app = await start(path);
    const demo = await app.call('setup.loadDemo', {}, null, 60_000);
    const appSession = (demo.value as { session: string }).session;
    const cli = await start(path, 'nolock');
    const cliSession = ((await cli.call('auth.login', { username: 'admin', password: 'demo1234' })).value as { session: string }).session;
    const before = (await app.query<{ n: number }>('SELECT count(*) AS n FROM children'))[0]!.n;

    // Each import reads the roster on file (duplicates? known phone numbers?) and then writes:
    // the pattern that failed with BUSY_SNAPSHOT when the transaction began without the write lock.
    const className = (await app.query<{ name: string }>('SELECT name FROM classes ORDER BY id LIMIT 1'))[0]!.name;
    const CALLS = 10;
    const ROWS = 60;
    const imports = (child: BackendChild, session: string, writer: number) =>
      Array.from({ length: CALLS }, (_, call) =>
        child.call(
          'families.importCommit',
          {
            rows: Array.from({ length: ROWS }, (_, row) => ({
              sheetRow: row + 2,
              record: {
                childName: `测${writer}-${call}-${row}`,
                gender: '女',
                birthDate: '2023-03-08',
                className,
                guardian1Name: '家长',
                guardian1Mobile: `139${String(writer)}${String(call).padStart(3, '0')}${String(row).padStart(4, '0')}`,
              },
            })),
          },
          session,
          20_000,
        ),
      );
    const results = await Promise.all([...imports(app, appSession, 1), ...imports(cli, cliSession, 2)]);

    const failed = results.filter((r) => !r.ok).map((r) => r.error);
    expect(failed).toEqual([]);
    const after = (await app.query<{ n: number }>('SELECT count(*) AS n FROM children'))[0]!.n;
    expect(after - before).toBe(2 * CALLS * ROWS);
    expect(app.logs).toEqual([]);
    expect(cli.logs).toEqual([]);
  });
});
