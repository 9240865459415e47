import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { DatabaseOpenError } from './open';

/**
 * One running KinderDesk per database file. Two apps writing one file each
 * believe their own screens; the lock makes the second one refuse to start.
 *
 * The lock is SQLite's own file lock on a small companion file
 * (`<database>.lock`): the app holds a write transaction open on it for as
 * long as it runs. The operating system releases such a lock when the
 * process ends in any way (quit, crash, kill -9, power cut), so a stale lock
 * cannot keep the kindergarten out. The database file itself is not locked:
 * the command-line tools (`kd`) may work on it while the app runs, their
 * writes serialised by SQLite (WAL, busy_timeout, BEGIN IMMEDIATE).
 */
export interface InstanceLock {
  readonly path: string;
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

export function acquireInstanceLock(dbPath: string, now: () => Date = () => new Date()): InstanceLock {
  const path = lockPathFor(dbPath);
  const lock = new Database(path);
  try {
    // Rollback-journal mode: while we hold RESERVED, others can still read who we are.
    lock.pragma('journal_mode = DELETE');
    lock.pragma('busy_timeout = 1000');
    lock.exec('CREATE TABLE IF NOT EXISTS owner (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, host TEXT, since TEXT)');
    const take = () => {
      try {
        lock.exec('BEGIN IMMEDIATE');
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) refuse(dbPath, lock.prepare('SELECT pid, host, since FROM owner').get() as Owner | undefined);
        throw error;
      }
    };
    take();
    lock.prepare('INSERT OR REPLACE INTO owner (id, pid, host, since) VALUES (1, ?, ?, ?)').run(process.pid, hostname(), now().toISOString());
    lock.exec('COMMIT');
    // Held from here until release or the end of the process.
    take();
  } catch (error) {
    lock.close();
    throw error;
  }
  return {
    path,
    release() {
      if (!lock.open) return;
      if (lock.inTransaction) lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

function refuse(dbPath: string, owner: Owner | undefined): never {
  const who = owner
    ? `（${owner.host === hostname() ? '本机' : `电脑「${owner.host}」上`}的程序 ${owner.pid}，${new Date(owner.since).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 起）`
    : '';
  throw new DatabaseOpenError(
    'in_use',
    `数据文件「${dbPath}」正被另一个园务通使用${who}。两个园务通同时写一个数据文件会互相覆盖对方看到的内容，所以这一个不会打开。请切换到已经打开的园务通窗口；如果找不到它，请在任务管理器中结束“园务通”后再打开，或重启电脑。`,
  );
}
