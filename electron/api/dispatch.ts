import { z } from 'zod';
import type { OpenedDatabase, ReadConnection } from '../../db/open';
import { auditLog } from '../../db/schema';
import type { Actor, AnyHandler, AppServices, AuditEntry, HandlerContext, HandlerMap } from './define';
import { classScope } from './class-scope';
import { ApiError, type ApiResult, RecordedRefusal } from './errors';
import { CallGate } from './gate';
import { localDate } from '../../core/calendar/dates';
import { hasEnglish, msg, splitMessage } from './messages';

z.config(z.locales.zhCN());

/** Requests larger than this are refused before parsing (imports send files as base64). */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

export interface ApiCall {
  name: string;
  input: unknown;
  session?: string | null;
}

export interface Dispatcher {
  call(request: ApiCall): Promise<ApiResult<unknown>>;
  readonly handlers: HandlerMap;
}

/** The live connections: the one that writes, and the read-only one read handlers get. A restore replaces both. */
export interface Connections {
  writer: OpenedDatabase;
  reader: ReadConnection;
}

/** Combines area maps into one; a name defined twice is a programming error. */
export function combineHandlers(...maps: HandlerMap[]): HandlerMap {
  const all: HandlerMap = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (name in all) throw new Error(`API handler defined twice: ${name}`);
      all[name] = def;
    }
  }
  return all;
}

const INTERNAL = {
  code: 'internal',
  message: '操作没有完成，数据未作更改。请重试；如仍失败，请联系技术支持。',
  messageEn: 'The operation failed and nothing was changed.',
} as const;

/**
 * How a call runs, by what its handler declares:
 * - `write: true` — one write transaction, begun IMMEDIATE (the write lock is
 *   taken first, so another writer makes it wait, never fail half-way);
 * - `write: false` — on the read-only connection; audit entries it records
 *   are written after it succeeds;
 * - `write: 'exclusive'` — alone, once the calls in flight have finished.
 * A handler's context works only until its synchronous part returns: an
 * async handler cannot touch the database after an await, when a restore
 * may have replaced it.
 */
export function createDispatcher(
  handlers: HandlerMap,
  connections: () => Connections,
  services: AppServices,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Dispatcher {
  const gate = new CallGate();

  async function call(request: ApiCall): Promise<ApiResult<unknown>> {
    try {
      const def = Object.hasOwn(handlers, request.name) ? handlers[request.name] : undefined;
      if (!def) throw new ApiError('unknown_method', `未知的操作：${String(request.name).slice(0, 80)}`);
      // The session is resolved inside the gate: a call queued behind a restore must see the sessions it left.
      const value = await gate.run(def.write === 'exclusive', () => execute(def, request));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      const busy = busyError(error);
      if (busy) return { ok: false, error: busy.toBody() };
      log(`API ${request.name} failed`, error);
      return { ok: false, error: { ...INTERNAL } };
    }
  }

  async function execute(def: AnyHandler, request: ApiCall): Promise<unknown> {
    const session = request.session ?? null;
    const actor = services.sessions.resolve(session);
    authorize(def, actor);
    const restriction = def.access === 'public' ? null : services.sessions.refusal(session, request.name);
    if (restriction) throw new ApiError('forbidden', restriction.message, restriction.messageEn);
    if (tooDeep(request.input)) throw new ApiError('invalid_input', '提交的数据格式不正确（嵌套层数过多）。', 'The input is nested too deeply.');
    const parsed = def.input.safeParse(request.input);
    if (!parsed.success) throw zodToApiError(parsed.error);
    const { writer, reader } = connections();
    const committed: (() => void)[] = [];
    const who = { actor, session, services, committed };
    let value: unknown;
    if (def.write === true) value = inWriteTransaction(writer, who, (ctx) => def.run(ctx, parsed.data));
    else if (def.write === 'exclusive') value = await runSealed(makeContext(writer, who, (entry) => writeAudit({ db: writer.db, actor, now: services.now }, entry)), def, parsed.data);
    else {
      const entries: AuditEntry[] = [];
      value = await runSealed(makeContext(reader, who, (entry) => entries.push(entry)), def, parsed.data);
      if (entries.length > 0) inWriteTransaction(writer, who, (ctx) => entries.forEach(ctx.audit));
    }
    for (const step of committed) {
      try {
        step();
      } catch (error) {
        log(`API ${request.name}: step after commit failed`, error);
      }
    }
    return value;
  }

  return { call, handlers };
}

/**
 * Inputs nest a few levels (rows of cells, answers of a response). Deeper is
 * no form's doing, and is refused before zod walks it; a cycle (possible over
 * Electron's IPC) is deeper than any limit, and the node budget bounds an
 * input that shares one object many times.
 */
const MAX_INPUT_DEPTH = 32;
const MAX_INPUT_NODES = 2_000_000;

function tooDeep(input: unknown): boolean {
  const stack: [unknown, number][] = [[input, 0]];
  for (let visited = 0; stack.length > 0; visited++) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_INPUT_DEPTH || visited > MAX_INPUT_NODES) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

function authorize(def: AnyHandler, actor: Actor | null): void {
  if (def.access === 'public') return;
  if (!actor) throw new ApiError('unauthenticated', '请先登录。', 'Please sign in.');
  if (def.access === 'signed_in') return;
  if (!def.access.includes(actor.role)) {
    throw new ApiError('forbidden', '您的账号没有权限进行此操作。', 'Your account may not do this.');
  }
}

/**
 * Runs `run` in one transaction that takes the write lock at BEGIN. A
 * RecordedRefusal (a wrong password that must still count) commits what was
 * written before it and is then reported.
 */
function inWriteTransaction(writer: OpenedDatabase, who: Caller, run: (ctx: HandlerContext) => unknown): unknown {
  let refusal: RecordedRefusal | null = null;
  const ctx = makeContext(writer, who, (entry) => writeAudit({ db: writer.db, actor: who.actor, now: who.services.now }, entry));
  const value = writer.sqlite
    .transaction(() => {
      try {
        const result = run(ctx);
        if (result instanceof Promise) {
          throw new Error('A write handler must be synchronous so that it runs inside one transaction');
        }
        return result;
      } catch (error) {
        if (!(error instanceof RecordedRefusal)) throw error;
        refusal = error;
        return undefined;
      }
    })
    .immediate();
  seal(ctx);
  if (refusal) throw refusal;
  return value;
}

/** Calls the handler; once its synchronous part has returned, its context no longer reaches the database. */
async function runSealed(ctx: HandlerContext, def: AnyHandler, input: unknown): Promise<unknown> {
  let pending: unknown;
  try {
    pending = def.run(ctx, input);
  } finally {
    seal(ctx);
  }
  return await pending;
}

const SEALED = Symbol('sealed');

function seal(ctx: HandlerContext): void {
  (ctx as unknown as Record<symbol, boolean>)[SEALED] = true;
}

/** Who is calling, and the steps to run once the call's writes have committed. */
interface Caller {
  actor: Actor | null;
  session: string | null;
  services: AppServices;
  committed: (() => void)[];
}

function makeContext(
  connection: { db: OpenedDatabase['db']; sqlite: OpenedDatabase['sqlite'] },
  { actor, session, services, committed }: Caller,
  audit: (entry: AuditEntry) => void,
): HandlerContext {
  const ctx = {
    get db() {
      assertOpen(ctx);
      return connection.db;
    },
    get sqlite() {
      assertOpen(ctx);
      return connection.sqlite;
    },
    actor,
    session,
    now: services.now,
    today: () => localDate(services.now()),
    classScope: classScope(actor),
    app: services,
    audit,
    afterCommit: (step: () => void) => committed.push(step),
  } as HandlerContext;
  return ctx;
}

function assertOpen(ctx: HandlerContext): void {
  if ((ctx as unknown as Record<symbol, boolean>)[SEALED]) {
    throw new Error('A handler used the database after an await (or after it returned); load everything it needs first');
  }
}

/** Appends to the audit trail as `ctx.actor` (the command line writes with it too). */
export function writeAudit(ctx: Pick<HandlerContext, 'db' | 'actor' | 'now'>, entry: AuditEntry): void {
  ctx.db
    .insert(auditLog)
    .values({
      at: ctx.now().toISOString(),
      staffId: ctx.actor?.staffId ?? null,
      action: entry.action,
      kind: entry.kind,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      summary: entry.summary ?? '',
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

/** Another program (the kd command) held the write lock for longer than busy_timeout: say so, not "internal". */
function busyError(error: unknown): ApiError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^SQLITE_(BUSY|LOCKED)/.test(code)) return null;
  return new ApiError(
    'conflict',
    '数据文件正被另一个程序（如 kd 命令）写入，本次操作没有完成，数据未作更改。请稍后重试。',
    'The database is busy with another program; nothing was changed. Try again shortly.',
  );
}

/**
 * Zod issues become one readable sentence plus per-field messages for forms,
 * in both languages: a schema's msg('中文', 'English') is split, and a message
 * written only in Chinese gets zod's own English wording.
 */
export function zodToApiError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!(key in fields)) fields[key] = hasEnglish(issue.message) ? issue.message : msg(issue.message, englishIssue(issue));
  }
  // The sentence names no field path (a clerk cannot read "children.0.mobile");
  // forms show each message next to its field from `fields`.
  const first = splitMessage(Object.values(fields)[0] ?? '');
  return new ApiError('invalid_input', `输入有误：${first.zh || '格式不正确'}`, `Please check: ${first.en ?? 'the input is not valid'}`, fields);
}

const english = z.locales.en();
function englishIssue(issue: z.core.$ZodIssue): string {
  const text = english.localeError(issue as never);
  return typeof text === 'string' ? text : (text?.message ?? 'Not valid');
}
