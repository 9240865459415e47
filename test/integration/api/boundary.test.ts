import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../electron/api/index';
import { demoBackend, dumpTables, freshBackend, type TestBackend, tableCounts } from '../../backend';

let env: TestBackend | undefined;
afterEach(() => env?.close());

const validSetup = (): Api['setup.complete']['input'] => ({
  profile: { name: '实验幼儿园', type: 'public', fundingType: 'full', grade: 'qualified', policyId: 'nantong-2018' },
  schoolYear: {
    name: '2026-2027学年',
    semesters: [
      { name: '秋季学期', firstMonth: '2026-09', lastMonth: '2027-01' },
      { name: '春季学期', firstMonth: '2027-02', lastMonth: '2027-07' },
    ],
  },
  classes: [{ name: '小一班', level: 'small', headTeacher: '王老师' }],
  principal: { username: 'yuanzhang', displayName: '王园长', password: 'kinder2026' },
});

describe('the API boundary', () => {
  it('first-start setup creates the kindergarten, its year, classes and principal in one go', async () => {
    env = freshBackend();
    const { backend } = env;
    const result = await env.call('setup.complete', validSetup());
    expect(result.ok).toBe(true);
    const counts = tableCounts(backend);
    expect(counts).toMatchObject({ kindergarten: 1, school_years: 1, semesters: 2, classes: 1, staff: 1 });
    // A second setup is refused: the kindergarten exists.
    const again = await env.call('setup.complete', validSetup());
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(tableCounts(backend)).toEqual(counts);
  });

  const badSetups: [string, (input: ReturnType<typeof validSetup>) => unknown, string][] = [
    ['a number where text belongs', (i) => ({ ...i, profile: { ...i.profile, name: 42 } }), 'profile.name'],
    ['a missing section', ({ classes: _, ...rest }) => rest, 'classes'],
    ['a huge string', (i) => ({ ...i, profile: { ...i.profile, name: '园'.repeat(200_000) } }), 'profile.name'],
    ['an unknown fee notice', (i) => ({ ...i, profile: { ...i.profile, policyId: 'beijing-2030' } }), 'profile.policyId'],
    ['a public kindergarten without grade', (i) => ({ ...i, profile: { ...i.profile, grade: null } }), 'profile.grade'],
    ['a semester ending before it starts', (i) => ({ ...i, schoolYear: { ...i.schoolYear, semesters: [{ name: '秋', firstMonth: '2026-09', lastMonth: '2026-03' }] } }), 'schoolYear.semesters.0.lastMonth'],
    ['overlapping semesters', (i) => ({ ...i, schoolYear: { ...i.schoolYear, semesters: [i.schoolYear.semesters[0], { name: '春', firstMonth: '2027-01', lastMonth: '2027-06' }] } }), 'schoolYear.semesters.1.firstMonth'],
    ['a month that does not exist', (i) => ({ ...i, schoolYear: { ...i.schoolYear, semesters: [{ name: '秋', firstMonth: '2026-13', lastMonth: '2027-01' }] } }), 'schoolYear.semesters.0.firstMonth'],
    ['duplicate class names', (i) => ({ ...i, classes: [i.classes[0], i.classes[0]] }), 'classes'],
    ['two semesters with one name', (i) => ({ ...i, schoolYear: { ...i.schoolYear, semesters: i.schoolYear.semesters.map((t) => ({ ...t, name: '学期' })) } }), 'schoolYear.semesters'],
    ['an unknown class level', (i) => ({ ...i, classes: [{ name: '学前班', level: 'preschool' }] }), 'classes.0.level'],
    ['a weak password', (i) => ({ ...i, principal: { ...i.principal, password: 'abcdefgh' } }), 'principal.password'],
    ['not an object at all', () => 'setup please', '_'],
  ];

  it.each(badSetups)('refuses setup with %s, says where in Chinese and writes nothing', async (_label, mutate, field) => {
    env = freshBackend();
    const { backend } = env;
    const before = tableCounts(backend);
    // Raw: the input is malformed on purpose, which the typed call would not let through.
    const result = await env.callRaw('setup.complete', mutate(validSetup()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^输入有误/);
    expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Object.keys(result.error.fields ?? {})).toContain(field);
    expect(tableCounts(backend)).toEqual(before);
  });

  it('refuses unknown calls, calls without sign-in and calls the role may not make, writing nothing', async () => {
    const demo = await demoBackend();
    env = demo;
    const { backend } = demo;
    const frontDesk = await demo.signIn('qiantai');
    const before = dumpTables(backend, ['kindergarten', 'classes', 'audit_log']);

    // Raw: names the API does not have, which the typed call would not compile.
    const unknown = await demo.callRaw('children.deleteAll', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const proto = await demo.callRaw('constructor', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const anonymous = await demo.call('kindergarten.addClass', { name: '新班', level: 'small' }, null);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '请先登录。' } });

    const forged = await demo.call('kindergarten.addClass', { name: '新班', level: 'small' }, 'made-up');
    expect(forged).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const forbidden = await demo.call('kindergarten.updateProfile', { name: '改名幼儿园', type: 'forprofit_private', policyId: 'xian-private' }, frontDesk);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden', message: '您的账号没有权限进行此操作。' } });
    expect(dumpTables(backend, ['kindergarten', 'classes', 'audit_log'])).toEqual(before);
  });

  it('records who changed the profile, with old and new values', async () => {
    const demo = await demoBackend();
    env = demo;
    const { backend } = demo;
    const result = await demo.call('kindergarten.updateProfile', { name: '阳光幼儿园（演示）', type: 'public', fundingType: 'full', grade: 'provincial', policyId: 'nantong-2018' });
    expect(result.ok).toBe(true);
    const entry = backend.database().sqlite.prepare("SELECT * FROM audit_log WHERE action = 'kindergarten.update'").get() as { staff_id: number; before_json: string; after_json: string };
    expect(entry.staff_id).toBe(1);
    expect(JSON.parse(entry.before_json)).toMatchObject({ grade: 'municipal', fundingType: 'balance' });
    expect(JSON.parse(entry.after_json)).toMatchObject({ grade: 'provincial', fundingType: 'full' });
  });

  it('a write that fails half-way leaves nothing behind (one transaction per call)', async () => {
    const demo = await demoBackend();
    env = demo;
    const { backend } = demo;
    const sqlite = backend.database().sqlite;
    const [autumn, spring] = sqlite.prepare('SELECT id, school_year_id AS year, name, first_month AS firstMonth, last_month AS lastMonth FROM semesters ORDER BY first_month').all() as {
      id: number;
      year: number;
      name: string;
      firstMonth: string;
      lastMonth: string;
    }[];
    // A survey run in the spring semester: that semester is now in use.
    const columns = (sqlite.prepare("SELECT name FROM pragma_table_info('survey_runs') WHERE name NOT IN ('id', 'semester_id')").all() as { name: string }[]).map((c) => `"${c.name}"`);
    sqlite.prepare(`INSERT INTO survey_runs (${columns.join(', ')}, semester_id) SELECT ${columns.join(', ')}, ? FROM survey_runs LIMIT 1`).run(spring!.id);
    const before = dumpTables(backend, ['school_years', 'semesters', 'audit_log']);
    // The year is renamed and the autumn semester updated before dropping spring fails.
    const result = await demo.call('kindergarten.updateSchoolYear', {
      id: autumn!.year,
      value: { name: '2026-2027学年（调整）', semesters: [{ name: '秋季', firstMonth: autumn!.firstMonth, lastMonth: autumn!.lastMonth }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(result.ok ? '' : result.error.message).toContain(`学期「${spring!.name}」已有记录`);
    expect(dumpTables(backend, ['school_years', 'semesters', 'audit_log'])).toEqual(before);
  });
});

