import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { BUILT_IN_TEMPLATE } from '../../../core/surveys';
import { surveyQuestions, surveyTemplates } from '../../../db/schema';
import { handler } from '../define';
import { conflict, invalid, notFound } from '../errors';
import { id, optionalText, shortText } from '../schemas';
import { ENTRY, PRINCIPAL } from './access';
import { questionInput } from './inputs';
import { insertQuestions, isUsed, loadQuestions } from './records';

export const templateHandlers = {
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

};
