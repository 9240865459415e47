import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { maskIdNumber } from '../../../core/families/id-number';
import { CHILD_STATUS_LABELS, CHILD_STATUSES, type ChildStatus } from '../../../core/families/labels';
import { statusChangeProblem } from '../../../core/families/lifecycle';
import { maskMobile } from '../../../core/families/mobile';
import { classNames } from '../../../db/queries/families';
import { childStatusChanges, children, guardians } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { id } from '../schemas';
import { actorOf, EDITORS, householdVisible, ownClass } from './access';
import { childInput, statusChangeInput } from './inputs';
import { assertChildDates, assertClassOpen, assertIdNumberFree, insertChild, withNameKeys } from './records';

export const childrenHandlers = {
  /** The roster: children with masked contact details, filtered by class and status. */
  'families.children': handler({
    access: 'signed_in',
    write: false,
    input: z.object({
      classId: id.nullable().default(null),
      status: z.enum([...CHILD_STATUSES, 'all'], '请选择状态').default('enrolled'),
    }),
    run(ctx, input) {
      const classId = ownClass(ctx) ?? input.classId;
      const rows = ctx.db
        .select()
        .from(children)
        .where(
          and(
            classId === null ? undefined : eq(children.classId, classId),
            input.status === 'all' ? undefined : eq(children.status, input.status),
          ),
        )
        .orderBy(asc(children.classId), asc(children.namePinyin))
        .all();
      const householdIds = [...new Set(rows.map((r) => r.householdId))];
      const guardianRows =
        householdIds.length === 0
          ? []
          : ctx.db.select().from(guardians).where(inArray(guardians.householdId, householdIds)).orderBy(asc(guardians.id)).all();
      const names = classNames(ctx.db);
      return rows.map((c) => ({
        id: c.id,
        householdId: c.householdId,
        name: c.name,
        gender: c.gender,
        birthDate: c.birthDate,
        idNumberMasked: maskIdNumber(c.idNumber),
        classId: c.classId,
        className: names.get(c.classId) ?? '',
        status: c.status as ChildStatus,
        statusSince: c.statusSince,
        billingMode: c.billingMode,
        reductionCategory: c.reductionCategory,
        guardians: guardianRows
          .filter((g) => g.householdId === c.householdId)
          .map((g) => ({ name: g.name, relationship: g.relationship, mobileMasked: maskMobile(g.mobile) })),
      }));
    },
  }),

  /** A sibling joins the household (and shares its guardians). */
  'families.addChild': handler({
    access: EDITORS,
    write: true,
    input: z.object({ householdId: id, child: childInput }),
    run(ctx, { householdId, child }) {
      householdVisible(ctx, householdId);
      assertClassOpen(ctx, child.classId, 'child.classId');
      assertChildDates(ctx, child, 'child.');
      assertIdNumberFree(ctx, child.idNumber, null, 'child.idNumber');
      return insertChild(ctx, householdId, child);
    },
  }),

  /** Details and fee profile; the status changes only through families.changeStatus. */
  'families.updateChild': handler({
    access: EDITORS,
    write: true,
    input: z.object({ id, value: childInput }),
    run(ctx, { id: childId, value }) {
      const before = ctx.db.select().from(children).where(eq(children.id, childId)).get();
      if (!before) throw notFound('该幼儿', 'child');
      if (value.classId !== before.classId) assertClassOpen(ctx, value.classId, 'value.classId');
      assertChildDates(ctx, value, 'value.');
      assertIdNumberFree(ctx, value.idNumber, childId, 'value.idNumber');
      const after = ctx.db.update(children).set(withNameKeys(value)).where(eq(children.id, childId)).returning().get();
      ctx.audit({ action: 'child.update', kind: 'record', entity: 'child', entityId: childId, summary: `修改幼儿资料 ${after.name}`, before, after });
      return after;
    },
  }),

  /** 在园 / 休学 / 退园 / 毕业 with the date and reason; the history keeps every step. */
  'families.changeStatus': handler({
    access: EDITORS,
    write: true,
    input: statusChangeInput,
    run(ctx, input) {
      const before = ctx.db.select().from(children).where(eq(children.id, input.childId)).get();
      if (!before) throw notFound('该幼儿', 'child');
      const current = { status: before.status as ChildStatus, since: before.statusSince ?? before.enrolledOn };
      const problem = statusChangeProblem(current, input);
      if (problem) throw invalid(problem.message, 'This status change is not allowed.', { [problem.field]: problem.message });
      const after = ctx.db
        .update(children)
        .set({ status: input.status, statusSince: input.effectiveOn, statusReason: input.reason })
        .where(eq(children.id, input.childId))
        .returning()
        .get();
      ctx.db
        .insert(childStatusChanges)
        .values({
          childId: input.childId,
          fromStatus: before.status,
          toStatus: input.status,
          effectiveOn: input.effectiveOn,
          reason: input.reason,
          recordedBy: actorOf(ctx).staffId,
        })
        .run();
      ctx.audit({
        action: 'child.status',
        kind: 'record',
        entity: 'child',
        entityId: input.childId,
        summary: `${before.name}：${CHILD_STATUS_LABELS[current.status][0]} → ${CHILD_STATUS_LABELS[input.status][0]}（${input.effectiveOn}）`,
        before: { status: before.status, statusSince: before.statusSince, statusReason: before.statusReason },
        after: { status: after.status, statusSince: after.statusSince, statusReason: after.statusReason },
      });
      return after;
    },
  }),
};
