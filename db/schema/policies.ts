import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

/**
 * A kindergarten's copy of a built-in fee policy, kept as the changes made to
 * it. Copies are never edited: a new adjustment is a new copy, so a refund
 * computed under a copy can always be recomputed and explained.
 */
export const policyCopies = sqliteTable('policy_copies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  baseId: text('base_id').notNull(),
  /** JSON PolicyChanges applied to the built-in policy. */
  changes: text('changes_json').notNull(),
  /** Why the kindergarten adjusted the notice (e.g. the agreement with parents). */
  reason: text('reason').notNull().default(''),
  createdBy: integer('created_by').references(() => staff.id),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
