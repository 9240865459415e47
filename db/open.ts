import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  path: string;
  /** Number of migrations applied; also stored in PRAGMA user_version. */
  schemaVersion: number;
  /** The copy taken before migrations ran, if any ran. */
  backupPath: string | null;
  close(): void;
}

/** Thrown with a message for the person at the desk; the file is left untouched. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'newer_version' | 'corrupt' | 'foreign_keys' | 'not_a_database' | 'in_use',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  migrationsFolder: string;
  /**
   * Where the pre-migration copy goes. Defaults to next to the database file.
   * The backup module (issue 4) replaces this with an online backup into the
   * user's chosen folder.
   */
  backupBeforeMigrate?: (sqlite: Database.Database, path: string, fromVersion: number) => string;
  readonly?: boolean;
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/**
 * Opens (creating if needed) and migrates the database, refusing anything it
 * cannot handle safely: a database written by a newer app, a corrupt file, or a
 * migration that leaves broken foreign keys. It never deletes or "repairs".
 */
export function openDatabase(path: string, options: OpenOptions): OpenedDatabase {
  const existed = existsSync(path);
  const sqlite = new Database(path, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // Only reads until the file is known to be sound and not from a newer app:
    // even switching the journal mode would write to a file we must not touch.
    if (existed) assertReadable(sqlite);
    const journal = readJournal(options.migrationsFolder);
    const known = journal.length;
    const current = Number(sqlite.pragma('user_version', { simple: true }));
    const applied = appliedMigrationCount(sqlite);
    if (current > known || applied > known) {
      throw new DatabaseOpenError(
        'newer_version',
        `此数据文件由更新版本的园务通创建（数据版本 ${Math.max(current, applied)}，本程序最高支持 ${known}）。为保护数据，本程序不会打开或修改它，请安装最新版本的园务通。`,
      );
    }
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');

    let backupPath: string | null = null;
    if (current < known && !options.readonly) {
      if (existed && current > 0) {
        backupPath = (options.backupBeforeMigrate ?? copyBesideFile)(sqlite, path, current);
      }
      runMigrations(sqlite, options.migrationsFolder);
      sqlite.pragma(`user_version = ${known}`);
    }
    sqlite.pragma('foreign_keys = ON');

    const db = drizzle(sqlite, { schema });
    return {
      sqlite,
      db,
      path,
      schemaVersion: known,
      backupPath,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A second connection to an opened database that SQLite itself will not let
 * write (SQLITE_OPEN_READONLY): what read-only API handlers are given, so a
 * handler that says it only reads cannot write, whatever its code does.
 */
export interface ReadConnection {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export function openReader(path: string): ReadConnection {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return { sqlite, db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}

function assertReadable(sqlite: Database.Database): void {
  let result: unknown;
  try {
    result = sqlite.pragma('integrity_check', { simple: true });
  } catch {
    throw new DatabaseOpenError('not_a_database', '这个文件不是园务通的数据文件，或已严重损坏。程序没有修改它。');
  }
  if (result !== 'ok') {
    throw new DatabaseOpenError(
      'corrupt',
      `数据文件完整性检查未通过（${String(result)}）。程序没有修改它；请从备份恢复，或联系技术支持。`,
    );
  }
}

function appliedMigrationCount(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return 0;
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

/**
 * drizzle-kit's table rebuilds say `PRAGMA foreign_keys=OFF`, which SQLite
 * ignores inside the migration transaction: a DROP TABLE would then cascade
 * and silently delete child rows. So foreign keys are switched off on the
 * connection before migrating and checked explicitly afterwards.
 */
function runMigrations(sqlite: Database.Database, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  migrate(drizzle(sqlite), { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) {
    throw new DatabaseOpenError(
      'foreign_keys',
      `数据升级后发现 ${broken.length} 处关联记录不一致，已停止。升级前的备份已保留，请联系技术支持。`,
    );
  }
}

/** A consistent copy before migrating (VACUUM INTO reads one snapshot, WAL included). */
function copyBesideFile(sqlite: Database.Database, path: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${path}.v${fromVersion}.${stamp}.bak`;
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
