import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, readJournal } from '../../../db/open';
import { type Backend, createBackend, defaultMigrationsFolder } from '../../../electron/backend';

const migrationsFolder = defaultMigrationsFolder();
let backends: Backend[] = [];
afterEach(() => {
  for (const b of backends) b.close();
  backends = [];
});

/** The migrations as the first release shipped them: 0000_init only. */
function firstReleaseMigrations(dir: string): string {
  const folder = join(dir, 'migrations-0000');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  for (const entry of journal.entries.slice(1)) rmSync(join(folder, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const tables = (sqlite: import('better-sqlite3').Database) =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((r) => r.name);
const columns = (sqlite: import('better-sqlite3').Database, table: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((r) => r.name);

describe('upgrading a database of the first release', () => {
  it('a 0000_init database with the demo kindergarten in it upgrades through every later migration with its rows intact, and bills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-migrate-'));
    const now = () => new Date('2026-12-01T01:00:00Z');
    // The demo kindergarten as today's app makes it, to copy from.
    const source = createBackend({ dbPath: join(dir, 'source.sqlite'), log: () => {}, automaticBackups: false, now });
    backends.push(source);
    const loaded = await source.dispatcher.call({ name: 'setup.loadDemo', input: {} });
    expect(loaded.ok).toBe(true);
    source.database().sqlite.pragma('wal_checkpoint(TRUNCATE)');

    // The first release's database: 0000_init only, holding the demo's rows of the tables that release had.
    const oldPath = join(dir, 'kinderdesk.sqlite');
    const old = openDatabase(oldPath, { migrationsFolder: firstReleaseMigrations(dir) });
    expect(old.schemaVersion).toBe(1);
    old.sqlite.pragma('foreign_keys = OFF');
    old.sqlite.exec(`ATTACH DATABASE '${join(dir, 'source.sqlite')}' AS src`);
    const oldTables = tables(old.sqlite);
    old.sqlite.transaction(() => {
      for (const table of oldTables) {
        const cols = columns(old.sqlite, table).map((c) => `"${c}"`).join(', ');
        old.sqlite.exec(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM src."${table}"`);
      }
    })();
    old.sqlite.exec('DETACH DATABASE src');
    expect(old.sqlite.pragma('foreign_key_check')).toEqual([]);
    const before = Object.fromEntries(oldTables.map((t) => [t, (old.sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    expect(before.children).toBeGreaterThan(100);
    expect(before.attendance).toBeGreaterThan(1000);
    expect(oldTables).not.toContain('bills');
    old.close();

    // Today's app opens it: a copy first, then 0001 (the money tables) and every later migration.
    const upgraded = createBackend({ dbPath: oldPath, log: () => {}, automaticBackups: false, now });
    backends.push(upgraded);
    const { sqlite } = upgraded.database();
    expect(upgraded.database().schemaVersion).toBe(readJournal(migrationsFolder).length);
    expect(upgraded.database().backupPath).not.toBeNull();
    for (const [table, n] of Object.entries(before)) {
      expect((sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n, table).toBe(n);
    }
    expect(tables(sqlite)).toEqual(expect.arrayContaining(['bills', 'ledger_entries', 'fee_standards', 'child_discounts']));
    expect(sqlite.prepare("SELECT count(*) AS n FROM children WHERE health_notes = ''").get()).toEqual({ n: before.children });

    // And the upgraded kindergarten can charge: standards, then December's bills.
    const login = await upgraded.dispatcher.call({ name: 'auth.login', input: { username: 'caiwu', password: 'demo1234' } });
    const session = (login as { value: { session: string } }).value.session;
    const call = (name: string, input: unknown) => upgraded.dispatcher.call({ name, input, session });
    for (const s of [
      { item: 'education', amount: '420.00', unit: 'month', appliesFrom: '2026-09-01' },
      { item: 'education', amount: '500.00', unit: 'month', appliesFrom: '2026-09-01', level: 'toddler' },
      { item: 'meal', amount: '15.00', unit: 'day', appliesFrom: '2026-09-01' },
      { item: 'custody', amount: '100.00', unit: 'month', appliesFrom: '2026-09-01' },
      { item: 'bus', amount: '150.00', unit: 'month', appliesFrom: '2026-09-01' },
    ]) {
      const saved = await call('standards.save', { ...s, idempotencyKey: `migrate-${s.item}-${s.amount}` });
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
    }
    const issued = await call('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: 'migrate-issue-december' });
    expect(issued.ok, JSON.stringify(issued)).toBe(true);
    expect((issued as { value: { first: string } }).value.first).toBe('JF2026-00001');
  }, 60_000);
});
