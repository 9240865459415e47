import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { defaultMigrationsFolder } from '../../../electron/backend';
import { ledgerState, startWriter } from './ledger';

const ROWS = 200;
const dir = mkdtempSync(join(tmpdir(), 'kd-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('killed with SIGKILL during a large write', () => {
  it('loses no committed transaction and shows no partial one, three times over', async () => {
    const dbPath = join(dir, 'a.sqlite');
    openDatabase(dbPath, { migrationsFolder: defaultMigrationsFolder() }).close();
    let reportedBefore = 0;
    for (const extra of [150, 400, 90]) {
      const writer = startWriter(dbPath, ROWS);
      await writer.reached(reportedBefore + extra);
      writer.child.kill('SIGKILL');
      expect(await writer.exited).toBe('SIGKILL');
      const lastReported = writer.committed();

      // The app's own opener: integrity check, WAL recovery, migrations check.
      const reopened = openDatabase(dbPath, { migrationsFolder: defaultMigrationsFolder() });
      try {
        const s = ledgerState(reopened.sqlite, ROWS);
        expect(s.maxBatch).toBeGreaterThanOrEqual(lastReported);
        // Whole batches only: numbered 1..max without gaps, each with all its rows, each balanced.
        expect(s.batches).toBe(s.maxBatch);
        expect(s.ledgerBatches).toBe(s.batches);
        expect(s.rows).toBe(s.batches * ROWS);
        expect(s.total).toBe(0);
        expect(s.broken).toEqual([]);
        expect(s.orphans).toBe(0);
        reportedBefore = s.maxBatch;
      } finally {
        reopened.close();
      }
    }
    expect(reportedBefore).toBeGreaterThanOrEqual(640);
  }, 120_000);
});
