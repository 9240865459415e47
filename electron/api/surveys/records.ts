import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AnswerInput, BUILT_IN_TEMPLATE, type Question } from '../../../core/surveys';
import { children, classes, surveyAnswers, surveyQuestions, surveyResponses, surveyRunClasses, surveyRuns, surveyTemplates } from '../../../db/schema';
import type { HandlerContext } from '../define';
import { conflict, notFound } from '../errors';
import type { questionInput } from './inputs';

/** Loads and inserts the survey handlers share. */

export function questionRow(row: typeof surveyQuestions.$inferSelect): Question {
  return { id: row.id, section: row.section, kind: row.kind as Question['kind'], text: row.text, options: JSON.parse(row.options) as string[] };
}

export function loadQuestions(ctx: HandlerContext, templateId: number): Question[] {
  return ctx.db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.templateId, templateId))
    .orderBy(asc(surveyQuestions.position))
    .all()
    .map(questionRow);
}

export function loadRun(ctx: HandlerContext, runId: number) {
  const run = ctx.db.select().from(surveyRuns).where(eq(surveyRuns.id, runId)).get();
  if (!run) throw notFound('这次调查', 'survey run');
  return run;
}

export function openRun(ctx: HandlerContext, runId: number) {
  const run = loadRun(ctx, runId);
  if (run.status !== 'open') throw conflict('这次调查已经结束，不能再录入答卷；如需补录，请园长先重新开启。', 'This survey is closed.');
  return run;
}

export function runClasses(ctx: HandlerContext, runId: number) {
  return ctx.db
    .select({ id: classes.id, name: classes.name, invited: surveyRunClasses.invited })
    .from(surveyRunClasses)
    .innerJoin(classes, eq(classes.id, surveyRunClasses.classId))
    .where(eq(surveyRunClasses.runId, runId))
    .orderBy(asc(classes.id))
    .all();
}

/**
 * The response rate's denominator: the children of the run's classes. A
 * class that gained children while the survey is open counts them too, so
 * the rate never rests on a count taken before the roster was complete.
 */
export function refreshInvited(ctx: HandlerContext, runId: number): void {
  const covered = ctx.db.select({ classId: surveyRunClasses.classId, invited: surveyRunClasses.invited }).from(surveyRunClasses).where(eq(surveyRunClasses.runId, runId)).all();
  if (covered.length === 0) return;
  const enrolled = new Map(
    ctx.db
      .select({ classId: children.classId, n: sql<number>`count(*)` })
      .from(children)
      .where(and(inArray(children.classId, covered.map((c) => c.classId)), eq(children.status, 'enrolled')))
      .groupBy(children.classId)
      .all()
      .map((r) => [r.classId, r.n]),
  );
  for (const c of covered) {
    const n = enrolled.get(c.classId) ?? 0;
    if (n > c.invited) {
      ctx.db.update(surveyRunClasses).set({ invited: n }).where(and(eq(surveyRunClasses.runId, runId), eq(surveyRunClasses.classId, c.classId))).run();
    }
  }
}

/** Responses already in a run by class (null = class not known). */
export function responsesByClass(ctx: HandlerContext, runId: number): Map<number | null, number> {
  const rows = ctx.db
    .select({ classId: surveyResponses.classId, n: sql<number>`count(*)` })
    .from(surveyResponses)
    .where(eq(surveyResponses.runId, runId))
    .groupBy(surveyResponses.classId)
    .all();
  return new Map(rows.map((r) => [r.classId, r.n]));
}

export function isUsed(ctx: HandlerContext, templateId: number) {
  return ctx.db.select({ id: surveyRuns.id }).from(surveyRuns).where(eq(surveyRuns.templateId, templateId)).get() !== undefined;
}

export function insertQuestions(ctx: HandlerContext, templateId: number, questions: z.output<typeof questionInput>[]) {
  questions.forEach((q, position) => {
    ctx.db
      .insert(surveyQuestions)
      .values({ templateId, position, section: q.section, kind: q.kind, text: q.text, options: JSON.stringify(q.options) })
      .run();
  });
}

/** The built-in template lives in the database once, so its runs compare with each other. */
export function builtInTemplateId(ctx: HandlerContext): number {
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

export function insertResponse(
  ctx: HandlerContext,
  values: { runId: number; classId: number | null; source: 'paper' | 'named' | 'import'; responseNo?: number | null; sourceRef?: string | null; householdId?: number | null },
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

export function previousRun(ctx: HandlerContext, run: typeof surveyRuns.$inferSelect) {
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

export function runData(ctx: HandlerContext, runId: number) {
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

export function importContext(ctx: HandlerContext, runId: number, templateId: number) {
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
