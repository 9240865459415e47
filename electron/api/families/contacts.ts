import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CHANNEL_LABELS } from '../../../core/families/labels';
import { daysOverdue, followUpHorizon, groupFollowUps } from '../../../core/families/follow-ups';
import { householdLabels, staffNames } from '../../../db/queries/families';
import { children, contactLog, guardians } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { msg } from '../messages';
import { id, optionalText } from '../schemas';
import { actorOf, CONTACT_WRITERS, householdVisible, ownClass } from './access';
import { contactInput } from './inputs';

export const contactHandlers = {
  /** A conversation with a family; teachers log them for their own class. */
  'families.addContact': handler({
    access: CONTACT_WRITERS,
    write: true,
    input: contactInput,
    run(ctx, input) {
      householdVisible(ctx, input.householdId);
      if (input.date > ctx.today()) throw invalid('沟通日期不能晚于今天', 'The date is in the future.', { date: '沟通日期不能晚于今天' });
      if (input.childId !== null) {
        const child = ctx.db.select().from(children).where(eq(children.id, input.childId)).get();
        if (!child || child.householdId !== input.householdId) {
          throw invalid('所选幼儿不属于这个家庭', 'That child is not in this family.', { childId: msg('幼儿不属于这个家庭', 'Not a child of this family') });
        }
      }
      if (input.guardianId !== null) {
        const adult = ctx.db.select().from(guardians).where(eq(guardians.id, input.guardianId)).get();
        if (!adult || adult.householdId !== input.householdId) {
          throw invalid('所选家长不属于这个家庭', 'That guardian is not in this family.', { guardianId: msg('家长不属于这个家庭', 'Not a guardian of this family') });
        }
      }
      const row = ctx.db
        .insert(contactLog)
        .values({ ...input, staffId: actorOf(ctx).staffId })
        .returning()
        .get();
      ctx.audit({ action: 'contact.create', kind: 'record', entity: 'contact_log', entityId: row.id, summary: `${CHANNEL_LABELS[input.channel][0]}：${input.topic}`, after: row });
      return row;
    },
  }),

  'families.completeFollowUp': handler({
    access: CONTACT_WRITERS,
    write: true,
    input: z.object({ id, note: optionalText(500) }),
    run(ctx, { id: contactId, note }) {
      const before = ctx.db.select().from(contactLog).where(eq(contactLog.id, contactId)).get();
      if (!before) throw notFound('该沟通记录', 'contact');
      householdVisible(ctx, before.householdId);
      if (!before.followUpOn) throw invalid('这条沟通记录没有设置跟进', 'No follow-up on this entry.');
      if (before.followUpDoneOn) throw invalid(`已于 ${before.followUpDoneOn} 完成跟进`, 'Already followed up.');
      const after = ctx.db
        .update(contactLog)
        .set({ followUpDoneOn: ctx.today(), followUpDoneBy: actorOf(ctx).staffId, followUpNote: note })
        .where(eq(contactLog.id, contactId))
        .returning()
        .get();
      ctx.audit({ action: 'contact.followUp', kind: 'record', entity: 'contact_log', entityId: contactId, summary: `完成跟进：${before.topic}`, before, after });
      return after;
    },
  }),

  /** Follow-ups due today and overdue (and the coming week), for the front desk's day. */
  'families.followUps': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const today = ctx.today();
      const weekAhead = followUpHorizon(today);
      const classId = ownClass(ctx);
      const rows = ctx.db
        .select()
        .from(contactLog)
        .where(
          and(
            isNotNull(contactLog.followUpOn),
            isNull(contactLog.followUpDoneOn),
            lte(contactLog.followUpOn, weekAhead),
            classId === null
              ? undefined
              : sql`${contactLog.householdId} IN (SELECT household_id FROM children WHERE class_id = ${classId})`,
          ),
        )
        .orderBy(asc(contactLog.followUpOn), asc(contactLog.id))
        .all();
      const labels = householdLabels(ctx.db, rows.map((r) => r.householdId));
      const people = staffNames(ctx.db);
      const items = rows.map((r) => ({
        id: r.id,
        householdId: r.householdId,
        family: labels.get(r.householdId) ?? '',
        date: r.date,
        channel: r.channel,
        topic: r.topic,
        summary: r.summary,
        followUpOn: r.followUpOn!,
        staffName: people.get(r.staffId) ?? '',
        daysOverdue: daysOverdue(r.followUpOn!, today),
      }));
      return { today, ...groupFollowUps(items, today) };
    },
  }),

};
