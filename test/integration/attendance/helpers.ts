import { demoBackend as demo } from '../../backend';

/** Monday 2026-11-23, 10:00 in Beijing: the demo has roll calls up to Friday the 20th. */
export const NOW = new Date('2026-11-23T02:00:00Z');

/** The demo kindergarten on a school day, with a dump of everything attendance writes. */
export async function demoBackend(now: Date = NOW) {
  const env = await demo({ at: now });
  const { sqlite } = env;
  /** Everything attendance-related, to prove a refused call wrote nothing. */
  const dump = () =>
    JSON.stringify([
      sqlite.prepare('SELECT count(*) AS n, max(recorded_at) AS last FROM attendance').get(),
      ...['attendance_changes', 'closures', 'calendar_years', 'settled_months', 'audit_log'].map((t) =>
        sqlite.prepare(`SELECT count(*) AS n, max(rowid) AS last FROM ${t}`).get(),
      ),
    ]);
  return { ...env, admin: env.session, login: (username: string) => env.signIn(username), dump };
}
