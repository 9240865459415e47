import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The one kindergarten this database belongs to (always id = 1). */
export const kindergarten = sqliteTable('kindergarten', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** public | inclusive_private | nonprofit_private | forprofit_private */
  type: text('type').notNull(),
  /** full | balance | self — only for public kindergartens (NT-1.1 floats). */
  fundingType: text('funding_type'),
  /** provincial | municipal | qualified — only for public kindergartens. */
  grade: text('grade'),
  policyId: text('policy_id').notNull(),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const schoolYears = sqliteTable('school_years', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** e.g. 2026-2027学年 */
  name: text('name').notNull().unique(),
});

/** A semester is a closed range of months; NT-3.1/XA-C1 forbid bills that cross one. */
export const semesters = sqliteTable(
  'semesters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    schoolYearId: integer('school_year_id')
      .notNull()
      .references(() => schoolYears.id),
    name: text('name').notNull(),
    firstMonth: text('first_month').notNull(),
    lastMonth: text('last_month').notNull(),
  },
  (t) => [uniqueIndex('semesters_year_name').on(t.schoolYearId, t.name)],
);

export const classes = sqliteTable('classes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** toddler (托班) | small (小班) | middle (中班) | large (大班) */
  level: text('level').notNull(),
  headTeacher: text('head_teacher').notNull().default(''),
  /** Archived classes keep their history but take no new children. */
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
});
