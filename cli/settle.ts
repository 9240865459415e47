// `kd settle --db PATH --month YYYY-MM [--confirm --as USERNAME]`: the
// month-end settlement without the window (../shared/contracts/settle-cli.md).
// The same service as the settlement screen (electron/api/settlement), on the
// kindergarten's own file, also while the app has it open (WAL, busy timeout).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError, openDatabase, readJournal } from '../db/open';
import type { Actor, Role } from '../electron/api/define';
import { writeAudit } from '../electron/api/dispatch';
import { ApiError } from '../electron/api/errors';
import { maySettle, type SettlementContext, settlementSetup } from '../electron/api/settlement/context';
import { bookMonth, type MonthView, previewMonth } from '../electron/api/settlement/month';
import { localDate } from '../core/calendar/dates';
import { CliError } from './errors';

const USAGE = 'usage: kd settle --db PATH --month YYYY-MM [--confirm --as USERNAME]';
const MIGRATIONS = join(import.meta.dirname, '..', 'db', 'migrations');

interface SettleArgs {
  db: string;
  month: string;
  confirm: boolean;
  as: string | null;
}

function parseArgs(argv: readonly string[]): SettleArgs {
  const args: SettleArgs = { db: '', month: '', confirm: false, as: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError(`${flag} needs a value (${USAGE})`, `参数 ${flag} 后面缺少取值。`);
      return v;
    };
    if (flag === '--db') args.db = value();
    else if (flag === '--month') args.month = value();
    else if (flag === '--as') args.as = value();
    else if (flag === '--confirm') args.confirm = true;
    else throw new CliError(`unknown option "${flag}" (${USAGE})`, `不认识的参数“${flag}”。`);
  }
  if (!args.db) throw new CliError(`--db PATH is required (${USAGE})`, '请用 --db 指定数据文件。');
  if (!args.month) throw new CliError(`--month YYYY-MM is required (${USAGE})`, '请用 --month 指定结算月份。');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.month)) {
    throw new CliError(`month "${args.month}" is not a month (expected YYYY-MM, e.g. 2026-10)`, `月份“${args.month}”格式有误，应为“年-月”，如 2026-10。`);
  }
  if (args.confirm && args.as === null) throw new CliError(`--confirm needs --as USERNAME, the staff account that books (${USAGE})`, '确认结算须用 --as 指明操作的园长或财务账号。');
  return args;
}

const notKinderDesk = (path: string) =>
  new CliError(`${path} is not a KinderDesk database`, `文件 ${path} 不是园务通的数据文件。`);

/** Refuses a missing file or one that is not ours before the opener could create or migrate anything in it. */
function checkFile(path: string): void {
  if (!existsSync(path)) throw new CliError(`database file not found: ${path}`, `找不到数据文件 ${path}。`);
  if (!statSync(path).isFile()) throw notKinderDesk(path);
  let raw: Database.Database;
  try {
    raw = new Database(path, { fileMustExist: true });
  } catch {
    throw notKinderDesk(path);
  }
  try {
    const tables = new Set(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('__drizzle_migrations') || !tables.has('kindergarten')) throw notKinderDesk(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw notKinderDesk(path);
  } finally {
    raw.close();
  }
}

function openKinderDesk(path: string) {
  checkFile(path);
  try {
    // The app's opener: refuses a newer version, sets WAL and the busy timeout.
    return openDatabase(path, { migrationsFolder: MIGRATIONS });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    if (error.code === 'newer_version') {
      throw new CliError(`${path} was written by a newer version of KinderDesk (this one knows ${readJournal(MIGRATIONS).length} data versions); install the latest version`, error.message);
    }
    throw new CliError(`${path} cannot be opened safely (${error.code})`, error.message);
  }
}

interface StaffRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  classId: number | null;
  disabled: number;
}

function actorFor(sqlite: Database.Database, username: string): Actor {
  const row = sqlite
    .prepare('SELECT id, username, display_name AS displayName, role, class_id AS classId, disabled FROM staff WHERE username = ?')
    .get(username) as StaffRow | undefined;
  if (!row) throw new CliError(`unknown user "${username}"`, `没有登录名为“${username}”的员工账号。`);
  if (row.disabled) throw new CliError(`user "${username}" is disabled`, `员工账号“${username}”已停用。`);
  const actor: Actor = { staffId: row.id, username: row.username, displayName: row.displayName, role: row.role, classId: row.classId };
  if (!maySettle(actor)) {
    throw new CliError(`user "${username}" (${row.role}) may not settle; only an active principal or finance account can`, `“${username}”的角色不能办理月结，只有园长或财务账号可以。`);
  }
  return actor;
}

/** The contract's fields only, in its order. */
function contractShape(view: MonthView) {
  return {
    month: view.month,
    policy: view.policy.id,
    legalWorkingDays: view.legalWorkingDays,
    status: view.status,
    children: view.children.map((c) => ({
      childId: c.childId,
      name: c.name,
      class: c.className,
      billing: c.billing,
      reason: c.reason,
      presentDays: c.presentDays,
      closureDays: c.closureDays,
      lines: c.lines.map(({ item, base, refund, clause, explanation }) => ({ item, base, refund, clause, explanation })),
      total: c.total,
    })),
    unsettled: view.unsettled.map((u) => ({ childId: u.childId, name: u.name, reason: u.reason })),
    total: view.total,
  };
}

function run(args: SettleArgs): MonthView {
  const opened = openKinderDesk(args.db);
  try {
    const { sqlite, db } = opened;
    settlementSetup({ db, sqlite });
    const actor = args.as === null ? null : actorFor(sqlite, args.as);
    const now = () => new Date();
    const ctx: SettlementContext = { db, sqlite, actor, now, today: () => localDate(now()), audit: (entry) => writeAudit(ctx, entry) };
    if (!args.confirm) return previewMonth(ctx, args.month);
    // IMMEDIATE: take the write lock first, so a concurrent writer (the app) waits instead of failing mid-way.
    return sqlite.transaction(() => bookMonth(ctx, args.month, 'cli')).immediate();
  } finally {
    opened.close();
  }
}

export function settle(argv: readonly string[]): string {
  const args = parseArgs(argv);
  try {
    return JSON.stringify(contractShape(run(args)), null, 2);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.messageEn ?? error.message, error.message);
    throw error;
  }
}
