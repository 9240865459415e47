import { z } from 'zod';
import { auditLog } from '../../db/schema';
import type { OpenedDatabase } from '../../db/open';
import type { Actor, AnyHandler, AppServices, AuditEntry, HandlerContext, HandlerMap } from './define';
import { ApiError, type ApiResult } from './errors';
import { localDate } from './time';

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

export function createDispatcher(
  handlers: HandlerMap,
  database: () => OpenedDatabase,
  services: AppServices,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Dispatcher {
  async function call(request: ApiCall): Promise<ApiResult<unknown>> {
    try {
      const def = Object.hasOwn(handlers, request.name) ? handlers[request.name] : undefined;
      if (!def) throw new ApiError('unknown_method', `未知的操作：${String(request.name).slice(0, 80)}`);
      const actor = services.sessions.resolve(request.session ?? null);
      authorize(def, actor);
      const restriction = def.access === 'public' ? null : services.sessions.refusal(request.session, request.name);
      if (restriction) throw new ApiError('forbidden', restriction.message, restriction.messageEn);
      const parsed = def.input.safeParse(request.input);
      if (!parsed.success) throw zodToApiError(parsed.error);
      const committed: (() => void)[] = [];
      const ctx = makeContext(database(), actor, request.session ?? null, services, committed);
      const value = def.write ? runInTransaction(ctx, def, parsed.data) : await def.run(ctx, parsed.data);
      for (const step of committed) {
        try {
          step();
        } catch (error) {
          log(`API ${request.name}: step after commit failed`, error);
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      log(`API ${request.name} failed`, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: '操作没有完成，数据未作更改。请重试；如仍失败，请联系技术支持。',
          messageEn: 'The operation failed and nothing was changed.',
        },
      };
    }
  }
  return { call, handlers };
}

function authorize(def: AnyHandler, actor: Actor | null): void {
  if (def.access === 'public') return;
  if (!actor) throw new ApiError('unauthenticated', '请先登录。', 'Please sign in.');
  if (def.access === 'signed_in') return;
  if (!def.access.includes(actor.role)) {
    throw new ApiError('forbidden', '您的账号没有权限进行此操作。', 'Your account may not do this.');
  }
}

function runInTransaction(ctx: HandlerContext, def: AnyHandler, input: unknown): unknown {
  // IMMEDIATE takes the write lock before the handler reads: a second
  // connection (another backend on the same file) waits for it (busy_timeout)
  // instead of failing half-way when both read first and then write.
  const run = ctx.sqlite.transaction(() => {
    const result = def.run(ctx, input);
    if (result instanceof Promise) {
      throw new Error('A write handler must be synchronous so that it runs inside one transaction');
    }
    return result;
  });
  return run.immediate();
}

function makeContext(
  opened: OpenedDatabase,
  actor: Actor | null,
  session: string | null,
  services: AppServices,
  committed: (() => void)[],
): HandlerContext {
  const ctx: HandlerContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    actor,
    session,
    now: services.now,
    today: () => localDate(services.now()),
    app: services,
    audit: (entry: AuditEntry) => writeAudit(ctx, entry),
    afterCommit: (step) => committed.push(step),
  };
  return ctx;
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

/** Zod issues become one readable sentence plus per-field messages for forms. */
export function zodToApiError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  // The sentence names no field path (a clerk cannot read "children.0.mobile");
  // forms show each message next to its field from `fields`.
  const first = error.issues[0];
  const path = first?.path.join('.') ?? '';
  return new ApiError(
    'invalid_input',
    `输入有误：${first?.message ?? '格式不正确'}`,
    `Invalid input${path ? ` at ${path}` : ''}: ${first?.message ?? ''}`,
    fields,
  );
}
