import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ATTENDANCE_STATUSES, CLOSURE_KINDS } from '../../core/attendance/status';
import { oneOf } from './checks';
import { children } from './families';
import { classes } from './kindergarten';
import { staff } from './staff';

/**
 * One row per child per legal working day on which the roll was taken.
 * present | sick (病假) | personal (事假) | other (其他)
 */
export const attendance = sqliteTable(
  'attendance',
  {
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    date: text('date').notNull(),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by').references(() => staff.id),
    recordedAt: text('recorded_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    primaryKey({ columns: [t.childId, t.date] }),
    // Covering index for the month summary: one range scan on date yields child and status without touching the table.
    index('attendance_date_child_status').on(t.date, t.childId, t.status),
    check('attendance_status', oneOf(t.status, ATTENDANCE_STATUSES)),
  ],
);

/**
 * Every change to an existing attendance row (and every first entry made in a
 * settled month): who, when, old value, new value. A null status means "no
 * record" (e.g. a row removed because the day became a closure).
 */
export const attendanceChanges = sqliteTable(
  'attendance_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    date: text('date').notNull(),
    oldStatus: text('old_status', { enum: ATTENDANCE_STATUSES }),
    oldNote: text('old_note').notNull().default(''),
    newStatus: text('new_status', { enum: ATTENDANCE_STATUSES }),
    newNote: text('new_note').notNull().default(''),
    /** Why it was changed (更正原因), optional. */
    reason: text('reason').notNull().default(''),
    changedBy: integer('changed_by').references(() => staff.id),
    changedAt: text('changed_at').notNull(),
    /** The month was already settled when this change was made: billing owes a settlement correction. */
    afterSettlement: integer('after_settlement', { mode: 'boolean' }).notNull().default(false),
    /** Set by billing once the settlement correction has been made. */
    handledAt: text('handled_at'),
    handledBy: integer('handled_by').references(() => staff.id),
  },
  (t) => [
    index('attendance_changes_child_date').on(t.childId, t.date),
    index('attendance_changes_settlement').on(t.afterSettlement, t.handledAt),
    check('attendance_changes_old_status', oneOf(t.oldStatus, ATTENDANCE_STATUSES, { nullable: true })),
    check('attendance_changes_new_status', oneOf(t.newStatus, ATTENDANCE_STATUSES, { nullable: true })),
  ],
);

/** Months whose fees/refunds have been settled; attendance changes in them are flagged for billing. */
export const settledMonths = sqliteTable('settled_months', {
  month: text('month').primaryKey(),
  settledAt: text('settled_at').notNull(),
  settledBy: integer('settled_by').references(() => staff.id),
});

/** Closures for the kindergarten's own reasons; they never change the legal calendar's W. */
export const closures = sqliteTable(
  'closures',
  {
  id: integer('id').primaryKey({ autoIncrement: true }),
  firstDate: text('first_date').notNull(),
  lastDate: text('last_date').notNull(),
  /** suspension (停课, refundable per NT-3.3b) | own_holiday (园内假期) */
  kind: text('kind', { enum: CLOSURE_KINDS }).notNull(),
  /** null = the whole kindergarten */
  classId: integer('class_id').references(() => classes.id),
  reason: text('reason').notNull(),
  createdBy: integer('created_by').references(() => staff.id),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [check('closures_kind', oneOf(t.kind, CLOSURE_KINDS))],
);

/** A year's legal calendar entered or imported by staff when the bundled data lacks it. */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** JSON: { holidays: [{date, name}], makeupWorkdays: [date] } */
  data: text('data').notNull(),
  source: text('source').notNull().default(''),
  enteredBy: integer('entered_by').references(() => staff.id),
  enteredAt: text('entered_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

