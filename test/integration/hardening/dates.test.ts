import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendChild, startBackendChild } from './child';

/**
 * Dates that took the backend down: a non-date or a date past 9999 in a
 * range made the day-by-day loop run until memory ran out; an empty date was
 * an internal error. Each must now be a clear refusal, at once, that writes
 * nothing. The backend runs in a child process so a hang fails the test
 * (after 2 s) instead of hanging the runner.
 */
let kd: BackendChild;
let dir: string;
let session: string;
let childId: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kd-dates-'));
  kd = await startBackendChild(join(dir, 'a.sqlite'), '2026-11-23T02:00:00Z');
  const demo = await kd.call('setup.loadDemo', {}, null, 60_000);
  session = (demo.value as { session: string }).session;
  childId = (await kd.query<{ id: number }>('SELECT id FROM children ORDER BY id LIMIT 1'))[0]!.id;
}, 90_000);
afterAll(async () => {
  await kd.close();
  rmSync(dir, { recursive: true, force: true });
});

const BAD = ['x', 'NaN', '9999-12-31', '🎉', '', '0', '2026-02-30', '1999-12-31', '2101-01-01', '+010000-01-01', '2026-11-24T00:00:00Z', null, 20261124];

describe('every date in a range is a real day in 2000–2100, checked before anything else', () => {
  it.each(BAD.map((d) => [JSON.stringify(d), d]))('leave ending on %s is refused at once, with a message for the date field', async (_label, bad) => {
    const before = await kd.hash();
    const result = await kd.call('attendance.recordLeave', { childId, firstDate: '2026-11-24', lastDate: bad, status: 'sick', note: '' }, session);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid_input');
    expect((result.error as { fields?: Record<string, string> }).fields).toHaveProperty('lastDate');
    expect(await kd.hash()).toBe(before);
  });

  it.each(BAD.map((d) => [JSON.stringify(d), d]))('a closure starting on %s is refused at once', async (_label, bad) => {
    const before = await kd.hash();
    const result = await kd.call('attendance.addClosure', { firstDate: bad, lastDate: '2026-11-27', kind: 'suspension', classId: null, reason: '停水' }, session);
    expect(result.error?.code).toBe('invalid_input');
    expect(Object.keys((result.error as { fields?: Record<string, string> }).fields ?? {})).toEqual(['firstDate']);
    expect(await kd.hash()).toBe(before);
  });

  it('a range longer than allowed is refused by arithmetic, not by listing its days', async () => {
    const result = await kd.call('attendance.recordLeave', { childId, firstDate: '2000-01-01', lastDate: '2100-12-31', status: 'sick', note: '' }, session);
    expect(result.error?.message).toContain('一次最多登记 92 天的请假');
    const reversed = await kd.call('attendance.addClosure', { firstDate: '2026-11-27', lastDate: '2026-11-24', kind: 'suspension', classId: null, reason: '停水' }, session);
    expect(reversed.error?.message).toContain('结束日期不能早于开始日期');
  });

  it('an enrolment on 9999-12-31 is refused at the boundary, and the same child on a real date is accepted', async () => {
    const { householdId, classId } = (await kd.query<{ householdId: number; classId: number }>('SELECT household_id AS householdId, class_id AS classId FROM children LIMIT 1'))[0]!;
    const child = { name: '林小满', gender: 'F', birthDate: '2023-03-08', classId, enrolledOn: '9999-12-31' };
    const before = await kd.hash();
    const refused = await kd.call('families.addChild', { householdId, child }, session);
    expect((refused.error as { fields?: Record<string, string> }).fields?.['child.enrolledOn']).toBe('日期应在 2000 年至 2100 年之间');
    expect(await kd.hash()).toBe(before);
    expect(await kd.call('families.addChild', { householdId, child: { ...child, enrolledOn: '2026-09-01' } }, session)).toMatchObject({ ok: true });
  });

  it('no refusal above was an internal error', () => {
    expect(kd.logs).toEqual([]);
  });
});
