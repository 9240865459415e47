import { describe, expect, it } from 'vitest';
import { demoBackend } from './helpers';

describe('closures and the legal calendar', () => {
  it('counts a suspension as closure days and an own holiday apart, never changing W', async () => {
    const { ok, call, classId, sqlite } = await demoBackend();
    const star = classId('星星班');
    const kid = sqlite.prepare(`SELECT id FROM children WHERE class_id = ? ORDER BY id LIMIT 1`).get(star) as { id: number };
    // Roll call had been taken on the 19th and 20th: those records stop counting, with history.
    const added = await ok('attendance.addClosure', { firstDate: '2026-11-19', lastDate: '2026-11-20', kind: 'suspension', classId: star, reason: '流感停课' });
    expect(added).toMatchObject({ workingDays: 2, removedRecords: 40 });
    await ok('attendance.addClosure', { firstDate: '2026-11-27', lastDate: '2026-11-27', kind: 'own_holiday', classId: null, reason: '园庆日' });

    const row = (await ok('attendance.monthSummary', { month: '2026-11', classId: star })).children.find((r) => r.childId === kid.id)!;
    expect(row).toMatchObject({ W: 21, closureDays: 2, ownHolidayDays: 1 });
    const history = (await ok('attendance.childMonth', { childId: kid.id, month: '2026-11' })).history;
    expect(history.filter((h) => h.newStatus === null).map((h) => h.reason)).toEqual(['停课：流感停课', '停课：流感停课']);

    const overlap = await call('attendance.addClosure', { firstDate: '2026-11-20', lastDate: '2026-11-24', kind: 'suspension', classId: star, reason: '再停' });
    expect(overlap.ok ? '' : overlap.error.message).toContain('重叠');
    const weekend = await call('attendance.addClosure', { firstDate: '2026-11-21', lastDate: '2026-11-22', kind: 'own_holiday', classId: null, reason: '周末' });
    expect(weekend.ok ? '' : weekend.error.message).toContain('都不是法定工作日');
  });

  it('warns ahead about a missing year, then takes an entered year and uses it', async () => {
    const { ok, call, dump } = await demoBackend();
    const status = await ok('attendance.calendarStatus', {});
    expect(status.missingSoon).toEqual([2027]);
    expect((await ok('attendance.calendarMonth', { month: '2027-02' })).known).toBe(false);

    const before = dump();
    const bad = await call('attendance.saveCalendarYear', { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: ['2027-02-10'], source: '' });
    expect(bad.ok ? '' : bad.error.message).toBe('调休上班日 2027-02-10 不是周六或周日，请核对。');
    expect(dump()).toBe(before);

    const saved = await ok('attendance.saveCalendarYear', {
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
      ],
      makeupWorkdays: ['2027-02-13'],
      source: '测试数据',
    });
    // February 2027: 20 weekdays, minus 6 weekday holidays, plus one make-up Saturday.
    expect(saved.W[1]).toBe(15);
    const feb = await ok('attendance.calendarMonth', { month: '2027-02' });
    expect(feb).toMatchObject({ known: true, W: 15, source: '测试数据' });
    expect(feb.days.find((d) => d.date === '2027-02-13')).toMatchObject({ kind: 'makeup_workday' });
    expect((await ok('attendance.calendarStatus', {})).missingSoon).toEqual([]);
  });

  it('replaces an entered year by saving it again, and removes it only while nothing was counted with it', async () => {
    const { ok, call, dump, sqlite, login } = await demoBackend();
    const year = (holidays: { date: string; name: string }[]) => ({ year: 2027, holidays, makeupWorkdays: [], source: '' });
    await ok('attendance.saveCalendarYear', year([{ date: '2027-01-01', name: '元旦' }]));
    expect((await ok('attendance.calendarMonth', { month: '2027-02' })).W).toBe(20);
    // Entered again (the notice came out with the Spring Festival): the whole year is replaced.
    await ok('attendance.saveCalendarYear', year([{ date: '2027-01-01', name: '元旦' }, { date: '2027-02-08', name: '春节' }]));
    expect((await ok('attendance.calendarMonth', { month: '2027-02' })).W).toBe(19);
    expect((await ok('attendance.calendarStatus', {})).customYears.map((c) => c.holidays.length)).toEqual([2]);

    // A week of leave in January 2027 was counted with this calendar: removing it is refused, nothing written.
    const child = sqlite.prepare(`SELECT id FROM children WHERE status = 'enrolled' ORDER BY id LIMIT 1`).get() as { id: number };
    await ok('attendance.recordLeave', { childId: child.id, firstDate: '2027-01-04', lastDate: '2027-01-08', status: 'sick', note: '' });
    const before = dump();
    const refused = await call('attendance.removeCalendarYear', { year: 2027 });
    expect(refused.ok ? '' : refused.error.message).toContain('2027 年已有考勤记录');
    expect(dump()).toBe(before);
    // Teachers cannot remove a year at all.
    const teacher = await call('attendance.removeCalendarYear', { year: 2027 }, await login('laoshi'));
    expect(teacher.ok ? '' : teacher.error.code).toBe('forbidden');

    sqlite.prepare(`DELETE FROM attendance WHERE date LIKE '2027-%'`).run();
    expect(await ok('attendance.removeCalendarYear', { year: 2027 })).toEqual({ year: 2027, bundled: false });
    expect((await ok('attendance.calendarStatus', {})).missingSoon).toEqual([2027]);
    expect((await ok('attendance.calendarMonth', { month: '2027-02' })).known).toBe(false);
    const audit = sqlite.prepare(`SELECT summary FROM audit_log WHERE action = 'attendance.removeCalendarYear'`).get() as { summary: string };
    expect(audit.summary).toBe('删除录入的 2027 年法定日历');
    const missing = await call('attendance.removeCalendarYear', { year: 2027 });
    expect(missing.ok ? '' : missing.error.code).toBe('not_found');
  });
});
