import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ACTION_STATUSES } from '../../../core/surveys';
import { surveyActions } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { id, isoDate, optionalText, shortText } from '../schemas';
import { PRINCIPAL } from './access';
import { loadQuestions, loadRun } from './records';

export const actionHandlers = {
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
      status: z.enum(ACTION_STATUSES, '状态不正确'),
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
