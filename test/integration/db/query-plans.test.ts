import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusCountsQuery } from '../../../db/queries/attendance';
import { demoBackend, type TestBackend } from '../../backend';

/**
 * The month's attendance is read by a range scan of the date index, also on a
 * file whose statistics (ANALYZE) tempt SQLite towards the primary key
 * (child_id, date), which visits every child's whole history and then each
 * row, for the month-end settlement and the monthly summary.
 */
let env: TestBackend;
beforeAll(async () => {
  env = await demoBackend({ at: '2026-12-01T01:00:00Z' });
  env.sqlite.exec('ANALYZE');
});
afterAll(() => env.close());

const plan = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = query.toSQL();
  return (env.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
};

describe('query plans on a file with statistics', () => {
  it('counts a month of attendance from the covering date index', () => {
    const detail = plan(statusCountsQuery(env.backend.database().db, '2026-11-01', '2026-11-30'));
    expect(detail).toContain('USING COVERING INDEX attendance_date_child_status (date>? AND date<?)');
    expect(detail).not.toContain('sqlite_autoindex_attendance_1');
  });
});
