import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { children } from './families';
import { staff } from './staff';

/**
 * 代收费 the family chose (insurance, medical check): voluntary, so a child
 * is billed an item collected on behalf only after the desk recorded the
 * family's yes. One row per decision, who and when; the newest row for a
 * child and item counts, and no row means not opted in. `label` is the
 * 代收费 standard's name (幼儿意外伤害保险), the same name its history of
 * standards keeps. Rows are never changed (the migration's triggers refuse it).
 */
export const agencyChoices = sqliteTable(
  'agency_choices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    label: text('label').notNull(),
    optedIn: integer('opted_in', { mode: 'boolean' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('agency_choices_child').on(t.childId, t.label)],
);

/**
 * 寒暑假托管 booked: how many days of a vacation month a child is signed up
 * for, entered by the desk from the family's form. The newest row for a child
 * and month counts (0 cancels); rows are never changed.
 */
export const vacationBookings = sqliteTable(
  'vacation_bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    days: integer('days').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('vacation_bookings_child').on(t.childId, t.month), check('vacation_bookings_days', sql`${t.days} >= 0 AND ${t.days} <= 31`)],
);
