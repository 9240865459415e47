import { desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../../../core/families/labels';
import { daysOpen, feedbackChangeProblem } from '../../../core/families/lifecycle';
import { householdLabels, staffNames } from '../../../db/queries/families';
import { feedback } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { actorOf, EDITORS, householdVisible, READERS } from './access';
import { feedbackInput, feedbackUpdateInput } from './inputs';

export const feedbackHandlers = {
  'families.addFeedback': handler({
    access: EDITORS,
    write: true,
    input: feedbackInput,
    run(ctx, input) {
      if (input.receivedOn > ctx.today()) throw invalid('收到日期不能晚于今天', 'The date is in the future.', { receivedOn: '收到日期不能晚于今天' });
      if (input.householdId !== null) householdVisible(ctx, input.householdId);
      const row = ctx.db
        .insert(feedback)
        .values({ ...input, status: 'open', createdBy: actorOf(ctx).staffId })
        .returning()
        .get();
      ctx.audit({ action: 'feedback.create', kind: 'record', entity: 'feedback', entityId: row.id, summary: `登记意见：${input.content.slice(0, 30)}`, after: row });
      return row;
    },
  }),

  /** Moves a complaint along 待处理 → 处理中 → 已回复 → 已关闭; whoever moves it becomes its handler. */
  'families.updateFeedback': handler({
    access: EDITORS,
    write: true,
    input: feedbackUpdateInput,
    run(ctx, input) {
      const before = ctx.db.select().from(feedback).where(eq(feedback.id, input.id)).get();
      if (!before) throw notFound('该意见', 'feedback');
      const problem = feedbackChangeProblem(before.status as FeedbackStatus, input.status, input.reply);
      if (problem) throw invalid(problem.message, 'This change is not allowed.', { [problem.field]: problem.message });
      const after = ctx.db
        .update(feedback)
        .set({
          status: input.status,
          reply: input.reply,
          handlerId: before.handlerId ?? actorOf(ctx).staffId,
          closedOn: input.status === 'closed' ? (before.closedOn ?? ctx.today()) : null,
        })
        .where(eq(feedback.id, input.id))
        .returning()
        .get();
      ctx.audit({ action: 'feedback.update', kind: 'record', entity: 'feedback', entityId: input.id, before, after });
      return after;
    },
  }),

  /** 意见与投诉 by status, with how long each has been open. */
  'families.feedback': handler({
    access: READERS,
    write: false,
    input: z.object({ status: z.enum([...FEEDBACK_STATUSES, 'active', 'all'], '请选择状态').default('active') }),
    run(ctx, { status }) {
      const where =
        status === 'all' ? undefined : status === 'active' ? ne(feedback.status, 'closed') : eq(feedback.status, status);
      const rows = ctx.db.select().from(feedback).where(where).orderBy(desc(feedback.receivedOn), desc(feedback.id)).all();
      const labels = householdLabels(ctx.db, rows.flatMap((r) => (r.householdId ? [r.householdId] : [])));
      const people = staffNames(ctx.db);
      const today = ctx.today();
      return rows.map((r) => ({
        ...r,
        status: r.status as FeedbackStatus,
        family: r.householdId ? (labels.get(r.householdId) ?? '') : null,
        handlerName: r.handlerId ? (people.get(r.handlerId) ?? '') : null,
        daysOpen: daysOpen(r.receivedOn, r.closedOn, today),
      }));
    },
  }),

};
