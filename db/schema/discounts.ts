import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { children } from './families';
import { staff } from './staff';

/**
 * 园内优惠: the kindergarten's own discount of one fee item for a child (e.g.
 * a second sibling), decided by the principal with a reason. Not a notice's
 * reduction (those come from children.reduction_category, NT-3.7). History is
 * kept: the newest row from a month on counts; a row with active = 0 ends the
 * discount. Rows are never changed (the migration's triggers refuse it).
 */
export const childDiscounts = sqliteTable(
  'child_discounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    /** education | accommodation | meal | custody | bus */
    item: text('item').notNull(),
    /** Share of the charge not charged ("0.1" = 10%), or null for a fixed amount. */
    rate: text('rate'),
    /** Fixed amount off per month, fen, or null for a rate. */
    amountFen: integer('amount_fen'),
    /** YYYY-MM from which this row applies. */
    fromMonth: text('from_month').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    reason: text('reason').notNull(),
    setBy: integer('set_by')
      .notNull()
      .references(() => staff.id),
    setAt: text('set_at').notNull(),
  },
  (t) => [
    index('child_discounts_child').on(t.childId, t.item),
    check('child_discounts_amount', sql`${t.amountFen} IS NULL OR ${t.amountFen} > 0`),
    check('child_discounts_one_kind', sql`NOT ${t.active} OR ((${t.rate} IS NULL) <> (${t.amountFen} IS NULL))`),
  ],
);
