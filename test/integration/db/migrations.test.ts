import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../../db/open';
import { type Backend, defaultMigrationsFolder } from '../../../electron/backend';
import { callBackend, freshBackend } from '../../backend';
import { oldDatabaseWithDemo, shippedMigrations, tables } from './migration-sets';

const migrationsFolder = defaultMigrationsFolder();
let backends: Backend[] = [];
afterEach(() => {
  for (const b of backends) b.close();
  backends = [];
});

describe('upgrading a database of the first release', () => {
  it('a 0000_init database with the demo kindergarten in it upgrades through every later migration with its rows intact, and bills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-migrate-'));
    const now = () => new Date('2026-12-01T01:00:00Z');
    // The first release's database: 0000_init only, holding the demo's rows of the tables that release had.
    const oldPath = join(dir, 'kinderdesk.sqlite');
    const { schemaVersion, counts: before } = await oldDatabaseWithDemo(dir, oldPath, shippedMigrations(dir, 1), backends, now);
    expect(schemaVersion).toBe(1);
    const oldTables = Object.keys(before);
    expect(before.children).toBeGreaterThan(100);
    expect(before.attendance).toBeGreaterThan(1000);
    expect(oldTables).not.toContain('bills');

    // Today's app opens it: a copy first, then 0001 (the money tables) and every later migration.
    const { backend: upgraded } = freshBackend({ dbPath: oldPath, automaticBackups: false, now });
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
    const login = await callBackend(upgraded, 'auth.login', { username: 'caiwu', password: 'demo1234' });
    const session = (login as { value: { session: string } }).value.session;
    for (const s of [
      { item: 'education', amount: '420.00', unit: 'month', appliesFrom: '2026-09-01' },
      { item: 'education', amount: '500.00', unit: 'month', appliesFrom: '2026-09-01', level: 'toddler' },
      { item: 'meal', amount: '15.00', unit: 'day', appliesFrom: '2026-09-01' },
      { item: 'custody', amount: '100.00', unit: 'month', appliesFrom: '2026-09-01' },
      { item: 'bus', amount: '150.00', unit: 'month', appliesFrom: '2026-09-01' },
    ] as const) {
      const saved = await callBackend(upgraded, 'standards.save', { ...s, idempotencyKey: `migrate-${s.item}-${s.amount}` }, session);
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
    }
    const issued = await callBackend(upgraded, 'bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: 'migrate-issue-december' }, session);
    expect(issued.ok, JSON.stringify(issued)).toBe(true);
    expect((issued as { value: { first: string } }).value.first).toBe('JF2026-00001');
  }, 60_000);
});
