import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Writes a consistent copy of the live database to `target`. VACUUM INTO
 * reads one snapshot inside a read transaction, so writers (this connection
 * between calls, or another process) never leave a half-done transaction in
 * the copy, and in WAL mode they are not blocked while it runs. The copy is
 * written under a temporary name, flushed to the disk (a USB drive may be
 * pulled right after) and only then given its final name, so a file with a
 * backup's name is always complete.
 */
export function writeSnapshot(sqlite: Database.Database, target: string): void {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    renameSync(partial, target);
    fsyncDirectory(dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(path: string): void {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What a backup holds, shown before restoring it. */
export interface BackupInfo {
  schemaVersion: number;
  kindergartenName: string;
  children: number;
  staff: number;
  /** The newest entry of its audit trail: the last change it contains. */
  lastChangeAt: string | null;
}

/** Why a file cannot be restored; the message is for the person at the desk. */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

const REQUIRED_TABLES = ['__drizzle_migrations', 'kindergarten', 'staff', 'audit_log'];

/**
 * Checks a file before it may replace the live database: it opens, passes
 * PRAGMA integrity_check, is a KinderDesk database (our tables, a configured
 * kindergarten) and was written by this version of the app or an older one.
 * Opened read-only: inspecting never changes the file.
 */
export function inspectBackup(path: string, knownVersion: number): BackupInfo {
  if (!existsSync(path) || statSync(path).size === 0) throw new BackupRefused('找不到这个备份文件，或文件是空的。');
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupRefused('无法打开这个备份文件，它可能已损坏。');
  }
  try {
    let check: unknown;
    try {
      check = sqlite.pragma('integrity_check', { simple: true });
    } catch {
      throw new BackupRefused('这个文件不是园务通的备份，或已严重损坏（完整性检查无法进行）。');
    }
    if (check !== 'ok') throw new BackupRefused('备份文件已损坏（完整性检查未通过），不能用于恢复。');
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (!REQUIRED_TABLES.every((t) => tables.has(t))) throw new BackupRefused('这个文件不是园务通的备份。');
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    const applied = (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    if (version < 1 || applied < 1) throw new BackupRefused('这个备份中没有完整的园务通数据。');
    if (version > knownVersion || applied > knownVersion) {
      throw new BackupRefused(`这个备份来自更新版本的园务通（数据版本 ${Math.max(version, applied)}，本程序最高支持 ${knownVersion}），请先升级园务通。`);
    }
    const profile = sqlite.prepare('SELECT name FROM kindergarten WHERE id = 1').get() as { name: string } | undefined;
    if (!profile) throw new BackupRefused('这个备份中还没有幼儿园资料（是首次设置之前的数据），不能用于恢复。');
    const count = (table: string) =>
      tables.has(table) ? (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
    const last = sqlite.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null };
    return {
      schemaVersion: Math.max(version, applied),
      kindergartenName: profile.name,
      children: count('children'),
      staff: count('staff'),
      lastChangeAt: last.at,
    };
  } finally {
    sqlite.close();
  }
}
