import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * `"status" IN ('a', 'b')` for a CHECK constraint: the database itself
 * refuses a code the app does not know, whatever wrote it. The column is
 * named bare (not table-qualified) so the constraint survives the table
 * rebuilds SQLite migrations do.
 */
export function oneOf(column: SQLiteColumn, values: readonly string[], options: { nullable?: boolean } = {}): SQL {
  const name = `"${column.name}"`;
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql.raw(options.nullable ? `${name} IS NULL OR ${name} IN (${list})` : `${name} IN (${list})`);
}
