import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { type BackupKind, dayKey, selectRetained } from '../../core/backup/rotation';
import type { OpenedDatabase } from '../../db/open';
import { type BackupEntry, backupFileName, listBackups } from './files';
import { readBackupFolderRaw } from './settings';
import { type BackupInfo, BackupRefused, fsyncFile, inspectBackup, writeSnapshot } from './snapshot';

declare module '../api/define' {
  interface AppServices {
    backups: BackupService;
  }
}

/** How the backup service reaches the live database, and swaps it on restore. */
export interface DatabaseHost {
  current(): OpenedDatabase;
  /** Closes the database, runs `swap` (which replaces the file) and opens the file again, migrating if older. */
  reopen(swap: () => void): void;
}

export interface BackupServiceOptions {
  dbPath: string;
  /** Used when no folder is chosen, and when the chosen one is unreachable (USB drive not plugged in). */
  defaultFolder: string;
  now(): Date;
  log(message: string, error: unknown): void;
}

export interface TakenBackup extends BackupEntry {
  /** True when the chosen folder failed and the copy went to the default folder instead. */
  fallback: boolean;
}

const CHECK_EVERY_MS = 30 * 60 * 1000;

/**
 * Backups of the live database: automatic ones at start and once a day
 * (rotated 7 daily / 4 weekly / 12 monthly, see core/backup/rotation.ts),
 * manual ones, and safety copies before every migration and restore.
 */
export class BackupService {
  private host: DatabaseHost | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The last automatic backup that could not be written, shown on the backup screen until one succeeds. */
  lastFailure: { at: string; message: string } | null = null;

  constructor(private readonly options: BackupServiceOptions) {}

  attach(host: DatabaseHost): void {
    this.host = host;
  }

  get defaultFolder(): string {
    return this.options.defaultFolder;
  }

  folderFor(sqlite: Database.Database): { folder: string; chosen: boolean } {
    const chosen = readBackupFolderRaw(sqlite);
    return chosen ? { folder: chosen, chosen: true } : { folder: this.options.defaultFolder, chosen: false };
  }

  /** Backups in the chosen folder and in the default folder, newest first. */
  list(sqlite: Database.Database = this.live().sqlite): BackupEntry[] {
    const { folder } = this.folderFor(sqlite);
    const seen = new Set<string>();
    const all: BackupEntry[] = [];
    for (const dir of new Set([folder, this.options.defaultFolder])) {
      for (const entry of listBackups(dir)) {
        if (!seen.has(entry.path)) {
          seen.add(entry.path);
          all.push(entry);
        }
      }
    }
    return all.sort((a, b) => b.at.localeCompare(a.at) || b.file.localeCompare(a.file));
  }

  /**
   * Takes a backup into the chosen folder and applies the rotation there. If
   * that folder cannot be written, automatic and safety copies go to the
   * default folder instead (a missing USB drive must not leave the day
   * unprotected); a manual backup reports the problem instead.
   */
  take(kind: BackupKind, sqlite: Database.Database = this.live().sqlite): TakenBackup {
    const { folder, chosen } = this.folderFor(sqlite);
    try {
      const entry = this.writeInto(folder, kind, sqlite);
      if (kind === 'auto') this.lastFailure = null;
      return { ...entry, fallback: false };
    } catch (error) {
      const message = `无法写入备份文件夹「${folder}」：${reason(error)}`;
      if (!chosen || kind === 'manual') throw new BackupRefused(message);
      this.options.log('backup: chosen folder failed, using the default folder', error);
      this.lastFailure = { at: this.options.now().toISOString(), message: `${message}。本次已备份到本机默认文件夹。` };
      return { ...this.writeInto(this.options.defaultFolder, kind, sqlite), fallback: true };
    }
  }

  private writeInto(folder: string, kind: BackupKind, sqlite: Database.Database): BackupEntry {
    // Only our own folder is created: a chosen folder that is missing means the USB drive is not
    // plugged in, and creating it would quietly put the "off-site" copy on the local disk.
    if (folder === this.options.defaultFolder) mkdirSync(folder, { recursive: true });
    else if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error(`no folder ${folder}`), { code: 'ENOENT' });
    }
    const at = this.options.now();
    let file = backupFileName(kind, at);
    for (let n = 2; existsSync(join(folder, file)); n++) file = backupFileName(kind, at, n);
    writeSnapshot(sqlite, join(folder, file));
    this.rotate(folder);
    const entry = listBackups(folder).find((b) => b.file === file);
    if (!entry) throw new Error(`backup ${file} vanished after writing`);
    return entry;
  }

  /** Deletes what the rotation does not keep; files that are not our backups are never touched. */
  rotate(folder: string): BackupEntry[] {
    const { remove } = selectRetained(listBackups(folder));
    for (const entry of remove) rmSync(entry.path, { force: true });
    return remove;
  }

  /** The copy before a migration; called by openDatabase with the not-yet-migrated connection. */
  beforeMigrate(sqlite: Database.Database): string {
    return this.take('pre-migration', sqlite).path;
  }

  /** At start, then every half hour: one automatic backup per (Beijing) day. */
  start(): void {
    this.takeAutomatic(true);
    this.timer = setInterval(() => this.takeAutomatic(false), CHECK_EVERY_MS);
    this.timer.unref?.();
  }

  /**
   * On the very first start there is nothing to back up until the kindergarten
   * is set up (the wizard, or the demo): the start backup is taken then, once
   * the setup has committed, rather than at the next half-hourly check.
   */
  afterFirstSetup(): TakenBackup | null {
    if (!this.timer) return null; // automatic backups are off
    return this.takeAutomatic(true);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Returns the backup taken, or null when none was due (or the kindergarten is not set up yet). */
  takeAutomatic(atStart: boolean): TakenBackup | null {
    const { sqlite } = this.live();
    if (!sqlite.prepare('SELECT 1 FROM kindergarten WHERE id = 1').get()) return null;
    if (!atStart) {
      const today = dayKey(this.options.now().toISOString());
      if (this.list(sqlite).some((b) => b.kind === 'auto' && dayKey(b.at) === today)) return null;
    }
    try {
      return this.take('auto', sqlite);
    } catch (error) {
      this.options.log('backup: automatic backup failed', error);
      this.lastFailure = { at: this.options.now().toISOString(), message: error instanceof Error ? error.message : String(error) };
      return null;
    }
  }

  inspect(path: string): BackupInfo {
    return inspectBackup(path, this.live().schemaVersion);
  }

  /**
   * Replaces the live database with a backup: the backup is checked (and the
   * copy staged next to the live file is checked again, in case the drive
   * misread), the current data is backed up, then the staged copy is renamed
   * over the live file in one step and the database reopened (and migrated if
   * the backup is older). If the restored file does not open, the safety copy
   * goes back in its place. `afterOpen` runs on the restored database.
   */
  restore(path: string, afterOpen: (opened: OpenedDatabase, safety: TakenBackup) => void): { info: BackupInfo; safety: TakenBackup } {
    const host = this.requireHost();
    const live = this.options.dbPath;
    const info = this.inspect(path);
    const staged = `${live}.restoring`;
    rmSync(staged, { force: true });
    try {
      copyFileSync(path, staged);
      fsyncFile(staged);
      this.inspect(staged);
    } catch (error) {
      rmSync(staged, { force: true });
      if (error instanceof BackupRefused) throw new BackupRefused(`复制备份时出错，文件读出的内容已损坏：${error.message}`);
      throw new BackupRefused(`无法读取这个备份文件：${reason(error)}`);
    }
    let safety: TakenBackup;
    try {
      safety = this.take('pre-restore');
    } catch (error) {
      rmSync(staged, { force: true });
      throw new BackupRefused(`无法先备份当前数据，已取消恢复。${error instanceof Error ? error.message : ''}`);
    }
    // Everything committed is moved into the main file, so nothing lives only in the WAL we are about to drop.
    host.current().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    try {
      host.reopen(() => installFile(staged, live));
    } catch (error) {
      this.options.log('backup: restored database did not open; putting the previous data back', error);
      host.reopen(() => {
        copyFileSync(safety.path, staged);
        installFile(staged, live);
      });
      throw new BackupRefused('恢复后的数据无法打开，已回到恢复前的数据。');
    }
    try {
      afterOpen(host.current(), safety);
    } catch (error) {
      this.options.log('backup: after-restore step failed', error);
    }
    return { info, safety };
  }

  private live(): OpenedDatabase {
    return this.requireHost().current();
  }

  private requireHost(): DatabaseHost {
    if (!this.host) throw new Error('BackupService used before the database was attached');
    return this.host;
  }
}

/** Renames `staged` over `live` (one atomic step) after removing the old file's WAL and shared memory. */
function installFile(staged: string, live: string): void {
  for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${live}${sidecar}`, { force: true });
  renameSync(staged, live);
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return '文件夹不存在（U 盘是否已插入？）';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
  if (code === 'ENOSPC') return '磁盘空间不足';
  return error instanceof Error ? error.message : String(error);
}
