import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { RUN_STATUSES } from '../../../core/surveys';
import { children, classes, semesters, surveyResponses, surveyRunClasses, surveyRuns, surveyTemplates } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { id, shortText } from '../schemas';
import { ENTRY, PRINCIPAL } from './access';
import { refuseReopenAfterShown } from './anonymity';
import { builtInTemplateId, loadQuestions, loadRun, runClasses } from './records';

export const runHandlers = {
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
    input: z.object({ runId: id, status: z.enum(RUN_STATUSES) }),
    run(ctx, input) {
      const before = loadRun(ctx, input.runId);
      if (before.status === input.status) return { status: before.status };
      if (input.status === 'open') refuseReopenAfterShown(ctx, before);
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
        .leftJoin(classes, eq(classes.id, surveyResponses.classId))
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

};
