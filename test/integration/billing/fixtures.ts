// Bills for payment tests, until the billing area's issue handler is on main:
// an issued bill, its lines and its ledger entries, inserted as issuing does
// (number from the gap-free counter, one transaction).
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { documentNumber } from '../../../core/billing/payments';
import { postEntries, nextNumber } from '../../../db/billing/ledger';
import { billLines, bills, children, staff } from '../../../db/schema';
import type { Api, ApiName } from '../../../electron/api/index';
import { type Backend, type BackendOptions, createBackend } from '../../../electron/backend';
import { bundledLegalCalendar } from '../../../core/calendar';
import { loadDemo } from '../../../db/demo';
import { actorOf } from '../../../electron/api/auth';
import { hashPassword } from '../../../electron/auth/password';

export const openMoneyBackend = (dbPath: string, options: Partial<BackendOptions> = {}) =>
  createBackend({ dbPath, log: () => {}, now: () => new Date(`${TODAY}T02:00:00.000Z`), automaticBackups: false, ...options });

let template: Promise<string> | undefined;
function demoTemplate(): Promise<string> {
  template ??= (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kd-pay-demo-')), 'demo.sqlite');
    const backend = openMoneyBackend(path);
    const { db, sqlite } = backend.database();
    const calendar = bundledLegalCalendar();
    // The demo kindergarten without its bills and payments: each test books its own.
    sqlite.transaction(() => loadDemo(db, { hashPassword, isWorkingDay: (d) => calendar.isWorkingDay(d), money: false }))();
    // Closing checkpoints the WAL into the file, so a plain copy is complete.
    backend.close();
    return path;
  })();
  return template;
}

/** A session for a demo account without its password check (sign-in is tested in accounts/; scrypt is slow on purpose). */
export function sessionOf(backend: Backend, username: string): string {
  const row = backend.database().db.select().from(staff).where(eq(staff.username, username)).get();
  if (!row) throw new Error(`no account ${username}`);
  return backend.services.sessions.create(actorOf(row));
}

/** Today for the money tests: 1 December 2026, 10:00 in Beijing. */
export const TODAY = '2026-12-01';

/**
 * The demo kindergarten on a fresh file with the clock fixed at TODAY, signed
 * in as each role that handles money (teacher included, to be refused).
 */
export async function moneyBackend(dbPath = join(mkdtempSync(join(tmpdir(), 'kd-pay-')), 'kinderdesk.sqlite')) {
  // The demo is loaded once per test file and copied: each test starts from the same file, quickly.
  copyFileSync(await demoTemplate(), dbPath);
  const backend = openMoneyBackend(dbPath);
  return {
    backend,
    dbPath,
    sessions: {
      principal: sessionOf(backend, 'admin'),
      finance: sessionOf(backend, 'caiwu'),
      desk: sessionOf(backend, 'qiantai'),
      teacher: sessionOf(backend, 'laoshi'),
    },
  };
}

export interface TestLine {
  kind?: 'charge' | 'reduction';
  item: string;
  label: string;
  amountFen: number;
}

export interface TestBill {
  childId: number;
  /** YYYY-MM; a semester bill also gives periodLast. */
  period: string;
  periodLast?: string;
  dueOn: string;
  issuedOn?: string;
  lines: TestLine[];
  creditAppliedFen?: number;
}

export const EDUCATION = (amountFen = 42000): TestLine => ({ item: 'education', label: '保教费', amountFen });
export const MEALS = (amountFen = 27000): TestLine => ({ item: 'meal', label: '伙食费', amountFen });

export function issueTestBill(backend: Backend, spec: TestBill) {
  const { db, sqlite } = backend.database();
  return sqlite.transaction(() => {
    const child = db.select().from(children).where(eq(children.id, spec.childId)).get();
    if (!child) throw new Error(`no child ${spec.childId}`);
    const issuedOn = spec.issuedOn ?? `${spec.period}-01`;
    const year = issuedOn.slice(0, 4);
    const charges = spec.lines.filter((l) => (l.kind ?? 'charge') === 'charge').reduce((s, l) => s + l.amountFen, 0);
    const reductions = spec.lines.filter((l) => l.kind === 'reduction').reduce((s, l) => s + l.amountFen, 0);
    const credit = spec.creditAppliedFen ?? 0;
    const periodLast = spec.periodLast ?? spec.period;
    const bill = db
      .insert(bills)
      .values({
        number: documentNumber('JF', year, nextNumber(db, `bill:${year}`)),
        childId: child.id,
        householdId: child.householdId,
        billing: periodLast === spec.period ? 'monthly' : 'semester',
        periodFirst: spec.period,
        periodLast,
        dueOn: spec.dueOn,
        chargesFen: charges,
        reductionsFen: reductions,
        creditAppliedFen: credit,
        totalDueFen: Math.max(0, charges - reductions - credit),
        runId: randomUUID(),
        issuedAt: `${issuedOn}T01:00:00.000Z`,
      })
      .returning()
      .get();
    const lines = db
      .insert(billLines)
      .values(
        spec.lines.map((l) => ({
          billId: bill.id,
          kind: l.kind ?? 'charge',
          item: l.item,
          label: l.label,
          periodFirst: spec.period,
          periodLast,
          unitPriceFen: l.amountFen,
          amountFen: l.amountFen,
        })),
      )
      .returning()
      .all();
    postEntries(
      db,
      lines.map((l) => ({
        householdId: child.householdId,
        childId: child.id,
        kind: l.kind,
        amountFen: l.kind === 'charge' ? l.amountFen : -l.amountFen,
        entryDate: issuedOn,
        item: l.item,
        periodMonth: spec.period,
        billId: bill.id,
        billLineId: l.id,
        description: `${bill.number} ${l.label}`,
      })),
    );
    return bill;
  })();
}

/** Calls the API as `session`; resolves with the value or rejects with the error body. */
export function caller(backend: Backend, session: string) {
  return async <K extends ApiName>(name: K, input: Api[K]['input'], as = session): Promise<Api[K]['output']> => {
    const result = await backend.dispatcher.call({ name, input, session: as });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { body: result.error });
    return result.value as Api[K]['output'];
  };
}

/** The error body of a call that must fail. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return (e as { body: { code: string; message: string; fields?: Record<string, string> } }).body;
  }
  throw new Error('expected the call to be refused');
}

export const key = () => randomUUID();

/** A household with two children in the demo (siblings), and one with one child. */
export function demoHouseholds(backend: Backend) {
  const { sqlite } = backend.database();
  const siblings = sqlite
    .prepare('SELECT household_id AS id FROM children GROUP BY household_id HAVING count(*) >= 2 ORDER BY household_id LIMIT 1')
    .get() as { id: number };
  const single = sqlite
    .prepare("SELECT household_id AS id FROM children WHERE status = 'enrolled' GROUP BY household_id HAVING count(*) = 1 ORDER BY household_id LIMIT 1")
    .get() as { id: number };
  const kids = (householdId: number) =>
    (sqlite.prepare('SELECT id FROM children WHERE household_id = ? ORDER BY birth_date').all(householdId) as { id: number }[]).map((r) => r.id);
  return { siblings: { id: siblings.id, children: kids(siblings.id) }, single: { id: single.id, children: kids(single.id) } };
}
