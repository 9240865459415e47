import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';

import { duplicateSemesterNames, overlappingSemester, semesterProblems } from '../../core/kindergarten/semesters';
import { classes, kindergarten, schoolYears, semesters } from '../../db/schema';
import { readSettings, writeSettings } from '../backup/settings';
import { handler, type HandlerContext } from './define';
import { resolvePolicy } from './policies';
import { conflict, invalid, notFound } from './errors';
import {
  BUILTIN_POLICY_IDS,
  CLASS_LEVELS,
  FUNDING_TYPES,
  GRADES,
  id,
  KINDERGARTEN_TYPES,
  month,
  optionalText,
  shortText,
  text,
  whenFieldsValid,
} from './schemas';
import { DEFAULT_HOW_TO_PAY, HOW_TO_PAY_MAX_CHARS, howToPayProblem } from '../../core/billing/how-to-pay';

/** The profile form; setup offers the built-in notices, Settings also the kindergarten's copies. */
const profileSchema = <P extends z.ZodType<string>>(policyId: P) =>
  z
    .object({
      name: shortText('幼儿园名称', 60),
      type: z.enum(KINDERGARTEN_TYPES, '请选择幼儿园类型'),
      fundingType: z.enum(FUNDING_TYPES).nullable().default(null),
      grade: z.enum(GRADES).nullable().default(null),
      policyId,
    })
    .superRefine((v, ctx) => {
      // NT-1.1: the benchmark and float depend on a public kindergarten's grade and funding.
      if (v.type === 'public' && (!v.fundingType || !v.grade)) {
        ctx.addIssue({ code: 'custom', path: [v.fundingType ? 'grade' : 'fundingType'], message: '公办园请选择经费类型和等级' });
      }
    })
    .transform((v) => (v.type === 'public' ? v : { ...v, fundingType: null, grade: null }));

export const profileInput = profileSchema(z.enum(BUILTIN_POLICY_IDS, '请选择适用的收费文件'));
/**
 * Settings also edit the complaint telephone of the fee board and the 缴费方式
 * printed on fee notices (both kept in app_settings).
 */
const profileUpdateInput = z.intersection(
  profileSchema(z.string().trim().min(1, '请选择适用的收费文件').max(80)),
  z.object({
    complaintPhone: optionalText(60),
    howToPay: text(HOW_TO_PAY_MAX_CHARS, { multiline: true, tooLong: `缴费方式最多 ${HOW_TO_PAY_MAX_CHARS} 个字` })
      .default('')
      .superRefine((v, ctx) => {
        const problem = howToPayProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem[0] });
      }),
  }),
);

const semesterInput = z.object({
  name: shortText('学期名称', 30),
  firstMonth: month,
  lastMonth: month,
});

export const schoolYearInput = z
  .object({
    name: shortText('学年名称', 30),
    semesters: z
      .array(semesterInput)
      .min(1, '至少设置一个学期')
      .max(2, '一个学年最多两个学期')
      .refine((list) => !duplicateSemesterNames(list), { message: '两个学期的名称不能相同', ...whenFieldsValid }),
  })
  .superRefine((v, ctx) => {
    // The rules are core/kindergarten/semesters.ts; zod only places each message next to its field.
    for (const p of semesterProblems(v.semesters)) ctx.addIssue({ code: 'custom', path: ['semesters', p.index, p.field], message: p.message });
  }, whenFieldsValid);

export const classInput = z.object({
  name: shortText('班级名称', 30),
  level: z.enum(CLASS_LEVELS, '请选择年级（托班/小班/中班/大班）'),
  headTeacher: optionalText(30),
});

export function readProfile(ctx: HandlerContext) {
  const profile = ctx.db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get() ?? null;
  const years = ctx.db.select().from(schoolYears).orderBy(asc(schoolYears.name)).all();
  const terms = ctx.db.select().from(semesters).orderBy(asc(semesters.firstMonth)).all();
  const classList = ctx.db.select().from(classes).orderBy(asc(classes.level), asc(classes.name)).all();
  return {
    profile,
    complaintPhone: readSettings(ctx.db).complaintPhone,
    howToPay: readSettings(ctx.db).howToPay,
    defaultHowToPay: DEFAULT_HOW_TO_PAY,
    schoolYears: years.map((y) => ({ ...y, semesters: terms.filter((s) => s.schoolYearId === y.id) })),
    classes: classList,
  };
}

export function insertSchoolYear(ctx: HandlerContext, input: z.output<typeof schoolYearInput>) {
  assertNoOverlap(ctx, input.semesters, null);
  const year = ctx.db.insert(schoolYears).values({ name: input.name }).returning().get();
  for (const s of input.semesters) ctx.db.insert(semesters).values({ ...s, schoolYearId: year.id }).run();
  return year;
}

function assertNoOverlap(
  ctx: HandlerContext,
  incoming: { firstMonth: string; lastMonth: string }[],
  exceptYearId: number | null,
) {
  const existing = ctx.db.select().from(semesters).all();
  for (const s of incoming) {
    const clash = overlappingSemester(s, existing, exceptYearId);
    if (clash) throw invalid(`学期 ${s.firstMonth}～${s.lastMonth} 与已有学期「${clash.name}」（${clash.firstMonth}～${clash.lastMonth}）重叠`);
  }
}

const ADMIN = ['principal'] as const;

export const kindergartenHandlers = {
  'kindergarten.get': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run: (ctx) => readProfile(ctx),
  }),

  /** Today in the kindergarten's time zone, from the backend's clock: forms default their dates to it, never to the page's clock. */
  'kindergarten.today': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run: (ctx) => ({ today: ctx.today() }),
  }),

  'kindergarten.updateProfile': handler({
    access: ADMIN,
    write: true,
    input: profileUpdateInput,
    run(ctx, { complaintPhone, howToPay, ...input }) {
      resolvePolicy(ctx, input.policyId);
      const before = ctx.db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get();
      if (!before) throw notFound('幼儿园资料', 'kindergarten profile');
      const { complaintPhone: phoneBefore, howToPay: howToPayBefore } = readSettings(ctx.db);
      const after = ctx.db
        .update(kindergarten)
        .set({ ...input, updatedAt: ctx.now().toISOString() })
        .where(eq(kindergarten.id, 1))
        .returning()
        .get();
      writeSettings(ctx.db, { complaintPhone, howToPay: howToPay.trim() }, ctx.now().toISOString());
      ctx.audit({
        action: 'kindergarten.update',
        kind: 'record',
        entity: 'kindergarten',
        entityId: 1,
        before: { ...before, complaintPhone: phoneBefore, howToPay: howToPayBefore },
        after: { ...after, complaintPhone, howToPay: howToPay.trim() },
      });
      return after;
    },
  }),

  'kindergarten.addSchoolYear': handler({
    access: ADMIN,
    write: true,
    input: schoolYearInput,
    run(ctx, input) {
      if (ctx.db.select().from(schoolYears).where(eq(schoolYears.name, input.name)).get()) {
        throw conflict(`学年「${input.name}」已存在`);
      }
      const year = insertSchoolYear(ctx, input);
      ctx.audit({ action: 'schoolYear.create', kind: 'record', entity: 'school_year', entityId: year.id, after: input });
      return year;
    },
  }),

  'kindergarten.updateSchoolYear': handler({
    access: ADMIN,
    write: true,
    input: z.object({ id, value: schoolYearInput }),
    run(ctx, { id: yearId, value }) {
      const year = ctx.db.select().from(schoolYears).where(eq(schoolYears.id, yearId)).get();
      if (!year) throw notFound('学年', 'school year');
      const before = ctx.db.select().from(semesters).where(eq(semesters.schoolYearId, yearId)).all();
      assertNoOverlap(ctx, value.semesters, yearId);
      ctx.db.update(schoolYears).set({ name: value.name }).where(eq(schoolYears.id, yearId)).run();
      // Semesters keep their ids (bills will refer to them): update in order, add or drop the tail.
      value.semesters.forEach((s, i) => {
        const existing = before[i];
        if (existing) ctx.db.update(semesters).set(s).where(eq(semesters.id, existing.id)).run();
        else ctx.db.insert(semesters).values({ ...s, schoolYearId: yearId }).run();
      });
      for (const extra of before.slice(value.semesters.length)) {
        try {
          ctx.db.delete(semesters).where(eq(semesters.id, extra.id)).run();
        } catch (error) {
          // Surveys (and later bills) belong to a semester: it cannot go once used.
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
            throw conflict(`学期「${extra.name}」已有记录（如满意度调查）使用，不能删除。`, `Semester "${extra.name}" is in use and cannot be removed.`);
          }
          throw error;
        }
      }
      ctx.audit({
        action: 'schoolYear.update',
        kind: 'record',
        entity: 'school_year',
        entityId: yearId,
        before: { name: year.name, semesters: before },
        after: value,
      });
      return readProfile(ctx);
    },
  }),

  'kindergarten.addClass': handler({
    access: ADMIN,
    write: true,
    input: classInput,
    run(ctx, input) {
      if (ctx.db.select().from(classes).where(eq(classes.name, input.name)).get()) {
        throw conflict(`班级「${input.name}」已存在`);
      }
      const row = ctx.db.insert(classes).values(input).returning().get();
      ctx.audit({ action: 'class.create', kind: 'record', entity: 'class', entityId: row.id, after: row });
      return row;
    },
  }),

  'kindergarten.updateClass': handler({
    access: ADMIN,
    write: true,
    input: z.object({ id, value: classInput.extend({ archived: z.boolean().default(false) }) }),
    run(ctx, { id: classId, value }) {
      const before = ctx.db.select().from(classes).where(eq(classes.id, classId)).get();
      if (!before) throw notFound('班级', 'class');
      const clash = ctx.db.select().from(classes).where(eq(classes.name, value.name)).get();
      if (clash && clash.id !== classId) throw conflict(`班级「${value.name}」已存在`);
      const after = ctx.db.update(classes).set(value).where(eq(classes.id, classId)).returning().get();
      ctx.audit({ action: 'class.update', kind: 'record', entity: 'class', entityId: classId, before, after });
      return after;
    },
  }),
};
