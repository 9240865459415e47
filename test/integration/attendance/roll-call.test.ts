import { describe, expect, it } from 'vitest';
import { demoBackend } from './helpers';

describe('roll call, leave and corrections through the real dispatcher', () => {
  it('defaults to nobody recorded, saves absences with reasons and shows them in the month summary', async () => {
    const { ok, classId } = await demoBackend();
    const miaomiao = classId('苗苗班');
    const roll = await ok('attendance.rollCall', { classId: miaomiao, date: '2026-11-23' });
    expect(roll.workingDay).toBe(true);
    expect(roll.children).toHaveLength(25);
    expect(roll.children.every((c) => c.status === null)).toBe(true);

    const [a, b, c, ...rest] = roll.children;
    const saved = await ok('attendance.saveRollCall', {
      classId: miaomiao,
      date: '2026-11-23',
      entries: [
        { childId: a!.id, status: 'sick', note: '发烧' },
        { childId: b!.id, status: 'personal', note: '' },
        { childId: c!.id, status: 'other', note: '' },
        ...rest.map((k) => ({ childId: k.id, status: 'present' as const, note: '' })),
      ],
    });
    expect(saved).toMatchObject({ created: 25, changed: 0 });

    const again = await ok('attendance.rollCall', { classId: miaomiao, date: '2026-11-23' });
    expect(again.children.find((k) => k.id === a!.id)).toMatchObject({ status: 'sick', note: '发烧', recordedBy: '周园长' });

    const month = await ok('attendance.monthSummary', { month: '2026-11', classId: miaomiao });
    const rowA = month.children.find((r) => r.childId === a!.id)!;
    const rowD = month.children.find((r) => r.childId === rest[0]!.id)!;
    expect(month.W).toBe(21);
    expect(rowA.W).toBe(21);
    // The demo class was closed for disinfection on 11-13: a closure day, W unchanged.
    expect(rowA.closureDays).toBe(1);
    expect(rowA.present + rowA.sick + rowA.personal + rowA.other + rowA.closureDays + rowA.unrecorded).toBe(21);
    expect(rowD.unrecorded).toBe(5); // 24-30 November not yet taken
  });

  it('keeps every correction with who, when, old and new, and flags those in a settled month for billing', async () => {
    const { ok, sqlite, login } = await demoBackend();
    const child = sqlite.prepare(`SELECT a.child_id AS id FROM attendance a WHERE a.date = '2026-10-12' AND a.status = 'present' LIMIT 1`).get() as {
      id: number;
    };
    await ok('attendance.correct', { childId: child.id, date: '2026-11-20', status: 'sick', note: '家长补报', reason: '家长来电更正' });
    const nov = await ok('attendance.childMonth', { childId: child.id, month: '2026-11' });
    expect(nov.history).toHaveLength(1);
    expect(nov.history[0]).toMatchObject({ date: '2026-11-20', newStatus: 'sick', newNote: '家长补报', reason: '家长来电更正', changedBy: '周园长', afterSettlement: false });
    expect(nov.days.find((d) => d.date === '2026-11-20')).toMatchObject({ status: 'sick', changes: 1 });

    const finance = await login('caiwu');
    await ok('settlement.book', { month: '2026-10', idempotencyKey: 'roll-call-test-1' }, finance);
    await ok('attendance.correct', { childId: child.id, date: '2026-10-12', status: 'personal', note: '', reason: '补登事假' });
    const { flags: corrections } = await ok('settlement.corrections', {}, finance);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ childId: child.id, month: '2026-10', oldStatus: 'present', newStatus: 'personal', changedBy: '周园长' });

    await ok('settlement.markCorrectionsHandled', { ids: [corrections[0]!.id] }, finance);
    expect((await ok('settlement.corrections', {}, finance)).flags).toHaveLength(0);
    expect((await ok('settlement.corrections', { includeHandled: true }, finance)).flags[0]!.handledAt).not.toBeNull();

    const audits = sqlite.prepare(`SELECT action FROM audit_log WHERE kind = 'attendance' ORDER BY id`).all() as { action: string }[];
    expect(audits.map((a) => a.action)).toEqual(['attendance.correct', 'attendance.correct', 'settlement.markCorrectionsHandled']);
  });

  it('enters a week of sick leave ahead on the working days only', async () => {
    const { ok, sqlite } = await demoBackend();
    const child = sqlite.prepare(`SELECT id FROM children ORDER BY id LIMIT 1`).get() as { id: number };
    // 2026-11-28/29 are a weekend: five working days remain.
    const leave = await ok('attendance.recordLeave', { childId: child.id, firstDate: '2026-11-26', lastDate: '2026-12-02', status: 'sick', note: '水痘隔离' });
    expect(leave.days).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']);
    const dec = await ok('attendance.monthSummary', { month: '2026-12' });
    expect(dec.children.find((r) => r.childId === child.id)).toMatchObject({ sick: 2, present: 0, W: 23 });
  });

  it('lets teachers record their own class only, and finance only read', async () => {
    const { call, login, classId, dump } = await demoBackend();
    const teacher = await login('laoshi');
    const finance = await login('caiwu');
    const mine = await call('attendance.rollCall', { classId: classId('苗苗班'), date: '2026-11-20' }, teacher);
    expect(mine.ok).toBe(true);
    const before = dump();
    const other = await call('attendance.rollCall', { classId: classId('星星班'), date: '2026-11-20' }, teacher);
    expect(other.ok ? null : other.error.message).toBe('教师只能查看和记录本班幼儿的考勤。');
    const kid = (mine.ok ? (mine.value as { children: { id: number }[] }).children[0]! : null)!;
    const write = await call('attendance.saveRollCall', { classId: classId('苗苗班'), date: '2026-11-20', entries: [{ childId: kid.id, status: 'sick', note: '' }] }, finance);
    expect(write.ok ? null : write.error.code).toBe('forbidden');
    expect(dump()).toBe(before);
    const summary = await call('attendance.monthSummary', { month: '2026-11', classId: null }, teacher);
    expect(summary.ok && (summary.value as { children: { classId: number }[] }).children.every((c) => c.classId === classId('苗苗班'))).toBe(true);
  });
});
