import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ChildStatus, FeedbackStatus } from '../../../core/families/labels';
import { followUpDue } from '../../../core/families/follow-ups';
import { daysOpen } from '../../../core/families/lifecycle';
import { classNames, staffNames } from '../../../db/queries/families';
import { childStatusChanges, children, contactLog, feedback, guardians, households } from '../../../db/schema';
import { handler } from '../define';
import { notFound } from '../errors';
import { id } from '../schemas';
import { maskIdNumber } from '../../../core/families/id-number';
import { actorOf, EDITORS, householdVisible, ownClass } from './access';
import { householdInput, newFamilyInput } from './inputs';
import { assertChildDates, assertClassOpen, assertIdNumberFree, assertMobileFree, insertChild, insertGuardian } from './records';

export const householdHandlers = {
  /** An opened family record: full phone and ID numbers, history, contact log and feedback. */
  'families.household': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ id }),
    run(ctx, { id: householdId }) {
      householdVisible(ctx, householdId);
      const classId = ownClass(ctx);
      const household = ctx.db.select().from(households).where(eq(households.id, householdId)).get()!;
      const kids = ctx.db
        .select()
        .from(children)
        .where(and(eq(children.householdId, householdId), classId === null ? undefined : eq(children.classId, classId)))
        .orderBy(asc(children.birthDate))
        .all();
      const history = kids.length
        ? ctx.db.select().from(childStatusChanges).where(inArray(childStatusChanges.childId, kids.map((k) => k.id))).orderBy(asc(childStatusChanges.id)).all()
        : [];
      const people = staffNames(ctx.db);
      const names = classNames(ctx.db);
      const contacts = ctx.db
        .select()
        .from(contactLog)
        .where(eq(contactLog.householdId, householdId))
        .orderBy(desc(contactLog.date), desc(contactLog.id))
        .all();
      // Complaints may concern the teacher; they are for the principal and the front desk.
      const isTeacher = actorOf(ctx).role === 'teacher';
      const complaints =
        isTeacher
          ? []
          : ctx.db.select().from(feedback).where(eq(feedback.householdId, householdId)).orderBy(desc(feedback.receivedOn)).all();
      const today = ctx.today();
      const adults = ctx.db.select().from(guardians).where(eq(guardians.householdId, householdId)).orderBy(asc(guardians.id)).all();
      return {
        today,
        household,
        children: kids.map((k) => ({
          ...k,
          // A teacher calls parents (their phones are shown) but has no use for a child's ID number.
          idNumber: isTeacher ? maskIdNumber(k.idNumber) || null : k.idNumber,
          status: k.status as ChildStatus,
          className: names.get(k.classId) ?? '',
          history: history
            .filter((h) => h.childId === k.id)
            .map((h) => ({ ...h, recordedByName: h.recordedBy ? (people.get(h.recordedBy) ?? '') : '' })),
        })),
        guardians: adults,
        contacts: contacts.map((c) => ({
          ...c,
          staffName: people.get(c.staffId) ?? '',
          childName: kids.find((k) => k.id === c.childId)?.name ?? null,
          guardianName: adults.find((g) => g.id === c.guardianId)?.name ?? null,
          followUpDoneByName: c.followUpDoneBy ? (people.get(c.followUpDoneBy) ?? '') : null,
          followUpDue: c.followUpOn && !c.followUpDoneOn ? followUpDue(c.followUpOn, today) : null,
        })),
        feedback: complaints.map((f) => ({
          ...f,
          status: f.status as FeedbackStatus,
          daysOpen: daysOpen(f.receivedOn, f.closedOn, today),
          handlerName: f.handlerId ? (people.get(f.handlerId) ?? '') : null,
        })),
      };
    },
  }),

  /** A new family: its children and guardians at once, or nothing. */
  'families.create': handler({
    access: EDITORS,
    write: true,
    input: newFamilyInput,
    run(ctx, input) {
      input.children.forEach((c, i) => {
        assertClassOpen(ctx, c.classId, `children.${i}.classId`);
        assertChildDates(ctx, c, `children.${i}.`);
        assertIdNumberFree(ctx, c.idNumber, null, `children.${i}.idNumber`);
      });
      input.guardians.forEach((g, i) => {
        assertMobileFree(ctx, g.mobile, null, null, `guardians.${i}.mobile`);
      });
      const household = ctx.db.insert(households).values({ address: input.address, note: input.note }).returning().get();
      ctx.audit({ action: 'household.create', kind: 'record', entity: 'household', entityId: household.id, after: household });
      const kids = input.children.map((c) => insertChild(ctx, household.id, c));
      for (const g of input.guardians) insertGuardian(ctx, household.id, g);
      return { householdId: household.id, childIds: kids.map((k) => k.id) };
    },
  }),

  'families.updateHousehold': handler({
    access: EDITORS,
    write: true,
    input: z.object({ id, value: householdInput }),
    run(ctx, { id: householdId, value }) {
      const before = ctx.db.select().from(households).where(eq(households.id, householdId)).get();
      if (!before) throw notFound('该家庭', 'family');
      const after = ctx.db.update(households).set(value).where(eq(households.id, householdId)).returning().get();
      ctx.audit({ action: 'household.update', kind: 'record', entity: 'household', entityId: householdId, before, after });
      return after;
    },
  }),
};
