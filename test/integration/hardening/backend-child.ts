/**
 * The real backend in a child process, driven over IPC by child.ts, so that
 * a test can give each call a deadline: a handler that loops for ever blocks
 * this process, not the test runner, and the test reports the input.
 * Usage: node --import tsx backend-child.ts <db path> <now ISO> [lock|nolock]
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { freshBackend, type TestBackend } from '../../backend';

const [dbPath, nowArg, lockArg] = process.argv.slice(2);
if (!dbPath || !nowArg) throw new Error('usage: backend-child.ts <db> <now> [lock|nolock]');
const now = new Date(nowArg);

type Message =
  | { id: number; type: 'call'; name: string; input: unknown; session: string | null; as?: string }
  | { id: number; type: 'hash' }
  | { id: number; type: 'query'; sql: string }
  | { id: number; type: 'version' }
  | { id: number; type: 'close' };
const send = (message: unknown) => process.send!(message);

// A process of its own (a call that loops for ever must not block the runner), so it opens its own backend on the test's file.
let env: TestBackend;
try {
  env = freshBackend({
    dbPath,
    at: now,
    automaticBackups: false,
    instanceLock: lockArg !== 'nolock',
    log: (message, error) => send({ type: 'log', message, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  });
} catch (error) {
  send({ type: 'refused', message: error instanceof Error ? error.message : String(error) });
  process.exit(3);
}
const { backend } = env;

/**
 * SQLite's data_version on a connection of its own: it changes whenever any
 * other connection commits, so an unchanged value means nothing was written.
 * Reopened when asked (a restore replaces the file under it).
 */
let probe: Database.Database | null = null;
function dataVersion(): number {
  probe ??= new Database(dbPath!, { readonly: true });
  return Number(probe.pragma('data_version', { simple: true }));
}

/** Every table's rows, hashed: equal before and after a call means the call wrote nothing. */
function hashTables(): string {
  const sqlite = backend.database().sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/**
 * A session for the first account with `role`, made directly in the session
 * store and made again whenever it has ended: a fuzzed call may reset that
 * account's password or sign it out, and the next call must still get in.
 */
const roleSessions = new Map<string, string>();
function sessionAs(role: string): string | null {
  const held = roleSessions.get(role);
  if (held && backend.services.sessions.resolve(held)) return held;
  const row = backend.database().sqlite.prepare('SELECT * FROM staff WHERE role = ? ORDER BY id LIMIT 1').get(role) as
    | { id: number; username: string; display_name: string; class_id: number | null }
    | undefined;
  if (!row) return null;
  const token = backend.services.sessions.create({ staffId: row.id, username: row.username, displayName: row.display_name, role: role as 'principal', classId: row.class_id });
  roleSessions.set(role, token);
  return token;
}

process.on('message', async (message: Message) => {
  if (message.type === 'call') {
    const session = message.as ? sessionAs(message.as) : message.session;
    // Raw: it forwards whatever the fuzz test sends, hostile names and inputs included.
    const cpu = process.cpuUsage();
    const result = await env.callRaw(message.name, message.input, session);
    // The work the call cost this process, which other processes on a busy machine do not inflate.
    const used = process.cpuUsage(cpu);
    if (result.ok) {
      probe?.close();
      probe = null;
    }
    send({ id: message.id, result, cpuMs: (used.user + used.system) / 1000 });
  } else if (message.type === 'hash') {
    send({ id: message.id, hash: hashTables() });
  } else if (message.type === 'version') {
    send({ id: message.id, version: dataVersion() });
  } else if (message.type === 'query') {
    send({ id: message.id, rows: backend.database().sqlite.prepare(message.sql).all() });
  } else if (message.type === 'close') {
    probe?.close();
    backend.close();
    send({ id: message.id, closed: true });
    process.disconnect();
  }
});
send({ type: 'ready' });
