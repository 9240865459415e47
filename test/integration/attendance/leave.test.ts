import { describe, expect, it } from 'vitest';
import { demoBackend } from './helpers';

/** Leave as the desk takes it on the phone: by the child's name, listed ahead, taken back when plans change. */
describe('leave entered ahead', () => {
  it('lists every enrolled child to pick by name or initials, without choosing the class first', async () => {
    const { ok, sqlite, login } = await demoBackend();
    const all = await ok('attendance.leaveChildren', {});
    expect(all.length).toBe(sqlite.prepare("SELECT count(*) FROM children WHERE status = 'enrolled'").pluck().get());
    expect(new Set(all.map((c) => c.className)).size).toBe(5);
    expect(all[0]).toMatchObject({ name: expect.any(String), initials: expect.any(String), pinyin: expect.any(String) });
    // A teacher sees her own class only.
    const mine = await ok('attendance.leaveChildren', {}, await login('laoshi'));
    expect(new Set(mine.map((c) => c.className))).toEqual(new Set(['苗苗班']));
  });

  it('refuses a "to" before "from" at the "to" field, in both languages, and writes nothing', async () => {
    const { call, sqlite, dump } = await demoBackend();
    const kid = sqlite.prepare("SELECT id FROM children WHERE status = 'enrolled' LIMIT 1").get() as { id: number };
    const before = dump();
    const r = await call('attendance.recordLeave', { childId: kid.id, firstDate: '2026-11-27', lastDate: '2026-11-25', status: 'sick', note: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.fields).toEqual({ lastDate: '结束日期不能早于开始日期' });
      expect(r.error.fieldsEn).toEqual({ lastDate: 'The last day is before the first day' });
    }
    expect(dump()).toBe(before);
  });

  it('says how far leave can go when the range runs into a year without a calendar, with a link to where it is entered', async () => {
    const { call, sqlite, login } = await demoBackend();
    const kid = sqlite.prepare("SELECT id FROM children WHERE status = 'enrolled' AND class_id = (SELECT id FROM classes WHERE name = '苗苗班') LIMIT 1").get() as { id: number };
    const r = await call('attendance.recordLeave', { childId: kid.id, firstDate: '2026-12-28', lastDate: '2027-01-08', status: 'sick', note: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('还没有 2027 年的法定节假日安排，无法确定 2027 年哪些天要请假。可以先登记到 2026-12-31；录入 2027 年日历后再登记之后的日子。');
    expect(r.error.message).not.toContain('手工填写');
    expect(r.error.link).toEqual({ route: '/attendance/calendar', label: '录入 2027 年法定日历', labelEn: 'Enter the 2027 calendar' });
    // A teacher cannot enter the calendar: she is told who can, and given no link she cannot use.
    const teacher = await call('attendance.recordLeave', { childId: kid.id, firstDate: '2026-12-28', lastDate: '2027-01-08', status: 'sick', note: '' }, await login('laoshi'));
    expect(!teacher.ok && teacher.error.message).toContain('请园长或前台先录入 2027 年日历');
    expect(!teacher.ok && teacher.error.link).toBeUndefined();
  });

  it('lists leave from today on as stretches, and cancels one — audited, the days back to not recorded', async () => {
    const { ok, call, sqlite } = await demoBackend();
    const kid = sqlite.prepare("SELECT id, name FROM children WHERE status = 'enrolled' ORDER BY id DESC LIMIT 1").get() as { id: number; name: string };
    // Thursday to the next Tuesday: the weekend in between does not split it.
    await ok('attendance.recordLeave', { childId: kid.id, firstDate: '2026-11-26', lastDate: '2026-12-01', status: 'sick', note: '水痘' });
    await ok('attendance.recordLeave', { childId: kid.id, firstDate: '2026-12-08', lastDate: '2026-12-08', status: 'personal', note: '' });
    const upcoming = (await ok('attendance.upcomingLeave', {})).filter((s) => s.childId === kid.id);
    expect(upcoming.map((s) => [s.firstDate, s.lastDate, s.status, s.days.length])).toEqual([
      ['2026-11-26', '2026-12-01', 'sick', 4],
      ['2026-12-08', '2026-12-08', 'personal', 1],
    ]);
    const audits = () => sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'attendance.cancelLeave'").pluck().get();
    const cancelled = await ok('attendance.cancelLeave', { childId: kid.id, firstDate: '2026-11-26', lastDate: '2026-12-01' });
    expect(cancelled.days).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01']);
    expect(sqlite.prepare("SELECT count(*) FROM attendance WHERE child_id = ? AND date BETWEEN '2026-11-26' AND '2026-12-01'").pluck().get(kid.id)).toBe(0);
    expect(audits()).toBe(1);
    expect((await ok('attendance.upcomingLeave', {})).filter((s) => s.childId === kid.id).map((s) => s.firstDate)).toEqual(['2026-12-08']);
    // Nothing left to cancel there: said so, nothing written.
    const again = await call('attendance.cancelLeave', { childId: kid.id, firstDate: '2026-11-26', lastDate: '2026-12-01' });
    expect(!again.ok && again.error.message).toContain('没有可以取消的请假');
    expect(audits()).toBe(1);
  });
});
