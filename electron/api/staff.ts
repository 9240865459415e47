import { and, asc, count, desc, eq, gte, lt, ne, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditAction } from '../../core/audit/actions';
import { auditLog, classes, staff } from '../../db/schema';
import { auditNames } from './audit-names';
import { hashPassword, verifyPassword } from '../auth/password';
import { readSettings, writeSettings } from '../backup/settings';
import { createStaff, newStaffInput, passwordInput } from './auth';
import { handler, type HandlerContext, ROLES } from './define';
import { conflict, invalid, notFound } from './errors';
import { id, isoDate, whenFieldsValid } from './schemas';

const PRINCIPAL = ['principal'] as const;
export const AUDIT_KINDS = ['money', 'attendance', 'record', 'account', 'system'] as const;

type StaffRow = typeof staff.$inferSelect;

/** What an account looks like to the principal and in the audit trail (never the hash). */
function publicAccount(row: StaffRow) {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    classId: row.classId ?? null,
    disabled: row.disabled,
  };
}

function loadStaff(ctx: HandlerContext, staffId: number): StaffRow {
  const row = ctx.db.select().from(staff).where(eq(staff.id, staffId)).get();
  if (!row) throw notFound('这个账号', 'account');
  return row;
}

/** Teachers belong to one class (they see only its children); other roles to none. */
function classFor(ctx: HandlerContext, role: string, classId: number | null): number | null {
  if (role !== 'teacher') return null;
  if (classId == null) throw invalid('教师账号须选择所带班级', 'A teacher account needs a class.', { classId: '请选择班级' });
  if (!ctx.db.select({ id: classes.id }).from(classes).where(eq(classes.id, classId)).get()) {
    throw invalid('所选班级不存在，请刷新后重试', 'That class does not exist.', { classId: '班级不存在' });
  }
  return classId;
}

/** The kindergarten must always keep a principal who can sign in, or nobody could manage accounts again. */
function assertAnotherPrincipal(ctx: HandlerContext, row: StaffRow, what: string): void {
  if (row.role !== 'principal' || row.disabled) return;
  const others = ctx.db
    .select({ n: count() })
    .from(staff)
    .where(and(eq(staff.role, 'principal'), eq(staff.disabled, false), ne(staff.id, row.id)))
    .get();
  if ((others?.n ?? 0) === 0) {
    throw conflict(`「${row.displayName}」是唯一可用的园长账号，不能${what}。请先为另一位园长创建账号。`, 'This is the last active principal account.');
  }
}

function auditAccount(ctx: HandlerContext, action: AuditAction, row: StaffRow, after: StaffRow, summary: string) {
  ctx.audit({ action, kind: 'account', entity: 'staff', entityId: row.id, summary, before: publicAccount(row), after: publicAccount(after) });
}

const idleMinutes = z
  .number('请填写分钟数')
  .int('请填写整数分钟')
  .min(1, '至少 1 分钟')
  .max(240, '最长 240 分钟（4 小时）');

const auditQuery = z
  .object({
    staffId: id.nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    kind: z.enum(AUDIT_KINDS, '请选择类别').nullable().default(null),
    entity: z.string().trim().max(60).nullable().default(null),
    entityId: z.string().trim().max(60).nullable().default(null),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200, '每页最多 200 条').default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'], ...whenFieldsValid });

/** Start of a Beijing calendar day as the ISO instant the audit trail stores. */
function dayStart(date: string, plusDays = 0): string {
  const start = new Date(`${date}T00:00:00+08:00`);
  return new Date(start.getTime() + plusDays * 24 * 60 * 60 * 1000).toISOString();
}

function parseJson(text: string | null): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const staffHandlers = {
  'staff.list': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const now = ctx.now().toISOString();
      return ctx.db
        .select({
          id: staff.id,
          username: staff.username,
          displayName: staff.displayName,
          role: staff.role,
          classId: staff.classId,
          className: classes.name,
          disabled: staff.disabled,
          lockedUntil: staff.lockedUntil,
          mustChangePassword: staff.mustChangePassword,
          createdAt: staff.createdAt,
        })
        .from(staff)
        .leftJoin(classes, eq(classes.id, staff.classId))
        .orderBy(asc(staff.disabled), asc(staff.id))
        .all()
        .map((row) => ({ ...row, locked: row.lockedUntil != null && row.lockedUntil > now }));
    },
  }),

  'staff.create': handler({
    access: PRINCIPAL,
    write: true,
    input: newStaffInput,
    run(ctx, input) {
      const row = createStaff(ctx, { ...input, classId: classFor(ctx, input.role, input.classId) }, { temporaryPassword: true });
      return { id: row.id, ...publicAccount(row) };
    },
  }),

  /** Name, role and class. The person's sessions end, so the new role applies from the next sign-in. */
  'staff.update': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({
      id,
      displayName: newStaffInput.shape.displayName,
      role: z.enum(ROLES, '请选择角色'),
      classId: id.nullable().default(null),
    }),
    run(ctx, input) {
      const row = loadStaff(ctx, input.id);
      const classId = classFor(ctx, input.role, input.classId);
      if (input.role !== 'principal') assertAnotherPrincipal(ctx, row, '改为其他角色');
      const after = ctx.db
        .update(staff)
        .set({ displayName: input.displayName, role: input.role, classId })
        .where(eq(staff.id, row.id))
        .returning()
        .get();
      auditAccount(ctx, 'staff.update', row, after, `修改账号 ${after.displayName}（${after.username}）`);
      ctx.app.sessions.endAllFor(row.id);
      return { id: after.id, ...publicAccount(after) };
    },
  }),

  /** The principal sets a temporary password, to be replaced at next sign-in; any lockout is lifted and open sessions end. */
  'staff.resetPassword': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({ id, password: passwordInput }),
    run(ctx, input) {
      const row = loadStaff(ctx, input.id);
      ctx.db
        .update(staff)
        .set({ passwordHash: hashPassword(input.password), failedAttempts: 0, lockedUntil: null, mustChangePassword: true })
        .where(eq(staff.id, row.id))
        .run();
      ctx.audit({
        action: 'staff.resetPassword',
        kind: 'account',
        entity: 'staff',
        entityId: row.id,
        summary: `重置 ${row.displayName}（${row.username}）的密码`,
      });
      ctx.app.sessions.endAllFor(row.id);
      return { id: row.id };
    },
  }),

  /** Accounts are disabled, never deleted: the audit trail keeps their names. */
  'staff.disable': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({ id }),
    run(ctx, input) {
      const row = loadStaff(ctx, input.id);
      if (row.disabled) return { id: row.id, ...publicAccount(row) };
      assertAnotherPrincipal(ctx, row, '停用');
      const after = ctx.db.update(staff).set({ disabled: true }).where(eq(staff.id, row.id)).returning().get();
      auditAccount(ctx, 'staff.disable', row, after, `停用账号 ${row.displayName}（${row.username}）`);
      ctx.app.sessions.endAllFor(row.id);
      return { id: after.id, ...publicAccount(after) };
    },
  }),

  'staff.enable': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({ id }),
    run(ctx, input) {
      const row = loadStaff(ctx, input.id);
      if (!row.disabled) return { id: row.id, ...publicAccount(row) };
      const after = ctx.db.update(staff).set({ disabled: false }).where(eq(staff.id, row.id)).returning().get();
      auditAccount(ctx, 'staff.enable', row, after, `启用账号 ${row.displayName}（${row.username}）`);
      return { id: after.id, ...publicAccount(after) };
    },
  }),

  /** Anyone may change their own password (for instance the temporary one the principal set). */
  'staff.changeOwnPassword': handler({
    access: 'signed_in',
    write: true,
    input: z
      .object({ current: z.string().min(1, '请填写当前密码').max(256), password: passwordInput })
      .refine((v) => v.current !== v.password, { message: '新密码不能与当前密码相同', path: ['password'], ...whenFieldsValid }),
    run(ctx, input) {
      const row = loadStaff(ctx, ctx.actor!.staffId);
      if (!verifyPassword(input.current, row.passwordHash)) {
        throw invalid('当前密码不正确', 'The current password is wrong.', { current: '当前密码不正确' });
      }
      ctx.db.update(staff).set({ passwordHash: hashPassword(input.password), mustChangePassword: false }).where(eq(staff.id, row.id)).run();
      ctx.audit({ action: 'staff.changePassword', kind: 'account', entity: 'staff', entityId: row.id, summary: `${row.displayName} 修改了自己的密码` });
      // Whoever signed in with the old password elsewhere is signed out; this session carries on,
      // and the temporary password being gone, may now do what the role allows.
      ctx.app.sessions.endAllFor(row.id, ctx.session);
      if (ctx.session) ctx.app.sessions.lift(ctx.session);
      return { id: row.id };
    },
  }),

  /** Minutes of inactivity before the screen locks; every signed-in screen needs it. */
  'staff.idleLock': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run: (ctx) => ({ minutes: readSettings(ctx.db).idleLockMinutes }),
  }),

  'staff.setIdleLock': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({ minutes: idleMinutes }),
    run(ctx, input) {
      const before = readSettings(ctx.db).idleLockMinutes;
      writeSettings(ctx.db, { idleLockMinutes: input.minutes }, ctx.now().toISOString());
      ctx.audit({
        action: 'settings.idleLock',
        kind: 'system',
        entity: 'settings',
        summary: `无操作自动锁屏：${input.minutes} 分钟`,
        before: { idleLockMinutes: before },
        after: { idleLockMinutes: input.minutes },
      });
      return { minutes: input.minutes };
    },
  }),

  /** The audit trail, newest first, filtered by person, Beijing dates, kind and record. */
  'audit.list': handler({
    access: PRINCIPAL,
    write: false,
    input: auditQuery,
    run(ctx, q) {
      const where: SQL[] = [];
      if (q.staffId != null) where.push(eq(auditLog.staffId, q.staffId));
      if (q.from) where.push(gte(auditLog.at, dayStart(q.from)));
      if (q.to) where.push(lt(auditLog.at, dayStart(q.to, 1)));
      if (q.kind) where.push(eq(auditLog.kind, q.kind));
      if (q.entity) where.push(eq(auditLog.entity, q.entity));
      if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
      const filter = where.length > 0 ? and(...where) : undefined;
      const total = ctx.db.select({ n: count() }).from(auditLog).where(filter).get()?.n ?? 0;
      const rows = ctx.db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          staffId: auditLog.staffId,
          staffName: staff.displayName,
          staffUsername: staff.username,
          action: auditLog.action,
          kind: auditLog.kind,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          summary: auditLog.summary,
          before: auditLog.before,
          after: auditLog.after,
        })
        .from(auditLog)
        .leftJoin(staff, eq(staff.id, auditLog.staffId))
        .where(filter)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .all()
        .map((r) => ({ ...r, before: parseJson(r.before), after: parseJson(r.after) }));
      return { rows, total, page: q.page, pageSize: q.pageSize, names: auditNames(ctx, rows) };
    },
  }),

  /** Choices for the audit filters: every person who ever had an account, and the kinds of record changed. */
  'audit.filters': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const people = ctx.db
        .select({ id: staff.id, displayName: staff.displayName, username: staff.username, disabled: staff.disabled })
        .from(staff)
        .orderBy(asc(staff.id))
        .all();
      const entities = ctx.db
        .select({ entity: auditLog.entity, n: sql<number>`count(*)` })
        .from(auditLog)
        .groupBy(auditLog.entity)
        .orderBy(asc(auditLog.entity))
        .all();
      return { people, entities };
    },
  }),
};
