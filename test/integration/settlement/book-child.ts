/**
 * A child process for the crash test: books a month through the settlement
 * service, exactly as `kd settle --confirm` does, on a file made by
 * large.ts. A TEMP trigger (connection-only, never in the file) reports the
 * booking's progress: after `mid` ledger rows it prints "mid" and holds the
 * transaction open so the parent can SIGKILL it there; after COMMIT it prints "committed".
 * Usage: node --import tsx book-child.ts <db> <month> <mid>
 */
import { openDatabase } from '../../../db/open';
import type { Actor } from '../../../electron/api/define';
import { writeAudit } from '../../../electron/api/dispatch';
import type { SettlementContext } from '../../../electron/api/settlement/context';
import { bookMonth } from '../../../electron/api/settlement/month';
import { MIGRATIONS } from './large';

const [dbPath, month, midArg] = process.argv.slice(2);
if (!dbPath || !month || !midArg) throw new Error('usage: book-child.ts <db> <month> <mid>');
const mid = Number(midArg);
const { sqlite, db } = openDatabase(dbPath, { migrationsFolder: MIGRATIONS });
const nap = new Int32Array(new SharedArrayBuffer(4));
let rows = 0;
sqlite.function('kd_tick', () => {
  if (++rows === mid) {
    process.stdout.write('mid\n');
    Atomics.wait(nap, 0, 0, 10_000);
  }
  return null;
});
sqlite.exec('CREATE TEMP TRIGGER kd_progress AFTER INSERT ON main.ledger_entries BEGIN SELECT kd_tick(); END');
const actor = sqlite.prepare(`SELECT id AS staffId, username, display_name AS displayName, role, class_id AS classId FROM staff WHERE username = 'caiwu'`).get() as Actor;
const now = () => new Date('2026-12-01T02:00:00Z');
const ctx: SettlementContext = { db, sqlite, actor, now, today: () => '2026-12-01', audit: (entry) => writeAudit(ctx, entry) };
const view = sqlite.transaction(() => bookMonth(ctx, month, 'cli')).immediate();
process.stdout.write(`committed ${view.children.length}\n`);
