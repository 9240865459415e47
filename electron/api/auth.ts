import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { staff } from '../../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { type Actor, handler, type HandlerContext, ROLES } from './define';
import { ApiError, RecordedRefusal } from './errors';
import { shortText } from './schemas';
import type { SessionRestriction } from './sessions';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export const passwordInput = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码最多 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');
export const usernameInput = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{2,32}$/, '登录名为 2～32 位字母、数字、下划线、点或横线');

export const newStaffInput = z.object({
  username: usernameInput,
  displayName: shortText('姓名', 30),
  role: z.enum(ROLES, '请选择角色'),
  classId: z.number().int().positive().nullable().default(null),
  password: passwordInput,
});

type StaffRow = typeof staff.$inferSelect;

export function actorOf(row: StaffRow): Actor {
  return {
    staffId: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Actor['role'],
    classId: row.classId ?? null,
  };
}

/**
 * `temporaryPassword`: the principal chose the password for someone else, who
 * must replace it at first sign-in. The first account, made during setup by
 * its own owner, keeps the password it chose.
 */
export function createStaff(
  ctx: HandlerContext,
  input: z.output<typeof newStaffInput>,
  { temporaryPassword = false }: { temporaryPassword?: boolean } = {},
): StaffRow {
  if (ctx.db.select().from(staff).where(eq(staff.username, input.username)).get()) {
    throw new ApiError('conflict', `登录名「${input.username}」已被使用`, 'That username is taken.');
  }
  const { password, ...rest } = input;
  const row = ctx.db
    .insert(staff)
    .values({ ...rest, passwordHash: hashPassword(password), mustChangePassword: temporaryPassword, createdAt: ctx.now().toISOString() })
    .returning()
    .get();
  ctx.audit({
    action: 'staff.create',
    kind: 'account',
    entity: 'staff',
    entityId: row.id,
    summary: `${row.displayName}（${row.username}）`,
    after: { username: row.username, displayName: row.displayName, role: row.role, classId: row.classId },
  });
  return row;
}

/** Until a temporary password is replaced, the session may only say who it is and change the password. */
export const PASSWORD_CHANGE_RESTRICTION: SessionRestriction = {
  allow: ['auth.me', 'staff.changeOwnPassword'],
  message: '请先设置您自己的新密码，然后才能继续使用。',
  messageEn: 'Choose your own new password before doing anything else.',
};

const WRONG_PASSWORD = ['unauthenticated', '登录名或密码不正确。', 'Wrong username or password.'] as const;
const refused = () => new ApiError(...WRONG_PASSWORD);

/**
 * Checked against when the username is unknown, so that costs one key
 * derivation with the same parameters, like a wrong password. The hash of a
 * random password nobody kept.
 */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$NOI4iP5oBO6LAFtRdQH1kA==$DOuyheq4Ylw0EG+VY3C1+e180KdrXZMD76Jtfgtq+Es=';

export const authHandlers = {
  'auth.login': handler({
    access: 'public',
    // A wrong password is refused with a RecordedRefusal: the failed attempt is committed, then reported.
    write: true,
    input: z.object({ username: z.string().trim().toLowerCase().max(64), password: z.string().max(256) }),
    run(ctx, { username, password }) {
      const row = ctx.db.select().from(staff).where(eq(staff.username, username)).get();
      // Exactly one key derivation whatever the case, so the time taken tells nothing about the account.
      const correct = verifyPassword(password, row?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!row) throw refused();
      const now = ctx.now();
      if (row.lockedUntil && new Date(row.lockedUntil) > now) {
        const minutes = Math.ceil((new Date(row.lockedUntil).getTime() - now.getTime()) / 60000);
        throw new ApiError('forbidden', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试，或请园长重置密码。`, 'Account locked.');
      }
      if (!correct) {
        const failed = row.failedAttempts + 1;
        const lock = failed >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60000).toISOString() : null;
        ctx.db
          .update(staff)
          .set({ failedAttempts: lock ? 0 : failed, lockedUntil: lock })
          .where(eq(staff.id, row.id))
          .run();
        if (lock) {
          ctx.audit({ action: 'staff.locked', kind: 'account', entity: 'staff', entityId: row.id, summary: `连续 ${failed} 次密码错误，锁定 ${LOCKOUT_MINUTES} 分钟` });
          throw new RecordedRefusal('forbidden', `密码连续错误 ${failed} 次，账号已锁定 ${LOCKOUT_MINUTES} 分钟。`, 'Account locked.');
        }
        throw new RecordedRefusal(...WRONG_PASSWORD);
      }
      // Only someone who knows the password learns that the account is disabled.
      if (row.disabled) throw new ApiError('forbidden', '此账号已停用，请联系园长。', 'This account is disabled.');
      if (row.failedAttempts !== 0 || row.lockedUntil !== null) ctx.db.update(staff).set({ failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, row.id)).run();
      const actor = actorOf(row);
      const session = ctx.app.sessions.create(actor, row.mustChangePassword ? PASSWORD_CHANGE_RESTRICTION : undefined);
      return { session, actor, mustChangePassword: row.mustChangePassword };
    },
  }),

  'auth.logout': handler({
    access: 'public',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      if (ctx.session) ctx.app.sessions.end(ctx.session);
      return { signedOut: true };
    },
  }),

  'auth.me': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const actor = ctx.actor!;
      const row = ctx.db.select({ mustChangePassword: staff.mustChangePassword }).from(staff).where(eq(staff.id, actor.staffId)).get();
      return { ...actor, mustChangePassword: row?.mustChangePassword ?? false };
    },
  }),
};
