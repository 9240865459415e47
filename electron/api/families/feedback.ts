import { asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../../../core/families/labels';
import { daysOpen, feedbackChangeProblem } from '../../../core/families/lifecycle';
import { classNames, householdLabels, staffNames } from '../../../db/queries/families';
import { children, classes, feedback, staff } from '../../../db/schema';
import { type HandlerContext, handler } from '../define';
import { invalid, notFound } from '../errors';
import { msg } from '../messages';
import { actorOf, EDITORS, householdVisible, READERS } from './access';
import { feedbackInput, feedbackUpdateInput } from './inputs';

/** The child must be of the family, the class must exist, the handler must be an active account. */
function concerned(ctx: HandlerContext, input: { householdId: number | null; childId: number | null; classId: number | null; handlerId?: number | null }) {
  let classId = input.classId;
  if (input.childId !== null) {
    const child = ctx.db.select().from(children).where(eq(children.id, input.childId)).get();
    if (!child || child.householdId !== input.householdId) {
      throw invalid('所选幼儿不属于这个家庭', 'That child is not in this family.', { childId: msg('幼儿不属于这个家庭', 'Not a child of this family') });
    }
    classId ??= child.classId;
  }
  if (classId !== null && !ctx.db.select({ id: classes.id }).from(classes).where(eq(classes.id, classId)).get()) {
    throw invalid('所选班级不存在，请重新选择', 'Unknown class.', { classId: msg('所选班级不存在', 'Unknown class') });
  }
  if (input.handlerId != null) {
    const person = ctx.db.select().from(staff).where(eq(staff.id, input.handlerId)).get();
    if (!person || person.disabled) throw invalid('所选处理人不存在或已停用', 'That person cannot handle it.', { handlerId: msg('处理人不存在或已停用', 'Not an active account') });
  }
  return classId;
}

export const feedbackHandlers = {
  /** What the complaint form offers: today (the received date and the default deadline) and who it can be given to. */
  'families.feedbackForm': handler({
    access: EDITORS,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const handlers = ctx.db
        .select({ id: staff.id, name: staff.displayName, role: staff.role })
        .from(staff)
        .where(eq(staff.disabled, false))
        .orderBy(asc(staff.id))
        .all();
      return { today: ctx.today(), handlers };
    },
  }),

  'families.addFeedback': handler({
    access: EDITORS,
    write: true,
    input: feedbackInput,
    run(ctx, input) {
      if (input.receivedOn > ctx.today()) {
        throw invalid('收到日期不能晚于今天', 'The date is in the future.', { receivedOn: msg('收到日期不能晚于今天', 'The date is after today') });
      }
      if (input.householdId !== null) householdVisible(ctx, input.householdId);
      const classId = concerned(ctx, input);
      const row = ctx.db
        .insert(feedback)
        .values({ ...input, classId, status: 'open', createdBy: actorOf(ctx).staffId })
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
      concerned(ctx, { householdId: before.householdId, childId: null, classId: null, handlerId: input.handlerId });
      const dueOn = input.dueOn === undefined ? before.dueOn : input.dueOn;
      if (dueOn !== null && dueOn < before.receivedOn) {
        throw invalid('处理期限不能早于收到日期', 'The deadline is before the day it was received.', { dueOn: msg('处理期限不能早于收到日期', 'Before the day it was received') });
      }
      const after = ctx.db
        .update(feedback)
        .set({
          status: input.status,
          reply: input.reply,
          // Reassigned when chosen; otherwise whoever first moves it on becomes its handler.
          handlerId: input.handlerId !== undefined ? input.handlerId : (before.handlerId ?? actorOf(ctx).staffId),
          dueOn,
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
      const classLabels = classNames(ctx.db);
      const childIds = rows.flatMap((r) => (r.childId ? [r.childId] : []));
      const childLabels = new Map(
        childIds.length
          ? ctx.db.select({ id: children.id, name: children.name }).from(children).where(inArray(children.id, [...new Set(childIds)])).all().map((c) => [c.id, c.name] as const)
          : [],
      );
      const today = ctx.today();
      return rows.map((r) => ({
        ...r,
        status: r.status as FeedbackStatus,
        family: r.householdId ? (labels.get(r.householdId) ?? '') : null,
        childName: r.childId ? (childLabels.get(r.childId) ?? '') : null,
        className: r.classId ? (classLabels.get(r.classId) ?? '') : null,
        handlerName: r.handlerId ? (people.get(r.handlerId) ?? '') : null,
        daysOpen: daysOpen(r.receivedOn, r.closedOn, today),
        overdue: r.status !== 'closed' && r.status !== 'replied' && r.dueOn !== null && r.dueOn < today,
      }));
    },
  }),

};
