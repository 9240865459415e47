import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../db/open';
import { type Backend, defaultMigrationsFolder } from '../../../electron/backend';
import { callBackend, freshBackend } from '../../backend';

/**
 * Databases as earlier versions of the app left them, for upgrade tests: the
 * migrations a version shipped, and a file built by them holding the demo
 * kindergarten's rows of the tables that version had.
 */

/** The app's migrations up to (not including) the one numbered `count`: what a version before it shipped. */
export function shippedMigrations(dir: string, count: number): string {
  const folder = join(dir, `migrations-${count}`);
  cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  for (const entry of journal.entries.slice(count)) rmSync(join(folder, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** The position of a migration in the app's journal (0000_init is 0). */
export function migrationIndex(tag: string): number {
  const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag === tag);
  if (index < 0) throw new Error(`no migration ${tag}`);
  return index;
}

export const tables = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((r) => r.name);
const columns = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((r) => r.name);
export const rowCounts = (sqlite: Database.Database, names: string[]) =>
  Object.fromEntries(names.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));

/**
 * A file at `path` migrated by `migrationsFolder` only, holding the rows the
 * demo kindergarten of today's app has in the tables that schema knows.
 * Returns its schema version and the row counts per table; `keep` holds the backends to close.
 */
export async function oldDatabaseWithDemo(
  dir: string,
  path: string,
  migrationsFolder: string,
  keep: Backend[],
  now: () => Date,
): Promise<{ schemaVersion: number; counts: Record<string, number> }> {
  const sourcePath = join(dir, 'source.sqlite');
  const { backend: source } = freshBackend({ dbPath: sourcePath, automaticBackups: false, now });
  keep.push(source);
  const loaded = await callBackend(source, 'setup.loadDemo', {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  source.database().sqlite.pragma('wal_checkpoint(TRUNCATE)');

  const old = openDatabase(path, { migrationsFolder });
  old.sqlite.pragma('foreign_keys = OFF');
  old.sqlite.exec(`ATTACH DATABASE '${sourcePath}' AS src`);
  const oldTables = tables(old.sqlite);
  old.sqlite.transaction(() => {
    for (const table of oldTables) {
      const cols = columns(old.sqlite, table).map((c) => `"${c}"`).join(', ');
      old.sqlite.exec(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}"`);
    }
  })();
  old.sqlite.exec('DETACH DATABASE src');
  const problems = old.sqlite.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) throw new Error(`the old database has broken references: ${JSON.stringify(problems.slice(0, 3))}`);
  const counts = rowCounts(old.sqlite, oldTables);
  const { schemaVersion } = old;
  old.close();
  return { schemaVersion, counts };
}
