import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHILD_STATUSES, FEEDBACK_STATUSES } from '../../core/families/labels';
import { oneOf } from './checks';
import { classes } from './kindergarten';
import { staff } from './staff';

/** Siblings share a household and its guardians. */
export const households = sqliteTable('households', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  address: text('address').notNull().default(''),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const children = sqliteTable(
  'children',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull(),
    /** Full pinyin without tones and initials, for the one search box. */
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    /** M | F */
    gender: text('gender').notNull(),
    birthDate: text('birth_date').notNull(),
    idNumber: text('id_number'),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    enrolledOn: text('enrolled_on').notNull(),
    /** enrolled (在园) | suspended (休学) | withdrawn (退园) | graduated (毕业) */
    status: text('status').notNull().default('enrolled'),
    statusSince: text('status_since'),
    statusReason: text('status_reason'),
    /** monthly | semester */
    billingMode: text('billing_mode').notNull().default('monthly'),
    meals: integer('meals', { mode: 'boolean' }).notNull().default(true),
    boarding: integer('boarding', { mode: 'boolean' }).notNull().default(false),
    /** Signed agreement dates: custody (NT-1.3) and school bus (NT-3.5) need one first. */
    custodyAgreedOn: text('custody_agreed_on'),
    busAgreedOn: text('bus_agreed_on'),
    /** NT-3.7 category (dibao, hardship_worker, disability_card, disabled_child, orphan, martyr, soldier) */
    reductionCategory: text('reduction_category'),
    reductionNote: text('reduction_note'),
    /** Allergies, conditions, medication, pick-up notes: shown where teachers need them (roll call, the household). */
    healthNotes: text('health_notes').notNull().default(''),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('children_class').on(t.classId), index('children_household').on(t.householdId), check('children_status', oneOf(t.status, CHILD_STATUSES))],
);

/**
 * Every status change of a child (在园 → 休学 → 在园 → 退园 ...), so leaving is
 * a recorded event with its date and reason, never a deletion.
 */
export const childStatusChanges = sqliteTable(
  'child_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    effectiveOn: text('effective_on').notNull(),
    reason: text('reason').notNull().default(''),
    recordedBy: integer('recorded_by').references(() => staff.id),
    recordedAt: text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index('child_status_changes_child').on(t.childId),
    check('child_status_changes_from', oneOf(t.fromStatus, CHILD_STATUSES, { nullable: true })),
    check('child_status_changes_to', oneOf(t.toStatus, CHILD_STATUSES)),
  ],
);

export const guardians = sqliteTable(
  'guardians',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull().default(''),
    nameInitials: text('name_initials').notNull().default(''),
    /** 父亲, 母亲, 祖父, ... */
    relationship: text('relationship').notNull(),
    mobile: text('mobile').notNull(),
    wechat: text('wechat').notNull().default(''),
    address: text('address').notNull().default(''),
    workplace: text('workplace').notNull().default(''),
    isEmergencyContact: integer('is_emergency_contact', { mode: 'boolean' }).notNull().default(false),
    canPickUp: integer('can_pick_up', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('guardians_household').on(t.householdId), index('guardians_mobile').on(t.mobile)],
);

/** One conversation with a family (seed 001: 电话, 微信, 面谈, 家长会, 家园联系手册), with an optional follow-up. */
export const contactLog = sqliteTable(
  'contact_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    /** The child the conversation was about, if one. */
    childId: integer('child_id').references(() => children.id),
    date: text('date').notNull(),
    /** phone | wechat | meeting | parent_meeting | handbook */
    channel: text('channel').notNull(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The guardian spoken to, if known. */
    guardianId: integer('guardian_id').references(() => guardians.id),
    topic: text('topic').notNull(),
    summary: text('summary').notNull().default(''),
    followUpOn: text('follow_up_on'),
    followUpDoneOn: text('follow_up_done_on'),
    followUpDoneBy: integer('follow_up_done_by').references(() => staff.id),
    followUpNote: text('follow_up_note').notNull().default(''),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('contact_log_household').on(t.householdId), index('contact_log_follow_up').on(t.followUpOn)],
);

/** 意见与投诉: open until closed, with who handled it and the reply given. */
export const feedback = sqliteTable(
  'feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null when the parent stayed anonymous. */
    householdId: integer('household_id').references(() => households.id),
    /** The child and class the complaint concerns, if any. */
    childId: integer('child_id').references(() => children.id),
    classId: integer('class_id').references(() => classes.id),
    receivedOn: text('received_on').notNull(),
    /** phone | wechat | meeting | parent_meeting | handbook | suggestion_box */
    channel: text('channel').notNull(),
    /** fees | meals | safety | teaching | hygiene | other */
    category: text('category').notNull(),
    content: text('content').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    /** open (待处理) | in_progress (处理中) | replied (已回复) | closed (已关闭) */
    status: text('status').notNull().default('open'),
    handlerId: integer('handler_id').references(() => staff.id),
    /** By when the handler is to reply. */
    dueOn: text('due_on'),
    reply: text('reply').notNull().default(''),
    closedOn: text('closed_on'),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('feedback_status').on(t.status), index('feedback_household').on(t.householdId), check('feedback_status', oneOf(t.status, FEEDBACK_STATUSES))],
);
