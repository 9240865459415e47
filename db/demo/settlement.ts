// The demo's month-end settlement of September 2026, booked through the same
// service as the settlement screen and `kd settle` (so its refunds, ledger
// entries and settled month are what the app itself books). October and
// November are left for the user: November still has days without roll call.
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../electron/api/define';
import { writeAudit } from '../../electron/api/dispatch';
import type { SettlementContext } from '../../electron/api/settlement/context';
import { bookMonth } from '../../electron/api/settlement/month';
import type { Db } from '../open';
import { staff } from '../schema';

export const DEMO_SETTLED_MONTH = '2026-09';
/** 财务 books September a week into October, as a kindergarten would. */
const BOOKED_AT = new Date('2026-10-09T02:00:00.000Z');

export function loadSettlementDemo(db: Db): { children: number; totalFen: string } {
  const row = db.select().from(staff).where(eq(staff.username, 'caiwu')).get()!;
  const actor: Actor = { staffId: row.id, username: row.username, displayName: row.displayName, role: row.role as Role, classId: row.classId };
  const ctx: SettlementContext = {
    db,
    // drizzle keeps the better-sqlite3 connection it was made with; the service prepares its bulk statements on it.
    sqlite: (db as Db & { $client: Database.Database }).$client,
    actor,
    now: () => BOOKED_AT,
    today: () => BOOKED_AT.toISOString().slice(0, 10),
    audit: (entry) => writeAudit(ctx, entry),
  };
  const view = bookMonth(ctx, DEMO_SETTLED_MONTH, 'app');
  return { children: view.children.length, totalFen: view.total };
}
