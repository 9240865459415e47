import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type AnswerInput,
  answerProblem,
  BUILT_IN_TEMPLATE,
  buildReview,
  type ColumnTarget,
  headline,
  isBlank,
  MAX_COMMENT,
  MAX_IMPORT_ROWS,
  MIN_GROUP,
  mappingProblem,
  QUESTION_KINDS,
  type Question,
  readRows,
  runStats,
  autoMap,
  change,
} from '../../core/surveys';
import {
  children,
  classes,
  guardians,
  semesters,
  surveyActions,
  surveyAnswers,
  surveyCommentTags,
  surveyQuestions,
  surveyResponses,
  surveyRunClasses,
  surveyRuns,
  surveyTemplates,
} from '../../db/schema';
import { base64Bytes, readSheetFile } from '../sheets/read';
import { handler, type HandlerContext } from './define';
import { conflict, invalid, notFound } from './errors';
import { id, isoDate, optionalText, shortText } from './schemas';

/**
 * Satisfaction surveys (issue 7). The principal designs surveys, starts runs
 * and reads the review; the front desk enters and imports questionnaires.
 * Teachers only see how many families of their class have answered: parents
 * judge the teachers here, so teachers neither type answers in nor read them.
 */
const PRINCIPAL = ['principal'] as const;
const ENTRY = ['principal', 'front_desk'] as const;
const ALL = ['principal', 'front_desk', 'teacher'] as const;

const questionInput = z
  .object({
    section: optionalText(30),
    kind: z.enum(QUESTION_KINDS, '题型不正确'),
    text: shortText('题目', 200),
    options: z.array(z.string().trim().min(1, '选项不能为空').max(40, '选项最多 40 个字')).max(12, '选项最多 12 个').default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'rating' && q.options.length !== 5) ctx.addIssue({ code: 'custom', message: `评分题「${q.text}」需要 5 个等级说明`, path: ['options'] });
    if ((q.kind === 'single' || q.kind === 'multi') && q.options.length < 2)
      ctx.addIssue({ code: 'custom', message: `选择题「${q.text}」至少需要 2 个选项`, path: ['options'] });
    if ((q.kind === 'text' || q.kind === 'nps') && q.options.length > 0) ctx.addIssue({ code: 'custom', message: `「${q.text}」不需要选项`, path: ['options'] });
  });

const answersInput = z
  .array(
    z.object({
      questionId: id,
      values: z.array(z.number().int('分值应为整数')).max(12).optional(),
      text: z.string().trim().max(MAX_COMMENT, `意见最多 ${MAX_COMMENT} 字`).optional(),
    }),
  )
  .max(100);

const mappingInput = z
  .array(
    z.union([
      z.object({ question: id }).strict(),
      z.object({ field: z.enum(['class', 'serial', 'ignore']) }).strict(),
    ]),
  )
  .max(200, '列数太多');
const gridInput = z
  .array(z.array(z.string().max(MAX_COMMENT * 2)).max(200))
  .max(MAX_IMPORT_ROWS, `一次最多导入 ${MAX_IMPORT_ROWS} 行`);

function questionRow(row: typeof surveyQuestions.$inferSelect): Question {
  return { id: row.id, section: row.section, kind: row.kind as Question['kind'], text: row.text, options: JSON.parse(row.options) as string[] };
}

function loadQuestions(ctx: HandlerContext, templateId: number): Question[] {
  return ctx.db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.templateId, templateId))
    .orderBy(asc(surveyQuestions.position))
    .all()
    .map(questionRow);
}

function loadRun(ctx: HandlerContext, runId: number) {
  const run = ctx.db.select().from(surveyRuns).where(eq(surveyRuns.id, runId)).get();
  if (!run) throw notFound('这次调查', 'survey run');
  return run;
}

function openRun(ctx: HandlerContext, runId: number) {
  const run = loadRun(ctx, runId);
  if (run.status !== 'open') throw conflict('这次调查已经结束，不能再录入答卷；如需补录，请园长先重新开启。', 'This survey is closed.');
  return run;
}

function runClasses(ctx: HandlerContext, runId: number) {
  return ctx.db
    .select({ id: classes.id, name: classes.name, invited: surveyRunClasses.invited })
    .from(surveyRunClasses)
    .innerJoin(classes, eq(classes.id, surveyRunClasses.classId))
    .where(eq(surveyRunClasses.runId, runId))
    .orderBy(asc(classes.id))
    .all();
}

function isUsed(ctx: HandlerContext, templateId: number) {
  return ctx.db.select({ id: surveyRuns.id }).from(surveyRuns).where(eq(surveyRuns.templateId, templateId)).get() !== undefined;
}

function insertQuestions(ctx: HandlerContext, templateId: number, questions: z.output<typeof questionInput>[]) {
  questions.forEach((q, position) => {
    ctx.db
      .insert(surveyQuestions)
      .values({ templateId, position, section: q.section, kind: q.kind, text: q.text, options: JSON.stringify(q.options) })
      .run();
  });
}

/** The built-in template lives in the database once, so its runs compare with each other. */
function builtInTemplateId(ctx: HandlerContext): number {
  const existing = ctx.db.select({ id: surveyTemplates.id }).from(surveyTemplates).where(eq(surveyTemplates.builtIn, true)).get();
  if (existing) return existing.id;
  const row = ctx.db
    .insert(surveyTemplates)
    .values({ name: BUILT_IN_TEMPLATE.name, description: BUILT_IN_TEMPLATE.description, builtIn: true, createdAt: ctx.now().toISOString() })
    .returning()
    .get();
  insertQuestions(ctx, row.id, BUILT_IN_TEMPLATE.questions);
  ctx.audit({ action: 'survey.template.create', kind: 'record', entity: 'survey_template', entityId: row.id, summary: `启用内置问卷「${row.name}」`, after: row });
  return row.id;
}

function validateAnswers(questions: Question[], answers: AnswerInput[]): AnswerInput[] {
  const byId = new Map(questions.map((q, i) => [q.id, { q, label: `第 ${i + 1} 题` }]));
  const seen = new Set<number>();
  const kept: AnswerInput[] = [];
  for (const a of answers) {
    const entry = byId.get(a.questionId);
    if (!entry) throw invalid('答卷中有不属于本问卷的题目，请刷新后重试', 'An answer belongs to another questionnaire.');
    if (seen.has(a.questionId)) throw invalid(`${entry.label}重复作答`);
    seen.add(a.questionId);
    if (isBlank(a)) continue;
    const problem = answerProblem(entry.q, a, entry.label);
    if (problem) throw invalid(problem);
    kept.push(a);
  }
  if (kept.length === 0) throw invalid('这份答卷没有任何答案，请至少填写一题', 'The response has no answers.');
  return kept;
}

function insertResponse(
  ctx: HandlerContext,
  values: { runId: number; classId: number; source: 'paper' | 'named' | 'import'; responseNo?: number | null; sourceRef?: string | null; householdId?: number | null },
  answers: AnswerInput[],
) {
  const response = ctx.db
    .insert(surveyResponses)
    .values({ ...values, enteredBy: ctx.actor?.staffId ?? null, enteredAt: ctx.now().toISOString() })
    .returning()
    .get();
  const rows = answers.flatMap((a): (typeof surveyAnswers.$inferInsert)[] =>
    a.text !== undefined && a.text.trim() !== ''
      ? [{ responseId: response.id, questionId: a.questionId, value: null, text: a.text.trim() }]
      : (a.values ?? []).map((value) => ({ responseId: response.id, questionId: a.questionId, value, text: null })),
  );
  for (let i = 0; i < rows.length; i += 200) ctx.db.insert(surveyAnswers).values(rows.slice(i, i + 200)).run();
  return response;
}

function previousRun(ctx: HandlerContext, run: typeof surveyRuns.$inferSelect) {
  return ctx.db
    .select()
    .from(surveyRuns)
    .where(
      and(
        eq(surveyRuns.templateId, run.templateId),
        or(lt(surveyRuns.createdAt, run.createdAt), and(eq(surveyRuns.createdAt, run.createdAt), lt(surveyRuns.id, run.id))),
      ),
    )
    .orderBy(desc(surveyRuns.createdAt), desc(surveyRuns.id))
    .get();
}

function runData(ctx: HandlerContext, runId: number) {
  const responses = ctx.db
    .select({ id: surveyResponses.id, classId: surveyResponses.classId, householdId: surveyResponses.householdId })
    .from(surveyResponses)
    .where(eq(surveyResponses.runId, runId))
    .all();
  const answers = ctx.db
    .select({ id: surveyAnswers.id, responseId: surveyAnswers.responseId, questionId: surveyAnswers.questionId, value: surveyAnswers.value, text: surveyAnswers.text })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(eq(surveyResponses.runId, runId))
    .all();
  return { responses, answers };
}

/**
 * Comments leave the backend under a keyed hash instead of their row id:
 * answer ids grow in entry order, so an id would tell which comment came
 * from which numbered paper sheet. The key lives only as long as the
 * process, which is fine for a screen that reloads after every change.
 */
const COMMENT_KEY_SECRET = randomBytes(32);
const commentKey = (answerId: number) => createHmac('sha256', COMMENT_KEY_SECRET).update(String(answerId)).digest('base64url').slice(0, 22);

/**
 * What the audit trail keeps of one questionnaire. In an anonymous run it
 * says who entered which sheet number for which class, but not the answers:
 * the trail is readable by the principal, and answers by sheet would undo
 * both the anonymity and the hiding of classes under MIN_GROUP.
 */
function responseAudit(run: { anonymous: boolean }, response: typeof surveyResponses.$inferSelect, answers: readonly unknown[]) {
  return run.anonymous ? { ...response, answers: `（匿名调查，不记录答案；共 ${answers.length} 项）` } : { ...response, answers };
}

async function readSpreadsheet(fileName: string, base64: string): Promise<string[][]> {
  const { rows } = await readSheetFile(fileName, base64Bytes(base64));
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function importContext(ctx: HandlerContext, runId: number, templateId: number) {
  const existing = ctx.db
    .select({ ref: surveyResponses.sourceRef })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.runId, runId), sql`${surveyResponses.sourceRef} is not null`))
    .all();
  return {
    questions: loadQuestions(ctx, templateId),
    classes: runClasses(ctx, runId),
    existingSerials: new Set(existing.map((r) => r.ref!)),
  };
}

export const surveysHandlers = {
  /** The surveys screen: templates, runs with their response counts, and what a new run can choose from. */
  'surveys.overview': handler({
    access: ALL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const actor = ctx.actor!;
      const templates = ctx.db
        .select({
          id: surveyTemplates.id,
          name: surveyTemplates.name,
          description: surveyTemplates.description,
          builtIn: surveyTemplates.builtIn,
          questions: sql<number>`(select count(*) from survey_questions q where q.template_id = ${surveyTemplates.id})`,
          runs: sql<number>`(select count(*) from survey_runs r where r.template_id = ${surveyTemplates.id})`,
        })
        .from(surveyTemplates)
        .orderBy(asc(surveyTemplates.id))
        .all();
      const teacherClass = actor.role === 'teacher' ? (actor.classId ?? -1) : null;
      const runs = ctx.db
        .select({
          id: surveyRuns.id,
          title: surveyRuns.title,
          templateId: surveyRuns.templateId,
          templateName: surveyTemplates.name,
          semester: semesters.name,
          anonymous: surveyRuns.anonymous,
          status: surveyRuns.status,
          createdAt: surveyRuns.createdAt,
          invited: sql<number>`(select coalesce(sum(invited), 0) from survey_run_classes c where c.run_id = ${surveyRuns.id} and (${teacherClass} is null or c.class_id = ${teacherClass}))`,
          responses: sql<number>`(select count(*) from survey_responses s where s.run_id = ${surveyRuns.id} and (${teacherClass} is null or s.class_id = ${teacherClass}))`,
        })
        .from(surveyRuns)
        .innerJoin(surveyTemplates, eq(surveyTemplates.id, surveyRuns.templateId))
        .innerJoin(semesters, eq(semesters.id, surveyRuns.semesterId))
        .orderBy(desc(surveyRuns.createdAt), desc(surveyRuns.id))
        .all();
      return {
        templates: actor.role === 'teacher' ? [] : templates,
        builtIn: { name: BUILT_IN_TEMPLATE.name, questions: BUILT_IN_TEMPLATE.questions.length, inUse: templates.some((t) => t.builtIn) },
        runs,
        semesters: ctx.db.select({ id: semesters.id, name: semesters.name }).from(semesters).orderBy(asc(semesters.firstMonth)).all(),
        classes: ctx.db.select({ id: classes.id, name: classes.name }).from(classes).where(eq(classes.archived, false)).orderBy(asc(classes.id)).all(),
        today: ctx.today(),
      };
    },
  }),

  'surveys.template': handler({
    access: ENTRY,
    write: false,
    input: z.object({ templateId: z.union([id, z.literal('builtin')]) }),
    run(ctx, input) {
      if (input.templateId === 'builtin') {
        return { id: null, name: BUILT_IN_TEMPLATE.name, description: BUILT_IN_TEMPLATE.description, used: false, questions: BUILT_IN_TEMPLATE.questions.map((q, i) => ({ ...q, id: -(i + 1) })) };
      }
      const t = ctx.db.select().from(surveyTemplates).where(eq(surveyTemplates.id, input.templateId)).get();
      if (!t) throw notFound('问卷', 'questionnaire');
      return { id: t.id, name: t.name, description: t.description, used: isUsed(ctx, t.id), questions: loadQuestions(ctx, t.id) };
    },
  }),

  /** Creates a questionnaire or replaces the questions of one no run has used yet. */
  'surveys.saveTemplate': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({
      templateId: id.optional(),
      name: shortText('问卷名称', 60),
      description: optionalText(300),
      questions: z.array(questionInput).min(1, '问卷至少需要一道题').max(60, '问卷最多 60 道题'),
    }),
    run(ctx, input) {
      if (input.questions.filter((q) => q.kind === 'nps').length > 1) throw invalid('推荐意愿（0～10 分）题最多一道');
      if (input.templateId === undefined) {
        const row = ctx.db
          .insert(surveyTemplates)
          .values({ name: input.name, description: input.description, createdAt: ctx.now().toISOString() })
          .returning()
          .get();
        insertQuestions(ctx, row.id, input.questions);
        ctx.audit({ action: 'survey.template.create', kind: 'record', entity: 'survey_template', entityId: row.id, summary: `新建问卷「${row.name}」`, after: input });
        return { id: row.id };
      }
      const before = ctx.db.select().from(surveyTemplates).where(eq(surveyTemplates.id, input.templateId)).get();
      if (!before) throw notFound('问卷', 'questionnaire');
      if (isUsed(ctx, before.id)) throw conflict('这份问卷已经用于调查，题目不能再改（否则前后两次无法对比）。请“复制为新问卷”后修改。', 'This questionnaire has been used; copy it to change it.');
      const oldQuestions = loadQuestions(ctx, before.id);
      ctx.db.delete(surveyQuestions).where(eq(surveyQuestions.templateId, before.id)).run();
      insertQuestions(ctx, before.id, input.questions);
      ctx.db.update(surveyTemplates).set({ name: input.name, description: input.description }).where(eq(surveyTemplates.id, before.id)).run();
      ctx.audit({
        action: 'survey.template.update',
        kind: 'record',
        entity: 'survey_template',
        entityId: before.id,
        summary: `修改问卷「${input.name}」`,
        before: { ...before, questions: oldQuestions },
        after: input,
      });
      return { id: before.id };
    },
  }),

  'surveys.createRun': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({
      template: z.union([id, z.literal('builtin')]),
      title: shortText('调查名称', 60),
      semesterId: id,
      classIds: z.array(id).min(1, '请至少选择一个班级').max(60),
      anonymous: z.boolean(),
    }),
    run(ctx, input) {
      const templateId = input.template === 'builtin' ? builtInTemplateId(ctx) : input.template;
      if (!ctx.db.select({ id: surveyTemplates.id }).from(surveyTemplates).where(eq(surveyTemplates.id, templateId)).get()) throw notFound('问卷', 'questionnaire');
      if (!ctx.db.select({ id: semesters.id }).from(semesters).where(eq(semesters.id, input.semesterId)).get()) throw notFound('学期', 'term');
      const classIds = [...new Set(input.classIds)];
      const found = ctx.db.select({ id: classes.id }).from(classes).where(and(inArray(classes.id, classIds), eq(classes.archived, false))).all();
      if (found.length !== classIds.length) throw invalid('所选班级中有不存在或已归档的班级，请刷新后重试');
      const run = ctx.db
        .insert(surveyRuns)
        .values({ templateId, title: input.title, semesterId: input.semesterId, anonymous: input.anonymous, createdBy: ctx.actor!.staffId, createdAt: ctx.now().toISOString() })
        .returning()
        .get();
      const counts = ctx.db
        .select({ classId: children.classId, n: sql<number>`count(*)` })
        .from(children)
        .where(and(inArray(children.classId, classIds), eq(children.status, 'enrolled')))
        .groupBy(children.classId)
        .all();
      const invited = new Map(counts.map((c) => [c.classId, c.n]));
      ctx.db
        .insert(surveyRunClasses)
        .values(classIds.map((classId) => ({ runId: run.id, classId, invited: invited.get(classId) ?? 0 })))
        .run();
      ctx.audit({ action: 'survey.run.create', kind: 'record', entity: 'survey_run', entityId: run.id, summary: `发起调查「${run.title}」`, after: { ...run, classIds } });
      return { id: run.id };
    },
  }),

  'surveys.setRunStatus': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({ runId: id, status: z.enum(['open', 'closed']) }),
    run(ctx, input) {
      const before = loadRun(ctx, input.runId);
      if (before.status === input.status) return { status: before.status };
      ctx.db.update(surveyRuns).set({ status: input.status }).where(eq(surveyRuns.id, before.id)).run();
      ctx.audit({
        action: input.status === 'closed' ? 'survey.run.close' : 'survey.run.reopen',
        kind: 'record',
        entity: 'survey_run',
        entityId: before.id,
        summary: `${input.status === 'closed' ? '结束' : '重新开启'}调查「${before.title}」`,
        before: { status: before.status },
        after: { status: input.status },
      });
      return { status: input.status };
    },
  }),

  /** A run for data entry and printing: its questions, classes and what was entered last. */
  'surveys.run': handler({
    access: ENTRY,
    write: false,
    input: z.object({ runId: id }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      const counts = new Map(
        ctx.db
          .select({ classId: surveyResponses.classId, n: sql<number>`count(*)` })
          .from(surveyResponses)
          .where(eq(surveyResponses.runId, run.id))
          .groupBy(surveyResponses.classId)
          .all()
          .map((c) => [c.classId, c.n]),
      );
      const maxNo = ctx.db
        .select({ max: sql<number | null>`max(${surveyResponses.responseNo})` })
        .from(surveyResponses)
        .where(eq(surveyResponses.runId, run.id))
        .get();
      const recent = ctx.db
        .select({
          id: surveyResponses.id,
          responseNo: surveyResponses.responseNo,
          source: surveyResponses.source,
          className: classes.name,
          enteredAt: surveyResponses.enteredAt,
        })
        .from(surveyResponses)
        .innerJoin(classes, eq(classes.id, surveyResponses.classId))
        .where(eq(surveyResponses.runId, run.id))
        .orderBy(desc(surveyResponses.id))
        .limit(8)
        .all();
      const template = ctx.db.select({ name: surveyTemplates.name }).from(surveyTemplates).where(eq(surveyTemplates.id, run.templateId)).get();
      const semester = ctx.db.select({ name: semesters.name }).from(semesters).where(eq(semesters.id, run.semesterId)).get();
      return {
        id: run.id,
        title: run.title,
        templateName: template?.name ?? '',
        semester: semester?.name ?? '',
        anonymous: run.anonymous,
        status: run.status,
        questions: loadQuestions(ctx, run.templateId),
        classes: runClasses(ctx, run.id).map((c) => ({ ...c, responses: counts.get(c.id) ?? 0 })),
        nextResponseNo: (maxNo?.max ?? 0) + 1,
        recent,
      };
    },
  }),

  /** One questionnaire: paper (with its printed number) or, in a named run, for a family. */
  'surveys.addResponse': handler({
    access: ENTRY,
    write: true,
    input: z.object({
      runId: id,
      classId: id,
      responseNo: z.number().int('问卷编号应为整数').min(1, '问卷编号应为正整数').max(99999, '问卷编号最大 99999').optional(),
      householdId: id.optional(),
      answers: answersInput,
    }),
    run(ctx, input) {
      const run = openRun(ctx, input.runId);
      if (!runClasses(ctx, run.id).some((c) => c.id === input.classId)) throw invalid('这个班级不在本次调查范围内');
      if (input.householdId !== undefined) {
        if (run.anonymous) throw invalid('匿名调查不能按家庭录入，答卷不得关联到家庭', 'An anonymous survey cannot be linked to a family.');
        const child = ctx.db
          .select({ id: children.id })
          .from(children)
          .where(and(eq(children.householdId, input.householdId), eq(children.classId, input.classId)))
          .get();
        if (!child) throw invalid('这个家庭在所选班级没有幼儿');
        const done = ctx.db
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(and(eq(surveyResponses.runId, run.id), eq(surveyResponses.householdId, input.householdId)))
          .get();
        if (done) throw conflict('这个家庭已经填写过本次调查');
      } else if (input.responseNo === undefined) {
        throw invalid('请填写问卷上印的编号', 'Enter the number printed on the questionnaire.');
      }
      if (input.responseNo !== undefined) {
        const taken = ctx.db
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(and(eq(surveyResponses.runId, run.id), eq(surveyResponses.responseNo, input.responseNo)))
          .get();
        if (taken) throw conflict(`编号 ${input.responseNo} 的问卷已经录入过了，请核对编号`, `Questionnaire ${input.responseNo} was already entered.`);
      }
      const answers = validateAnswers(loadQuestions(ctx, run.templateId), input.answers);
      const response = insertResponse(
        ctx,
        {
          runId: run.id,
          classId: input.classId,
          source: input.householdId !== undefined ? 'named' : 'paper',
          responseNo: input.responseNo ?? null,
          householdId: input.householdId ?? null,
        },
        answers,
      );
      ctx.audit({
        action: 'survey.response.add',
        kind: 'record',
        entity: 'survey_response',
        entityId: response.id,
        summary: input.responseNo !== undefined ? `录入调查「${run.title}」第 ${input.responseNo} 号问卷` : `按家庭录入调查「${run.title}」答卷`,
        after: responseAudit(run, response, answers),
      });
      return { id: response.id, responseNo: response.responseNo };
    },
  }),

  /** Removes a wrongly entered questionnaire (it can then be entered again). */
  'surveys.deleteResponse': handler({
    access: ENTRY,
    write: true,
    input: z.object({ responseId: id }),
    run(ctx, input) {
      const response = ctx.db.select().from(surveyResponses).where(eq(surveyResponses.id, input.responseId)).get();
      if (!response) throw notFound('这份答卷', 'response');
      const run = openRun(ctx, response.runId);
      const answers = ctx.db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, response.id)).all();
      ctx.db.delete(surveyResponses).where(eq(surveyResponses.id, response.id)).run();
      ctx.audit({
        action: 'survey.response.delete',
        kind: 'record',
        entity: 'survey_response',
        entityId: response.id,
        summary: `删除调查「${run.title}」${response.responseNo ? `第 ${response.responseNo} 号` : ''}答卷`,
        before: responseAudit(run, response, answers),
      });
      return { ok: true };
    },
  }),

  /** Named runs: find a family by a child's name, pinyin or initials. */
  'surveys.findHouseholds': handler({
    access: ENTRY,
    write: false,
    input: z.object({ runId: id, q: z.string().trim().min(1, '请输入幼儿姓名或拼音').max(30) }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      if (run.anonymous) throw invalid('匿名调查不能按家庭录入');
      const classIds = runClasses(ctx, run.id).map((c) => c.id);
      const like = `%${input.q.toLowerCase()}%`;
      const found = ctx.db
        .select({ childId: children.id, childName: children.name, householdId: children.householdId, classId: children.classId, className: classes.name })
        .from(children)
        .innerJoin(classes, eq(classes.id, children.classId))
        .where(
          and(
            inArray(children.classId, classIds),
            eq(children.status, 'enrolled'),
            or(sql`${children.name} like ${like}`, sql`${children.namePinyin} like ${like}`, sql`${children.nameInitials} like ${like}`),
          ),
        )
        .orderBy(asc(children.namePinyin))
        .limit(20)
        .all();
      const households = [...new Set(found.map((f) => f.householdId))];
      const people = households.length
        ? ctx.db.select({ householdId: guardians.householdId, name: guardians.name, relationship: guardians.relationship }).from(guardians).where(inArray(guardians.householdId, households)).all()
        : [];
      const answered = new Set(
        households.length
          ? ctx.db
              .select({ h: surveyResponses.householdId })
              .from(surveyResponses)
              .where(and(eq(surveyResponses.runId, run.id), inArray(surveyResponses.householdId, households)))
              .all()
              .map((r) => r.h)
          : [],
      );
      return found.map((f) => ({
        ...f,
        guardians: people.filter((p) => p.householdId === f.householdId).map((p) => `${p.name}（${p.relationship}）`),
        answered: answered.has(f.householdId),
      }));
    },
  }),

  /** Reads an exported spreadsheet (base64) into rows of text and guesses the column mapping. Writes nothing. */
  'surveys.importRead': handler({
    access: ENTRY,
    write: false,
    input: z.object({
      runId: id,
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1, '请选择文件').max(30_000_000, '文件太大（最大约 20 MB）'),
    }),
    async run(ctx, input) {
      const run = openRun(ctx, input.runId);
      const grid = await readSpreadsheet(input.fileName, input.base64);
      if (grid.length < 2) throw invalid('文件中没有数据行：第一行应为题目，之后每行一份答卷');
      if (grid.length - 1 > MAX_IMPORT_ROWS) throw invalid(`一次最多导入 ${MAX_IMPORT_ROWS} 份答卷，请分批导入`);
      const headers = grid[0]!.map((h) => h.trim());
      const rows = grid.slice(1).map((r) => headers.map((_, i) => (r[i] ?? '').slice(0, MAX_COMMENT * 2)));
      return { headers, rows, mapping: autoMap(headers, loadQuestions(ctx, run.templateId)) };
    },
  }),

  /** Checks every row with a mapping: the preview of what an import would do. Writes nothing. */
  'surveys.importCheck': handler({
    access: ENTRY,
    write: false,
    input: z.object({ runId: id, rows: gridInput, mapping: mappingInput }),
    run(ctx, input) {
      const run = openRun(ctx, input.runId);
      const ic = importContext(ctx, run.id, run.templateId);
      const problem = mappingProblem(input.mapping, ic.questions);
      const rows = problem ? [] : readRows(input.rows, input.mapping as ColumnTarget[], ic);
      return {
        mappingProblem: problem,
        good: rows.filter((r) => r.problems.length === 0).length,
        bad: rows.filter((r) => r.problems.length > 0).map((r) => ({ row: r.row, problems: r.problems })),
      };
    },
  }),

  /**
   * Imports the rows in one transaction. Rows with problems must be listed in
   * skipRows (the person saw them in the preview and chose to leave them out);
   * any other problem refuses the whole import.
   */
  'surveys.importCommit': handler({
    access: ENTRY,
    write: true,
    input: z.object({
      runId: id,
      fileName: z.string().trim().max(200).default(''),
      rows: gridInput,
      mapping: mappingInput,
      skipRows: z.array(z.number().int().min(2)).max(MAX_IMPORT_ROWS).default([]),
    }),
    run(ctx, input) {
      const run = openRun(ctx, input.runId);
      const ic = importContext(ctx, run.id, run.templateId);
      const problem = mappingProblem(input.mapping, ic.questions);
      if (problem) throw invalid(problem);
      const skip = new Set(input.skipRows);
      const rows = readRows(input.rows, input.mapping as ColumnTarget[], ic);
      const unexpected = rows.find((r) => r.problems.length > 0 && !skip.has(r.row));
      if (unexpected) throw invalid(`第 ${unexpected.row} 行有问题：${unexpected.problems.join('；')}。没有导入任何答卷。`, `Row ${unexpected.row} has problems; nothing was imported.`);
      const good = rows.filter((r) => r.problems.length === 0 && !skip.has(r.row));
      if (good.length === 0) throw invalid('没有可导入的答卷');
      for (const r of good) {
        insertResponse(ctx, { runId: run.id, classId: r.classId!, source: 'import', sourceRef: r.serial }, r.answers);
      }
      const skipped = rows.length - good.length;
      ctx.audit({
        action: 'survey.response.import',
        kind: 'record',
        entity: 'survey_run',
        entityId: run.id,
        summary: `从「${input.fileName || '表格'}」导入 ${good.length} 份答卷${skipped ? `，跳过 ${skipped} 行` : ''}`,
        after: { imported: good.length, skippedRows: rows.filter((r) => !good.includes(r)).map((r) => r.row), mapping: input.mapping },
      });
      return { imported: good.length, skipped };
    },
  }),

  /**
   * The principal's review. Everything under MIN_GROUP is removed here, in
   * the backend, and an anonymous run's comments carry no family.
   */
  'surveys.review': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({ runId: id }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      const questions = loadQuestions(ctx, run.templateId);
      const cls = runClasses(ctx, run.id);
      const { responses, answers } = runData(ctx, run.id);
      const prev = previousRun(ctx, run);
      const prevStats = prev ? runStats(questions, runData(ctx, prev.id).answers) : null;
      const review = buildReview({ questions, classes: cls, responses, answers }, prevStats);
      const currentStats = new Map(review.questions.map((s) => [s.questionId, s]));

      const responseById = new Map(responses.map((r) => [r.id, r]));
      const className = new Map(review.classes.map((c) => [c.classId, c.hidden ? null : c.name]));
      const textIds = new Set(questions.filter((q) => q.kind === 'text').map((q) => q.id));
      const comments = answers.filter((a) => textIds.has(a.questionId) && a.text);
      const tags = comments.length
        ? ctx.db.select().from(surveyCommentTags).where(inArray(surveyCommentTags.answerId, comments.map((c) => c.id))).all()
        : [];
      const familyNames = new Map<number, string>();
      if (!run.anonymous) {
        const hh = [...new Set(responses.map((r) => r.householdId).filter((h): h is number => h !== null))];
        if (hh.length) {
          for (const c of ctx.db.select({ h: children.householdId, name: children.name }).from(children).where(inArray(children.householdId, hh)).all()) {
            familyNames.set(c.h, familyNames.has(c.h) ? `${familyNames.get(c.h)}、${c.name}` : c.name);
          }
        }
      }
      // Comment order must not follow entry order, or the first paper sheet could be matched to its comment.
      const commentList = comments
        .map((a) => {
          const r = responseById.get(a.responseId)!;
          return {
            key: commentKey(a.id),
            questionId: a.questionId,
            text: a.text!,
            tags: tags.filter((t) => t.answerId === a.id).map((t) => t.tag),
            className: className.get(r.classId) ?? null,
            family: run.anonymous || r.householdId === null ? null : (familyNames.get(r.householdId) ?? null),
          };
        })
        .sort((x, y) => x.text.localeCompare(y.text, 'zh-CN'));

      const actionRows = ctx.db
        .select()
        .from(surveyActions)
        .where(prev ? inArray(surveyActions.runId, [run.id, prev.id]) : eq(surveyActions.runId, run.id))
        .orderBy(asc(surveyActions.dueDate), asc(surveyActions.id))
        .all();
      const qById = new Map(questions.map((q) => [q.id, q]));
      const actions = actionRows.map((a) => {
        const q = qById.get(a.questionId)!;
        const kind = q.kind === 'nps' ? 'nps' : 'rating';
        const fromPrevious = a.runId !== run.id;
        const before = fromPrevious ? headline(q, prevStats?.get(q.id)) : headline(q, currentStats.get(q.id));
        const after = fromPrevious ? headline(q, currentStats.get(q.id)) : null;
        return { ...a, fromPrevious, questionText: q.text, before, after, change: fromPrevious ? change(before, after, kind) : null };
      });

      const semester = ctx.db.select({ name: semesters.name }).from(semesters).where(eq(semesters.id, run.semesterId)).get();
      return {
        run: { id: run.id, title: run.title, anonymous: run.anonymous, status: run.status, semester: semester?.name ?? '', createdAt: run.createdAt },
        previous: prev ? { id: prev.id, title: prev.title } : null,
        minGroup: MIN_GROUP,
        questions,
        review,
        comments: commentList,
        actions,
        today: ctx.today(),
      };
    },
  }),

  /** Tags one comment of a run; the comment is named by the key the review gave it. */
  'surveys.tagComment': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({
      runId: id,
      key: z.string().min(1).max(40),
      tags: z.array(z.string().trim().min(1, '标签不能为空').max(12, '标签最多 12 个字')).max(8, '一条意见最多 8 个标签'),
    }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      const textIds = loadQuestions(ctx, run.templateId)
        .filter((q) => q.kind === 'text')
        .map((q) => q.id);
      const answer = runData(ctx, run.id).answers.find((a) => textIds.includes(a.questionId) && a.text && commentKey(a.id) === input.key);
      if (!answer) throw notFound('这条意见（请刷新页面后重试）', 'comment');
      const before = ctx.db.select({ tag: surveyCommentTags.tag }).from(surveyCommentTags).where(eq(surveyCommentTags.answerId, answer.id)).all().map((t) => t.tag);
      const after = [...new Set(input.tags)];
      ctx.db.delete(surveyCommentTags).where(eq(surveyCommentTags.answerId, answer.id)).run();
      if (after.length) ctx.db.insert(surveyCommentTags).values(after.map((tag) => ({ answerId: answer.id, tag }))).run();
      // Recorded against the run with the comment's text, never its row id (see commentKey).
      ctx.audit({
        action: 'survey.comment.tag',
        kind: 'record',
        entity: 'survey_run',
        entityId: run.id,
        summary: `意见标签：${after.join('、') || '（无）'}`,
        before: { comment: answer.text, tags: before },
        after: { comment: answer.text, tags: after },
      });
      return { tags: after };
    },
  }),

  /** 持续改进: creates or updates an improvement action on one question of a run. */
  'surveys.saveAction': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({
      id: id.optional(),
      runId: id,
      questionId: id,
      title: shortText('改进措施', 100),
      owner: shortText('负责人', 20),
      dueDate: isoDate,
      status: z.enum(['planned', 'in_progress', 'done'], '状态不正确'),
      note: optionalText(500),
    }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      if (!loadQuestions(ctx, run.templateId).some((q) => q.id === input.questionId)) throw invalid('所选题目不属于这次调查的问卷');
      const now = ctx.now().toISOString();
      const { id: actionId, ...fields } = input;
      if (actionId === undefined) {
        const row = ctx.db.insert(surveyActions).values({ ...fields, createdAt: now, updatedAt: now }).returning().get();
        ctx.audit({ action: 'survey.action.create', kind: 'record', entity: 'survey_action', entityId: row.id, summary: `改进措施：${row.title}（${row.owner}）`, after: row });
        return row;
      }
      const before = ctx.db.select().from(surveyActions).where(eq(surveyActions.id, actionId)).get();
      if (!before || before.runId !== run.id) throw notFound('改进措施', 'action');
      const after = ctx.db
        .update(surveyActions)
        .set({ ...fields, updatedAt: now })
        .where(eq(surveyActions.id, actionId))
        .returning()
        .get();
      ctx.audit({ action: 'survey.action.update', kind: 'record', entity: 'survey_action', entityId: actionId, summary: `更新改进措施：${after.title}`, before, after });
      return after;
    },
  }),
};
