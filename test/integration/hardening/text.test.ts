import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBackend, dumpTables } from '../../backend';

let env: Awaited<ReturnType<typeof demoBackend>>;
beforeAll(async () => {
  env = await demoBackend({ automaticBackups: false });
});
afterAll(() => env.backend.close());

const HOSTILE = { NUL: '苗苗\u0000班', 'right-to-left override': '苗苗\u202e班', 'lone surrogate': '苗苗\ud83d班', newline: '苗苗\n班' };

describe('names with characters that have no place in them are refused at the boundary', () => {
  it.each(Object.entries(HOSTILE))('%s in a class name', async (_what, name) => {
    const before = dumpTables(env.backend, ['classes', 'audit_log']);
    const result = await env.call('kindergarten.addClass', { name, level: 'small', headTeacher: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dumpTables(env.backend, ['classes', 'audit_log'])).toEqual(before);
  });

  it.each(Object.entries(HOSTILE))('%s in a staff member’s name', async (_what, displayName) => {
    const result = await env.call('staff.create', { username: 'newone', displayName, role: 'teacher', classId: null, password: 'abc12345' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('an ordinary name with invisible pasted characters is stored clean', async () => {
    expect(await env.call('kindergarten.addClass', { name: '\ufeff彩虹班\u200b', level: 'small', headTeacher: '' })).toMatchObject({ ok: true });
    expect(env.backend.database().sqlite.prepare("SELECT count(*) FROM classes WHERE name = '彩虹班'").pluck().get()).toBe(1);
  });
});
