import { bundledLegalCalendar } from '../../core/calendar';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builtinPolicies } from '../../core/policies';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from '../../db/demo';
import { classes, kindergarten, staff } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { actorOf, createStaff, newStaffInput } from './auth';
import { handler, type HandlerContext } from './define';
import { ApiError } from './errors';
import { classInput, insertSchoolYear, profileInput, schoolYearInput } from './kindergarten';
import { whenFieldsValid } from './schemas';

function isConfigured(ctx: HandlerContext): boolean {
  return ctx.db.select({ id: kindergarten.id }).from(kindergarten).get() !== undefined;
}

function refuseIfConfigured(ctx: HandlerContext) {
  if (isConfigured(ctx) || ctx.db.select({ id: staff.id }).from(staff).get()) {
    throw new ApiError('conflict', '幼儿园已经设置过了，请直接登录。', 'The kindergarten is already set up.');
  }
}

export const setupHandlers = {
  /** What the first screen needs to know before anyone has signed in. */
  'setup.status': handler({
    access: 'public',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const profile = ctx.db.select().from(kindergarten).get();
      return {
        configured: profile !== undefined,
        kindergartenName: profile?.name ?? null,
        isDemo: profile?.isDemo ?? false,
        demoAccounts: profile?.isDemo ? DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD })) : [],
        /** The built-in fee notices the setup form offers, named as in their data. */
        builtinPolicies: builtinPolicies().map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn ?? p.name })),
      };
    },
  }),

  /** First start: profile, school year, classes and the principal's account, all at once. */
  'setup.complete': handler({
    access: 'public',
    write: true,
    input: z.object({
      profile: profileInput,
      schoolYear: schoolYearInput,
      classes: z
        .array(classInput)
        .min(1, '至少设置一个班级')
        .max(60)
        .refine((list) => new Set(list.map((c) => c.name)).size === list.length, { message: '班级名称不能重复', ...whenFieldsValid }),
      principal: newStaffInput.omit({ role: true, classId: true }),
    }),
    run(ctx, input) {
      refuseIfConfigured(ctx);
      ctx.db.insert(kindergarten).values({ id: 1, ...input.profile, isDemo: false }).run();
      insertSchoolYear(ctx, input.schoolYear);
      for (const c of input.classes) ctx.db.insert(classes).values(c).run();
      const principal = createStaff(ctx, { ...input.principal, role: 'principal', classId: null });
      const actor = actorOf(principal);
      ctx.audit({ action: 'setup.complete', kind: 'system', entity: 'kindergarten', entityId: 1, after: input.profile });
      ctx.afterCommit(() => ctx.app.backups.afterFirstSetup());
      return { session: ctx.app.sessions.create(actor), actor };
    },
  }),

  'setup.loadDemo': handler({
    access: 'public',
    write: true,
    input: z.object({}).strict().default({}),
    run(ctx) {
      refuseIfConfigured(ctx);
      const calendar = bundledLegalCalendar();
      const result = loadDemo(ctx.db, { hashPassword, isWorkingDay: (d) => calendar.isWorkingDay(d) });
      const admin = ctx.db.select().from(staff).where(eq(staff.username, 'admin')).get()!;
      const actor = actorOf(admin);
      ctx.audit({ action: 'setup.demo', kind: 'system', entity: 'kindergarten', entityId: 1, summary: `载入演示数据：${result.children} 名幼儿` });
      ctx.afterCommit(() => ctx.app.backups.afterFirstSetup());
      return { session: ctx.app.sessions.create(actor), actor, ...result };
    },
  }),
};
