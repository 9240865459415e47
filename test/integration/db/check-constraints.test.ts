import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { callBackend, freshBackend } from '../../backend';
import { migrationIndex, oldDatabaseWithDemo, rowCounts, shippedMigrations } from './migration-sets';

let backends: Backend[] = [];
afterEach(() => {
  for (const b of backends) b.close();
  backends = [];
});

const now = () => new Date('2026-11-23T02:00:00Z');

/** What each constrained column refuses, written past the app as a bug or another tool could. */
const REFUSED: [label: string, sql: string][] = [
  ['a roll call status', "UPDATE attendance SET status = 'late' WHERE rowid = (SELECT min(rowid) FROM attendance)"],
  ['a correction status', "INSERT INTO attendance_changes (child_id, date, new_status, changed_at) SELECT id, '2026-11-20', 'late', 'x' FROM children LIMIT 1"],
  ['a closure kind', "INSERT INTO closures (first_date, last_date, kind, reason) VALUES ('2026-12-01', '2026-12-01', 'strike', 'x')"],
  ['a child status', "UPDATE children SET status = 'expelled' WHERE id = (SELECT min(id) FROM children)"],
  ['a status change', "INSERT INTO child_status_changes (child_id, to_status, effective_on) SELECT id, 'gone', '2026-11-20' FROM children LIMIT 1"],
  ['a complaint status', "UPDATE feedback SET status = 'ignored' WHERE id = (SELECT min(id) FROM feedback)"],
  ['an audit kind', "INSERT INTO audit_log (at, action, kind, entity) VALUES ('2026-11-23', 'child.update', 'gossip', 'child')"],
  ['a question kind', "UPDATE survey_questions SET kind = 'essay' WHERE id = (SELECT min(id) FROM survey_questions)"],
  ['a survey run status', "UPDATE survey_runs SET status = 'paused' WHERE id = (SELECT min(id) FROM survey_runs)"],
];

describe('status and kind columns checked by the database (migration 0004_check_constraints)', () => {
  it('a database made before the constraints upgrades with every row intact, and then refuses a code the app does not know', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-checks-'));
    const path = join(dir, 'kinderdesk.sqlite');
    // The demo kindergarten in a file made by the migrations shipped before this one.
    const before = migrationIndex('0004_check_constraints');
    const old = await oldDatabaseWithDemo(dir, path, shippedMigrations(dir, before), backends, now);
    expect(old.schemaVersion).toBe(before);
    expect(old.counts.attendance).toBeGreaterThan(1000);
    expect(old.counts.audit_log).toBeGreaterThan(0);

    const { backend: upgraded } = freshBackend({ dbPath: path, automaticBackups: false, now });
    backends.push(upgraded);
    const { sqlite, schemaVersion, backupPath } = upgraded.database();
    expect(schemaVersion).toBeGreaterThan(before);
    expect(backupPath).not.toBeNull();
    expect(rowCounts(sqlite, Object.keys(old.counts))).toEqual(old.counts);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    for (const [label, statement] of REFUSED) {
      expect(() => sqlite.prepare(statement).run(), label).toThrow(/CHECK constraint failed/);
    }
    expect(rowCounts(sqlite, Object.keys(old.counts))).toEqual(old.counts);

    // The upgraded kindergarten goes on as before: today's roll call of a class is taken.
    const login = await callBackend(upgraded, 'auth.login', { username: 'admin', password: 'demo1234' });
    if (!login.ok) throw new Error(login.error.message);
    const { session } = login.value;
    const classId = (sqlite.prepare("SELECT id FROM classes WHERE name = '苗苗班'").get() as { id: number }).id;
    const roll = await callBackend(upgraded, 'attendance.rollCall', { classId, date: '2026-11-23' }, session);
    if (!roll.ok) throw new Error(roll.error.message);
    const { children } = roll.value;
    const saved = await callBackend(
      upgraded,
      'attendance.saveRollCall',
      { classId, date: '2026-11-23', entries: children.map((c) => ({ childId: c.id, status: 'present' as const, note: '' })), reason: '' },
      session,
    );
    expect(saved).toMatchObject({ ok: true });
  }, 120_000);
});
