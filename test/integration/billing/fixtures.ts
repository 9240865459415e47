// The payments tests run on the demo kindergarten with its bills, as the
// billing area's bill run issued them (db/demo/billing.ts, September to
// November 2026), but without the demo payments: each test pays its own.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { bundledLegalCalendar } from '../../../core/calendar';
import { loadDemo } from '../../../db/demo';
import { staff } from '../../../db/schema';
import type { Api, ApiName } from '../../../electron/api/index';
import { actorOf } from '../../../electron/api/auth';
import { hashPassword } from '../../../electron/auth/password';
import type { Backend } from '../../../electron/backend';
import { callBackend, copyBackend, freshBackend, template } from '../../backend';

/** Today for the money tests: 1 December 2026, 10:00 in Beijing (every demo bill is overdue). */
export const TODAY = '2026-12-01';

const AT = `${TODAY}T02:00:00.000Z`;

/** `instanceLock: false` for a second writer on the same file (as the kd command line is beside the app). The file stays when it closes. */
export const openMoneyBackend = (dbPath: string, { instanceLock = true } = {}) => freshBackend({ dbPath, at: AT, automaticBackups: false, instanceLock }).backend;

/** The demo's bills without its payments, loaded once per test file. */
const demoBills = template(
  (env) => {
    const { db, sqlite } = env.backend.database();
    const calendar = bundledLegalCalendar();
    sqlite.transaction(() => loadDemo(db, { hashPassword, isWorkingDay: (d) => calendar.isWorkingDay(d), payments: false }))();
  },
  { at: AT },
);

/** A session for a demo account without its password check (sign-in is tested in accounts/; scrypt is slow on purpose). */
export function sessionOf(backend: Backend, username: string): string {
  const row = backend.database().db.select().from(staff).where(eq(staff.username, username)).get();
  if (!row) throw new Error(`no account ${username}`);
  return backend.services.sessions.create(actorOf(row));
}

/**
 * The demo kindergarten with its bills on a fresh file, the clock at TODAY,
 * sessions for each role that handles money (teacher included, to be refused).
 * The demo is copied from a template loaded once per test file.
 */
export async function moneyBackend() {
  const env = await copyBackend(demoBills, { at: AT });
  const { backend } = env;
  return {
    backend,
    dbPath: env.dbPath,
    sessions: {
      principal: sessionOf(backend, 'admin'),
      finance: sessionOf(backend, 'caiwu'),
      desk: sessionOf(backend, 'qiantai'),
      teacher: sessionOf(backend, 'laoshi'),
    },
  };
}

/** Calls the API as `session`; resolves with the value or rejects with the error body. */
export function caller(backend: Backend, session: string) {
  return async <K extends ApiName>(name: K, input: Api[K]['input'], as = session): Promise<Api[K]['output']> => {
    const result = await callBackend(backend, name, input, as);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { body: result.error });
    return result.value;
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

/**
 * Demo households billed by the month (one bill per child and month): one
 * with two children, and two with one child each.
 */
export function demoHouseholds(backend: Backend) {
  const { sqlite } = backend.database();
  const monthly = (size: number) =>
    (
      sqlite
        .prepare(
          `SELECT household_id AS id FROM children GROUP BY household_id
           HAVING count(*) = ? AND sum(status = 'enrolled' AND billing_mode = 'monthly') = ? ORDER BY household_id`,
        )
        .all(size, size) as { id: number }[]
    ).map((r) => r.id);
  const kids = (householdId: number) =>
    (sqlite.prepare('SELECT id FROM children WHERE household_id = ? ORDER BY birth_date').all(householdId) as { id: number }[]).map((r) => r.id);
  const [siblings] = monthly(2);
  const [single, other] = monthly(1);
  if (!siblings || !single || !other) throw new Error('the demo has no such households');
  return {
    siblings: { id: siblings, children: kids(siblings) },
    single: { id: single, children: kids(single) },
    other: { id: other, children: kids(other) },
  };
}
