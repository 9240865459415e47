import { afterEach, describe, expect, it } from 'vitest';
import { caller, demoBackend, unwrap } from '../../backend';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup(now?: () => Date) {
  const env = await demoBackend({ automaticBackups: false, ...(now ? { now } : {}) });
  cleanups.push(() => env.close());
  const login = async (username: string, password: string) => {
    const r = await caller(env.backend, null)('auth.login', { username, password });
    return r;
  };
  const as = async (username: string, password = 'demo1234') => caller(env.backend, (await unwrap(login(username, password))).session);
  const classId = (name: string) =>
    (env.backend.database().sqlite.prepare('SELECT id FROM classes WHERE name = ?').get(name) as { id: number }).id;
  const staffRow = (username: string) =>
    env.backend.database().sqlite.prepare('SELECT * FROM staff WHERE username = ?').get(username) as ({ id: number } & Record<string, unknown>) | undefined;
  return { ...env, call: caller(env.backend, env.session), login, as, classId, staffRow };
}

describe('staff accounts', () => {
  it('creates accounts; a teacher needs a class; names are unique; the audit keeps no password', async () => {
    const { call, login, classId, backend } = await setup();
    const noClass = await call('staff.create', { username: 'wanglaoshi', displayName: '王老师', role: 'teacher', password: 'abcd1234' });
    expect(noClass).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '教师账号须选择所带班级' } });
    const weak = await call('staff.create', { username: 'wanglaoshi', displayName: '王老师', role: 'teacher', classId: classId('星星班'), password: 'abcdefgh' });
    expect(weak.ok ? '' : weak.error.message).toContain('密码须同时包含字母和数字');

    const created = await unwrap(call('staff.create', { username: 'WangLaoshi', displayName: '王老师', role: 'teacher', classId: classId('星星班'), password: 'abcd1234' }));
    expect(created).toMatchObject({ username: 'wanglaoshi', role: 'teacher', classId: classId('星星班') });
    const dup = await call('staff.create', { username: 'wanglaoshi', displayName: '另一位', role: 'finance', password: 'abcd1234' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A finance account never carries a class, whatever the form sent.
    const finance = await unwrap(call('staff.create', { username: 'kuaiji2', displayName: '钱会计', role: 'finance', classId: classId('星星班'), password: 'abcd1234' }));
    expect(finance.classId).toBeNull();

    const signedIn = await login('wanglaoshi', 'abcd1234');
    expect(signedIn.ok).toBe(true);
    const list = await unwrap(call('staff.list'));
    expect(list.find((a) => a.username === 'wanglaoshi')).toMatchObject({ className: '星星班', disabled: false });
    const audit = backend.database().sqlite.prepare("SELECT after_json FROM audit_log WHERE action = 'staff.create'").all() as { after_json: string }[];
    expect(audit.length).toBeGreaterThanOrEqual(2);
    for (const a of audit) expect(a.after_json).not.toMatch(/scrypt|abcd1234|password/i);
  });

  it('changes role and class; the person is signed out so the new role applies at once', async () => {
    const { call, as, classId, staffRow } = await setup();
    const teacher = await as('laoshi');
    expect((await teacher('auth.me')).ok).toBe(true);
    const id = staffRow('laoshi')!.id as number;
    await unwrap(call('staff.update', { id, displayName: '李娜', role: 'teacher', classId: classId('太阳班') }));
    expect(await teacher('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(staffRow('laoshi')).toMatchObject({ class_id: classId('太阳班'), role: 'teacher' });

    const moved = await unwrap(call('staff.update', { id, displayName: '李娜', role: 'front_desk', classId: classId('太阳班') }));
    expect(moved).toMatchObject({ role: 'front_desk', classId: null });
    const audit = await unwrap(call('audit.list', { entity: 'staff', entityId: String(id) }));
    expect(audit.rows[0]).toMatchObject({ action: 'staff.update', before: { role: 'teacher' }, after: { role: 'front_desk' } });
    expect(await call('staff.update', { id: 9999, displayName: 'x', role: 'finance' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the last active principal can be neither demoted nor disabled', async () => {
    const { call, staffRow, backend } = await setup();
    const adminId = staffRow('admin')!.id as number;
    const rows = () => JSON.stringify(backend.database().sqlite.prepare('SELECT * FROM staff ORDER BY id').all());
    const before = rows();
    const demote = await call('staff.update', { id: adminId, displayName: '周园长', role: 'finance' });
    expect(demote).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(demote.ok ? '' : demote.error.message).toContain('唯一可用的园长账号');
    expect(await call('staff.disable', { id: adminId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rows()).toBe(before);

    // With a second principal (disabled ones do not count) the first may step down.
    const second = await unwrap(call('staff.create', { username: 'fuyuanzhang', displayName: '副园长', role: 'principal', password: 'abcd1234' }));
    await unwrap(call('staff.disable', { id: second.id }));
    expect(await call('staff.disable', { id: adminId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await unwrap(call('staff.enable', { id: second.id }));
    await unwrap(call('staff.update', { id: adminId, displayName: '周园长', role: 'finance' }));
    expect(staffRow('admin')).toMatchObject({ role: 'finance' });
  });

  it('disables (never deletes) and enables; a disabled account cannot sign in and is signed out', async () => {
    const { call, callRaw, as, login, staffRow } = await setup();
    const desk = await as('qiantai');
    const id = staffRow('qiantai')!.id;
    await unwrap(call('staff.disable', { id }));
    expect(await desk('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const refused = await login('qiantai', 'demo1234');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: '此账号已停用，请联系园长。' } });
    expect(staffRow('qiantai')).toMatchObject({ disabled: 1 });
    expect(await callRaw('staff.delete', { id })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await unwrap(call('staff.enable', { id }));
    expect((await login('qiantai', 'demo1234')).ok).toBe(true);
    const audit = await unwrap(call('audit.list', { entity: 'staff', entityId: String(id) }));
    expect(audit.rows.map((r) => r.action).slice(0, 2)).toEqual(['staff.enable', 'staff.disable']);
    expect(audit.rows[0]!.staffName).toBe('周园长');
  });

  it('reset password: a temporary one works, the old one does not, a lockout is lifted', async () => {
    const { call, login, staffRow, backend } = await setup();
    for (let i = 0; i < 5; i++) await login('caiwu', 'wrong-password1');
    expect(await login('caiwu', 'demo1234')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = await unwrap(call('staff.list'));
    expect(list.find((a) => a.username === 'caiwu')?.locked).toBe(true);

    await unwrap(call('staff.resetPassword', { id: staffRow('caiwu')!.id, password: 'temp2026' }));
    expect((await login('caiwu', 'demo1234')).ok).toBe(false);
    const fresh = await login('caiwu', 'temp2026');
    expect(fresh.ok).toBe(true);
    // …and the person then chooses their own.
    const finance = caller(backend, fresh.ok ? fresh.value.session : null);
    await unwrap(finance('staff.changeOwnPassword', { current: 'temp2026', password: 'mine2026' }));
    expect((await login('caiwu', 'mine2026')).ok).toBe(true);
  });

  it('a temporary password (new account or reset) must be replaced before the session can do anything else', async () => {
    const { call, callRaw, login, classId, staffRow, backend } = await setup();
    await unwrap(call('staff.create', { username: 'wanglaoshi', displayName: '王老师', role: 'teacher', classId: classId('星星班'), password: 'temp2026' }));
    await unwrap(call('staff.resetPassword', { id: staffRow('qiantai')!.id, password: 'desk2026' }));
    const changes = () => (backend.database().sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

    for (const [username, temporary, mine] of [['wanglaoshi', 'temp2026', 'wang2026x'], ['qiantai', 'desk2026', 'desk2026x']] as const) {
      const signedIn = await unwrap(login(username, temporary));
      expect(signedIn.mustChangePassword, username).toBe(true);
      const person = caller(backend, signedIn.session);
      expect(await unwrap(person('auth.me'))).toMatchObject({ username, mustChangePassword: true });
      // Reads and writes the role would allow are refused, in Chinese, and write nothing.
      const before = changes();
      for (const [name, input] of [
        ['families.search', { q: '' }],
        ['staff.idleLock', {}],
        ['attendance.saveRollCall', { classId: classId('星星班'), date: '2026-11-20', entries: [] }],
      ] as const) {
        expect(await callRaw(name, input, signedIn.session), `${username} → ${name}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: '请先设置您自己的新密码，然后才能继续使用。' },
        });
      }
      expect(changes()).toBe(before);

      await unwrap(person('staff.changeOwnPassword', { current: temporary, password: mine }));
      expect(staffRow(username)).toMatchObject({ must_change_password: 0 });
      // The same session now works as the role allows; the next sign-in is not restricted.
      expect((await person('staff.idleLock')).ok).toBe(true);
      expect(await unwrap(person('auth.me'))).toMatchObject({ mustChangePassword: false });
      expect(await unwrap(login(username, mine))).toMatchObject({ mustChangePassword: false });
    }
    // The demo (and the setup principal) chose their own passwords: no forced change.
    expect(await unwrap(login('caiwu', 'demo1234'))).toMatchObject({ mustChangePassword: false });
  });

  it('a restricted session can still sign out', async () => {
    const { call, login, staffRow, backend } = await setup();
    await unwrap(call('staff.resetPassword', { id: staffRow('caiwu')!.id, password: 'temp2026' }));
    const { session } = await unwrap(login('caiwu', 'temp2026'));
    const person = caller(backend, session);
    await unwrap(person('auth.logout'));
    expect(await person('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('changing one’s own password needs the current one', async () => {
    const { as, login } = await setup();
    const me = await as('laoshi');
    expect(await me('staff.changeOwnPassword', { current: 'nope', password: 'newpass99' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: '当前密码不正确' },
    });
    expect(await me('staff.changeOwnPassword', { current: 'demo1234', password: 'demo1234' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await unwrap(me('staff.changeOwnPassword', { current: 'demo1234', password: 'newpass99' }));
    expect((await login('laoshi', 'newpass99')).ok).toBe(true);
    expect((await login('laoshi', 'demo1234')).ok).toBe(false);
  });

  it('the idle-lock minutes are read by everyone and set by the principal, within 1–240', async () => {
    const { call, as } = await setup();
    const teacher = await as('laoshi');
    expect(await unwrap(teacher('staff.idleLock'))).toEqual({ minutes: 10 });
    expect(await call('staff.setIdleLock', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await unwrap(call('staff.setIdleLock', { minutes: 3 }));
    expect(await unwrap(teacher('staff.idleLock'))).toEqual({ minutes: 3 });
  });
});

describe('audit trail', () => {
  it('filters by person, Beijing date range, kind and record, newest first, paginated', async () => {
    let clock = new Date('2026-11-19T15:30:00Z'); // 23:30 on the 19th in Beijing
    const { call, as, staffRow } = await setup(() => clock);
    const desk = await as('qiantai');
    await unwrap(desk('staff.changeOwnPassword', { current: 'demo1234', password: 'desk2026a' }));
    clock = new Date('2026-11-19T16:30:00Z'); // 00:30 on the 20th
    await unwrap(call('staff.disable', { id: staffRow('laoshi')!.id }));
    await unwrap(call('staff.setIdleLock', { minutes: 5 }));

    const byDesk = await unwrap(call('audit.list', { staffId: staffRow('qiantai')!.id }));
    expect(byDesk.rows.map((r) => r.action)).toEqual(['staff.changePassword']);
    const on20th = await unwrap(call('audit.list', { from: '2026-11-20', to: '2026-11-20' }));
    expect(on20th.rows.map((r) => r.action)).toEqual(['settings.idleLock', 'staff.disable']);
    const on19th = await unwrap(call('audit.list', { from: '2026-11-19', to: '2026-11-19' }));
    expect(on19th.rows.map((r) => r.action)).toEqual(['staff.changePassword', 'setup.demo']); // the demo was loaded at 23:30 too
    const system = await unwrap(call('audit.list', { kind: 'system', from: '2026-11-20' }));
    expect(system.rows.map((r) => r.action)).toEqual(['settings.idleLock']);

    const all = await unwrap(call('audit.list', {}));
    const page2 = await unwrap(call('audit.list', { page: 2, pageSize: 2 }));
    expect(page2.total).toBe(all.total);
    expect(page2.rows).toEqual(all.rows.slice(2, 4));
    const sorted = [...all.rows].sort((a, b) => b.at.localeCompare(a.at));
    expect(all.rows.map((r) => r.at)).toEqual(sorted.map((r) => r.at));

    const backwards = await call('audit.list', { from: '2026-11-20', to: '2026-11-19' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(backwards.ok ? '' : backwards.error.message).toContain('开始日期不能晚于结束日期');
    const filters = await unwrap(call('audit.filters'));
    expect(filters.people.map((p) => p.username)).toContain('laoshi');
    expect(filters.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['staff', 'settings']));
  });
});
