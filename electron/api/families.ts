import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { maskIdNumber } from '../../core/families/id-number';
import {
  BILLING_MODE_LABELS,
  CHANNEL_LABELS,
  CHILD_STATUS_LABELS,
  CHILD_STATUSES,
  type ChildStatus,
  FEEDBACK_STATUSES,
  type FeedbackStatus,
  GENDER_LABELS,
  REDUCTION_LABELS,
} from '../../core/families/labels';
import { daysOpen, feedbackChangeProblem, statusChangeProblem } from '../../core/families/lifecycle';
import { maskMobile } from '../../core/families/mobile';
import { childKey, groupHouseholds, guessMapping, type RosterRecord, validateRoster } from '../../core/families/roster';
import { pinyinKeys } from '../../core/search/pinyin';
import {
  childStatusChanges,
  children,
  classes,
  contactLog,
  feedback,
  guardians,
  households,
  staff,
} from '../../db/schema';
import { type Actor, handler, type HandlerContext } from './define';
import { ApiError, invalid, notFound } from './errors';
import { readRosterFile, writeWorkbook } from './families/excel';
import {
  type ChildInput,
  childInput,
  contactInput,
  feedbackInput,
  feedbackUpdateInput,
  type GuardianInput,
  guardianInput,
  householdInput,
  newFamilyInput,
  rosterRowsInput,
  statusChangeInput,
} from './families/inputs';
import { searchFamilies } from './families/search-cache';
import { id, optionalText, shortText } from './schemas';

/**
 * Children, guardians and households; the contact log and follow-ups;
 * feedback and complaints; search; roster import and export.
 * Front desk and principal edit; teachers see their own class and log
 * conversations with its families; finance reads.
 */
const EDITORS = ['principal', 'front_desk'] as const;
const CONTACT_WRITERS = ['principal', 'front_desk', 'teacher'] as const;
const READERS = ['principal', 'front_desk', 'finance'] as const;

type ChildRow = typeof children.$inferSelect;
type GuardianRow = typeof guardians.$inferSelect;

function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new ApiError('unauthenticated', '请先登录。', 'Please sign in.');
  return ctx.actor;
}

/** A teacher's class (they see only it), or null for roles that see every family. */
function ownClass(ctx: HandlerContext): number | null {
  const actor = actorOf(ctx);
  if (actor.role !== 'teacher') return null;
  // A teacher not assigned to a class sees no family at all.
  return actor.classId ?? -1;
}

function householdVisible(ctx: HandlerContext, householdId: number): void {
  const household = ctx.db.select({ id: households.id }).from(households).where(eq(households.id, householdId)).get();
  if (!household) throw notFound('该家庭', 'family');
  const classId = ownClass(ctx);
  if (classId === null) return;
  const inClass = ctx.db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.householdId, householdId), eq(children.classId, classId)))
    .get();
  if (!inClass) throw new ApiError('forbidden', '只能查看本班幼儿的家庭。', 'Teachers see only their own class.');
}

function assertClassOpen(ctx: HandlerContext, classId: number, field: string): string {
  const row = ctx.db.select().from(classes).where(eq(classes.id, classId)).get();
  if (!row) throw invalid('所选班级不存在，请重新选择', 'Unknown class.', { [field]: '所选班级不存在' });
  if (row.archived) throw invalid(`班级「${row.name}」已归档，不能再编入幼儿`, 'That class is archived.', { [field]: '班级已归档' });
  return row.name;
}

function assertChildDates(ctx: HandlerContext, child: ChildInput, prefix: string): void {
  const today = ctx.today();
  const checks: [keyof ChildInput, string | null, string][] = [
    ['birthDate', child.birthDate, '出生日期不能晚于今天'],
    ['custodyAgreedOn', child.custodyAgreedOn, '托管协议签订日期不能晚于今天'],
    ['busAgreedOn', child.busAgreedOn, '校车协议签订日期不能晚于今天'],
  ];
  for (const [field, value, message] of checks) {
    if (value && value > today) throw invalid(message, `${field} is in the future.`, { [`${prefix}${field}`]: message });
  }
}

function assertIdNumberFree(ctx: HandlerContext, idNumber: string | null, exceptChildId: number | null, field: string) {
  if (!idNumber) return;
  const clash = ctx.db.select().from(children).where(eq(children.idNumber, idNumber)).get();
  if (clash && clash.id !== exceptChildId) {
    throw invalid(`身份证号已登记给幼儿「${clash.name}」`, 'That ID number is already on file.', { [field]: '身份证号已登记' });
  }
}

/** One mobile number belongs to one household: siblings are added to the family that already has it. */
function assertMobileFree(ctx: HandlerContext, mobile: string, householdId: number | null, exceptGuardianId: number | null, field: string) {
  const clash = ctx.db
    .select()
    .from(guardians)
    .where(and(eq(guardians.mobile, mobile), exceptGuardianId === null ? undefined : ne(guardians.id, exceptGuardianId)))
    .get();
  if (clash && clash.householdId !== householdId) {
    throw invalid(
      `手机号 ${maskMobile(mobile)} 已登记为另一个家庭的家长「${clash.name}」。兄弟姐妹请添加到同一个家庭。`,
      'That mobile number belongs to another family.',
      { [field]: '手机号已登记在另一个家庭' },
    );
  }
  if (clash && clash.householdId === householdId) {
    throw invalid(`本家庭已有手机号为 ${maskMobile(mobile)} 的家长「${clash.name}」`, 'Duplicate mobile in this family.', { [field]: '手机号重复' });
  }
}

function childValues(child: ChildInput) {
  const keys = pinyinKeys(child.name);
  return { ...child, namePinyin: keys.full, nameInitials: keys.initials };
}

function guardianValues(g: GuardianInput) {
  const keys = pinyinKeys(g.name);
  return { ...g, namePinyin: keys.full, nameInitials: keys.initials };
}

function insertChild(ctx: HandlerContext, householdId: number, child: ChildInput): ChildRow {
  const row = ctx.db
    .insert(children)
    .values({ ...childValues(child), householdId, status: 'enrolled', statusSince: child.enrolledOn })
    .returning()
    .get();
  ctx.db
    .insert(childStatusChanges)
    .values({ childId: row.id, fromStatus: null, toStatus: 'enrolled', effectiveOn: child.enrolledOn, reason: '入园', recordedBy: actorOf(ctx).staffId })
    .run();
  ctx.audit({ action: 'child.create', kind: 'record', entity: 'child', entityId: row.id, summary: `新增幼儿 ${row.name}`, after: row });
  return row;
}

function insertGuardian(ctx: HandlerContext, householdId: number, g: GuardianInput): GuardianRow {
  const row = ctx.db
    .insert(guardians)
    .values({ ...guardianValues(g), householdId })
    .returning()
    .get();
  ctx.audit({ action: 'guardian.create', kind: 'record', entity: 'guardian', entityId: row.id, summary: `新增家长 ${row.name}`, after: row });
  return row;
}

/** "张三、张小四" — how a household is named in lists (by its children, as the staff know them). */
function householdLabels(ctx: HandlerContext, ids: number[]): Map<number, string> {
  const labels = new Map<number, string>();
  if (ids.length === 0) return labels;
  const rows = ctx.db
    .select({ householdId: children.householdId, name: children.name })
    .from(children)
    .where(inArray(children.householdId, [...new Set(ids)]))
    .orderBy(asc(children.birthDate))
    .all();
  for (const r of rows) labels.set(r.householdId, labels.has(r.householdId) ? `${labels.get(r.householdId)}、${r.name}` : r.name);
  return labels;
}

function staffNames(ctx: HandlerContext): Map<number, string> {
  return new Map(ctx.db.select({ id: staff.id, name: staff.displayName }).from(staff).all().map((s) => [s.id, s.name]));
}

function classNames(ctx: HandlerContext): Map<number, string> {
  return new Map(ctx.db.select({ id: classes.id, name: classes.name }).from(classes).all().map((c) => [c.id, c.name]));
}

function rosterContext(ctx: HandlerContext) {
  const classRows = ctx.db.select().from(classes).where(eq(classes.archived, false)).all();
  const existing = ctx.db.select({ name: children.name, birthDate: children.birthDate, idNumber: children.idNumber }).from(children).all();
  return {
    classes: new Map(classRows.map((c) => [c.name, c.id])),
    existingChildren: new Set(existing.map((c) => childKey(c.name, c.birthDate))),
    existingIdNumbers: new Set(existing.flatMap((c) => (c.idNumber ? [c.idNumber] : []))),
    today: ctx.today(),
  };
}

function previewRows(ctx: HandlerContext, rows: { sheetRow: number; record: RosterRecord }[]) {
  const results = validateRoster(
    rows.map((r) => r.record),
    rosterContext(ctx),
    rows.map((r) => r.sheetRow),
  );
  return rows.map((r, i) => ({ sheetRow: r.sheetRow, problems: results[i]!.problems, clean: results[i]!.clean }));
}

export const familiesHandlers = {
  /** The one search box: name, pinyin, initials or phone digits. */
  'families.search': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ q: z.string().max(50, '搜索内容最多 50 个字'), limit: z.number().int().min(1).max(50).default(20) }),
    run: (ctx, { q, limit }) => searchFamilies(ctx.sqlite, q, limit, ownClass(ctx)),
  }),

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
      const names = classNames(ctx);
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
      const people = staffNames(ctx);
      const names = classNames(ctx);
      const contacts = ctx.db
        .select()
        .from(contactLog)
        .where(eq(contactLog.householdId, householdId))
        .orderBy(desc(contactLog.date), desc(contactLog.id))
        .all();
      // Complaints may concern the teacher; they are for the principal and the front desk.
      const complaints =
        actorOf(ctx).role === 'teacher'
          ? []
          : ctx.db.select().from(feedback).where(eq(feedback.householdId, householdId)).orderBy(desc(feedback.receivedOn)).all();
      const today = ctx.today();
      return {
        household,
        children: kids.map((k) => ({
          ...k,
          status: k.status as ChildStatus,
          className: names.get(k.classId) ?? '',
          history: history
            .filter((h) => h.childId === k.id)
            .map((h) => ({ ...h, recordedByName: h.recordedBy ? (people.get(h.recordedBy) ?? '') : '' })),
        })),
        guardians: ctx.db.select().from(guardians).where(eq(guardians.householdId, householdId)).orderBy(asc(guardians.id)).all(),
        contacts: contacts.map((c) => ({
          ...c,
          staffName: people.get(c.staffId) ?? '',
          childName: kids.find((k) => k.id === c.childId)?.name ?? null,
          followUpDoneByName: c.followUpDoneBy ? (people.get(c.followUpDoneBy) ?? '') : null,
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
      const after = ctx.db.update(children).set(childValues(value)).where(eq(children.id, childId)).returning().get();
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

  'families.addGuardian': handler({
    access: EDITORS,
    write: true,
    input: z.object({ householdId: id, guardian: guardianInput }),
    run(ctx, { householdId, guardian }) {
      householdVisible(ctx, householdId);
      assertMobileFree(ctx, guardian.mobile, householdId, null, 'guardian.mobile');
      return insertGuardian(ctx, householdId, guardian);
    },
  }),

  'families.updateGuardian': handler({
    access: EDITORS,
    write: true,
    input: z.object({ id, value: guardianInput }),
    run(ctx, { id: guardianId, value }) {
      const before = ctx.db.select().from(guardians).where(eq(guardians.id, guardianId)).get();
      if (!before) throw notFound('该家长', 'guardian');
      assertMobileFree(ctx, value.mobile, before.householdId, guardianId, 'value.mobile');
      const after = ctx.db.update(guardians).set(guardianValues(value)).where(eq(guardians.id, guardianId)).returning().get();
      ctx.audit({ action: 'guardian.update', kind: 'record', entity: 'guardian', entityId: guardianId, summary: `修改家长资料 ${after.name}`, before, after });
      return after;
    },
  }),

  /**
   * Takes someone off a family's guardians: a nanny who no longer works for
   * the family, a person entered by mistake. A guardian who may no longer
   * collect the child stays on file with "可接送" unticked (an edit) — the
   * desk must still see who that is. The removed row is kept in the audit log.
   */
  'families.removeGuardian': handler({
    access: EDITORS,
    write: true,
    input: z.object({ id, reason: shortText('移除原因', 200) }),
    run(ctx, { id: guardianId, reason }) {
      const before = ctx.db.select().from(guardians).where(eq(guardians.id, guardianId)).get();
      if (!before) throw notFound('该家长', 'guardian');
      const others = ctx.db
        .select({ id: guardians.id })
        .from(guardians)
        .where(and(eq(guardians.householdId, before.householdId), ne(guardians.id, guardianId)))
        .all();
      if (others.length === 0) {
        throw invalid('每个家庭至少要保留一位家长，请先添加新的家长再移除', 'A family must keep at least one guardian.', { reason: '不能移除唯一的家长' });
      }
      ctx.db.delete(guardians).where(eq(guardians.id, guardianId)).run();
      ctx.audit({
        action: 'guardian.remove',
        kind: 'record',
        entity: 'guardian',
        entityId: guardianId,
        summary: `移除家长 ${before.name}（${before.relationship}）：${reason}`,
        before,
      });
      return { removed: guardianId };
    },
  }),

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
          throw invalid('所选幼儿不属于这个家庭', 'That child is not in this family.', { childId: '幼儿不属于这个家庭' });
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
      const weekAhead = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
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
      const labels = householdLabels(ctx, rows.map((r) => r.householdId));
      const people = staffNames(ctx);
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
        daysOverdue: daysOpen(r.followUpOn!, null, today),
      }));
      return {
        today,
        overdue: items.filter((i) => i.followUpOn < today),
        dueToday: items.filter((i) => i.followUpOn === today),
        upcoming: items.filter((i) => i.followUpOn > today),
      };
    },
  }),

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
      const labels = householdLabels(ctx, rows.flatMap((r) => (r.householdId ? [r.householdId] : [])));
      const people = staffNames(ctx);
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

  /** Step 1 of an import: read the file into a table and guess the columns. Writes nothing. */
  'families.importParse': handler({
    access: EDITORS,
    write: false,
    input: z.object({
      fileName: z.string().trim().min(1, '请选择文件').max(200),
      base64: z.string().min(1, '文件是空的').max(30 * 1024 * 1024, '文件太大（最大约 20 MB）'),
    }),
    async run(_ctx, { fileName, base64 }) {
      const table = await readRosterFile(fileName, base64);
      return { ...table, mapping: guessMapping(table.headers) };
    },
  }),

  /** Step 2: every row's problems, against the classes and children on file. Writes nothing. */
  'families.importPreview': handler({
    access: EDITORS,
    write: false,
    input: z.object({ rows: rosterRowsInput }),
    run(ctx, { rows }) {
      return previewRows(ctx, rows).map(({ sheetRow, problems, clean }) => ({ sheetRow, problems, ok: clean !== null }));
    },
  }),

  /** Step 3: all rows in one transaction, or none if any row still has a problem. */
  'families.importCommit': handler({
    access: EDITORS,
    write: true,
    input: z.object({ rows: rosterRowsInput.min(1, '没有要导入的行') }),
    run(ctx, { rows }) {
      const checked = previewRows(ctx, rows);
      const bad = checked.filter((r) => r.clean === null);
      if (bad.length > 0) {
        const first = bad[0]!;
        throw invalid(
          `还有 ${bad.length} 行有问题，未导入任何数据。第 ${first.sheetRow} 行：${first.problems.map((p) => p.message).join('；')}`,
          `${bad.length} rows still have problems; nothing was imported.`,
        );
      }
      const clean = checked.map((r) => r.clean!);
      const knownMobiles = new Map(
        ctx.db.select({ mobile: guardians.mobile, householdId: guardians.householdId }).from(guardians).all().map((g) => [g.mobile, g.householdId]),
      );
      const placement = groupHouseholds(clean, knownMobiles);
      const newHouseholds = new Map<number, number>();
      const childIds: number[] = [];
      let guardianCount = 0;
      clean.forEach((row, i) => {
        const place = placement[i]!;
        let householdId: number;
        if ('existing' in place) householdId = place.existing;
        else if (newHouseholds.has(place.group)) householdId = newHouseholds.get(place.group)!;
        else {
          householdId = ctx.db.insert(households).values({ address: row.address }).returning().get().id;
          newHouseholds.set(place.group, householdId);
        }
        childIds.push(
          insertChild(ctx, householdId, {
            name: row.childName,
            gender: row.gender,
            birthDate: row.birthDate,
            idNumber: row.idNumber,
            classId: row.classId,
            enrolledOn: row.enrolledOn,
            billingMode: 'monthly',
            meals: true,
            boarding: false,
            custodyAgreedOn: null,
            busAgreedOn: null,
            reductionCategory: null,
            reductionNote: '',
          }).id,
        );
        for (const g of row.guardians) {
          if (knownMobiles.has(g.mobile)) continue;
          knownMobiles.set(g.mobile, householdId);
          insertGuardian(ctx, householdId, { ...g, wechat: '', address: row.address, workplace: '', isEmergencyContact: false, canPickUp: true });
          guardianCount++;
        }
      });
      ctx.audit({
        action: 'families.import',
        kind: 'record',
        entity: 'child',
        summary: `导入花名册：${childIds.length} 名幼儿，${guardianCount} 位家长，${newHouseholds.size} 个新家庭`,
        after: { childIds },
      });
      return { children: childIds.length, guardians: guardianCount, households: newHouseholds.size };
    },
  }),

  /** Children and guardians as an .xlsx workbook (base64), with full numbers: handle the file with care. */
  'families.export': handler({
    access: READERS,
    write: false,
    input: z.object({}).strict().default({}),
    async run(ctx) {
      const names = classNames(ctx);
      const kids = ctx.db.select().from(children).orderBy(asc(children.classId), asc(children.namePinyin)).all();
      const adults = ctx.db.select().from(guardians).orderBy(asc(guardians.householdId), asc(guardians.id)).all();
      const labels = householdLabels(ctx, adults.map((g) => g.householdId));
      const yes = (b: boolean) => (b ? '是' : '否');
      const base64 = await writeWorkbook([
        {
          name: '幼儿',
          columns: [
            { header: '家庭编号', width: 10 },
            { header: '幼儿姓名', width: 12 },
            { header: '性别', width: 6 },
            { header: '出生日期', width: 12 },
            { header: '身份证号', width: 22 },
            { header: '班级', width: 10 },
            { header: '入园日期', width: 12 },
            { header: '状态', width: 8 },
            { header: '状态日期', width: 12 },
            { header: '状态原因', width: 20 },
            { header: '缴费方式', width: 12 },
            { header: '伙食', width: 6 },
            { header: '住宿', width: 6 },
            { header: '托管协议签订日', width: 14 },
            { header: '校车协议签订日', width: 14 },
            { header: '减免类别', width: 16 },
            { header: '减免证明', width: 24 },
          ],
          rows: kids.map((c) => [
            c.householdId,
            c.name,
            GENDER_LABELS[c.gender as 'M' | 'F']?.[0] ?? c.gender,
            c.birthDate,
            c.idNumber ?? '',
            names.get(c.classId) ?? '',
            c.enrolledOn,
            CHILD_STATUS_LABELS[c.status as ChildStatus]?.[0] ?? c.status,
            c.statusSince ?? '',
            c.statusReason ?? '',
            BILLING_MODE_LABELS[c.billingMode as 'monthly' | 'semester']?.[0] ?? c.billingMode,
            yes(c.meals),
            yes(c.boarding),
            c.custodyAgreedOn ?? '',
            c.busAgreedOn ?? '',
            c.reductionCategory ? (REDUCTION_LABELS[c.reductionCategory as keyof typeof REDUCTION_LABELS]?.[0] ?? c.reductionCategory) : '',
            c.reductionNote ?? '',
          ]),
        },
        {
          name: '家长',
          columns: [
            { header: '家庭编号', width: 10 },
            { header: '幼儿', width: 16 },
            { header: '家长姓名', width: 12 },
            { header: '关系', width: 8 },
            { header: '手机号', width: 14 },
            { header: '微信号', width: 16 },
            { header: '住址', width: 30 },
            { header: '工作单位', width: 20 },
            { header: '紧急联系人', width: 10 },
            { header: '可接送', width: 8 },
          ],
          rows: adults.map((g) => [
            g.householdId,
            labels.get(g.householdId) ?? '',
            g.name,
            g.relationship,
            g.mobile,
            g.wechat,
            g.address,
            g.workplace,
            yes(g.isEmergencyContact),
            yes(g.canPickUp),
          ]),
        },
      ]);
      ctx.audit({ action: 'families.export', kind: 'system', entity: 'child', summary: `导出幼儿 ${kids.length} 名、家长 ${adults.length} 位` });
      return { fileName: `幼儿与家长-${ctx.today()}.xlsx`, base64, children: kids.length, guardians: adults.length };
    },
  }),
};

