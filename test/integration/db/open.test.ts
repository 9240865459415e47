import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, readJournal } from '../../../db/open';
import { defaultMigrationsFolder } from '../../../electron/backend';

const migrationsFolder = defaultMigrationsFolder();
const known = readJournal(migrationsFolder).length;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kd-open-'));
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

/** A copy of the real migrations plus one more, as a later app version would ship. */
function laterMigrations(sql: string): string {
  const folder = join(dir, 'migrations-next');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  const tag = `${String(last.idx + 1).padStart(4, '0')}_later`;
  journal.entries.push({ ...last, idx: last.idx + 1, tag, when: last.when + 1000 });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
}

function seedChildren(path: string) {
  const opened = openDatabase(path, { migrationsFolder });
  opened.sqlite.exec(`
    INSERT INTO classes (name, level) VALUES ('苗苗班', 'small');
    INSERT INTO households (address) VALUES ('工农路 1 号');
    INSERT INTO children (household_id, name, gender, birth_date, class_id, enrolled_on)
      VALUES (1, '张三', 'M', '2023-05-01', 1, '2026-09-01'), (1, '张四', 'F', '2022-03-01', 1, '2026-09-01');
  `);
  opened.close();
}

describe('opening the database', () => {
  it('creates and migrates a fresh database with WAL and foreign keys on', () => {
    const opened = openDatabase(join(dir, 'new.sqlite'), { migrationsFolder });
    expect(tables(opened.sqlite)).toEqual(expect.arrayContaining(['kindergarten', 'classes', 'children', 'guardians', 'attendance', 'staff', 'audit_log']));
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(known);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.backupPath).toBeNull();
    opened.close();
  });

  it('reopening an up-to-date database changes nothing and takes no backup', () => {
    const path = join(dir, 'again.sqlite');
    seedChildren(path);
    const first = openDatabase(path, { migrationsFolder });
    first.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    const before = sha(path);
    const again = openDatabase(path, { migrationsFolder });
    expect(again.backupPath).toBeNull();
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: known });
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 2 });
    again.close();
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a database from a newer version of the app and leaves it byte-identical', () => {
    const path = join(dir, 'future.sqlite');
    seedChildren(path);
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${known + 1}`);
    raw.close();
    const before = sha(path);
    let error: unknown;
    try {
      openDatabase(path, { migrationsFolder });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('newer_version');
    expect((error as Error).message).toContain('更新版本');
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('backs up the file before migrating an older database, and the backup holds the old data', () => {
    const path = join(dir, 'old.sqlite');
    seedChildren(path);
    const next = laterMigrations('CREATE TABLE `later_notes` (`id` integer PRIMARY KEY NOT NULL, `text` text NOT NULL);');
    const upgraded = openDatabase(path, { migrationsFolder: next });
    expect(upgraded.backupPath).not.toBeNull();
    expect(tables(upgraded.sqlite)).toContain('later_notes');
    expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(known + 1);
    upgraded.close();
    const backup = new Database(upgraded.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(known);
    expect(backup.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 2 });
    expect(tables(backup)).not.toContain('later_notes');
    backup.close();
  });

  it('a table-rebuild migration does not silently delete child rows through foreign keys', () => {
    const path = join(dir, 'rebuild.sqlite');
    seedChildren(path);
    // The shape drizzle-kit emits when it must rebuild a table (here: classes, which children reference).
    const next = laterMigrations(
      [
        'PRAGMA foreign_keys=OFF;',
        'CREATE TABLE `__new_classes` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `name` text NOT NULL, `level` text NOT NULL, `head_teacher` text DEFAULT \'\' NOT NULL, `archived` integer DEFAULT false NOT NULL, `room` text DEFAULT \'\' NOT NULL);',
        'INSERT INTO `__new_classes`("id", "name", "level", "head_teacher", "archived") SELECT "id", "name", "level", "head_teacher", "archived" FROM `classes`;',
        'DROP TABLE `classes`;',
        'ALTER TABLE `__new_classes` RENAME TO `classes`;',
        'PRAGMA foreign_keys=ON;',
        'CREATE UNIQUE INDEX `classes_name_unique` ON `classes` (`name`);',
      ].join('\n--> statement-breakpoint\n'),
    );
    const upgraded = openDatabase(path, { migrationsFolder: next });
    expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 2 });
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(upgraded.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    upgraded.close();
  });

  it('reports a corrupt file instead of repairing it, and does not touch it', () => {
    const path = join(dir, 'corrupt.sqlite');
    seedChildren(path);
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const bytes = readFileSync(path);
    // Scribble over the second page (a table's b-tree page) but keep the header valid.
    bytes.fill(0x5a, 4096, 4096 + 512);
    writeFileSync(path, bytes);
    const before = sha(path);
    expect(() => openDatabase(path, { migrationsFolder })).toThrow(DatabaseOpenError);
    expect(sha(path)).toBe(before);
  });

  it('refuses a file that is not a database at all', () => {
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, '这不是数据库'.repeat(500));
    const before = sha(path);
    let error: unknown;
    try {
      openDatabase(path, { migrationsFolder });
    } catch (e) {
      error = e;
    }
    expect((error as DatabaseOpenError).code).toBe('not_a_database');
    expect(sha(path)).toBe(before);
  });
});
