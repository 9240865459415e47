import { describe, expect, it } from 'vitest';
import { demoBackend } from './helpers';

/** Each refused call must say why in Chinese and leave every attendance table as it was. */
describe('invalid attendance input is refused with a Chinese message and nothing written', () => {
  it('refuses a date in a year without a legal calendar', async () => {
    const { call, classId, dump, sqlite } = await demoBackend(new Date('2027-01-04T02:00:00Z'));
    const kid = sqlite.prepare(`SELECT id FROM children WHERE class_id = ? LIMIT 1`).get(classId('苗苗班')) as { id: number };
    const before = dump();
    const result = await call('attendance.saveRollCall', { classId: classId('苗苗班'), date: '2027-01-04', entries: [{ childId: kid.id, status: 'present', note: '' }] });
    expect(result.ok ? '' : result.error.message).toContain('还没有 2027 年的法定节假日安排');
    const leave = await call('attendance.recordLeave', { childId: kid.id, firstDate: '2026-12-28', lastDate: '2027-01-08', status: 'sick', note: '' });
    expect(leave.ok ? '' : leave.error.message).toContain('2027 年');
    expect(dump()).toBe(before);
  });

  it('refuses a child who is not enrolled on that date', async () => {
    const { call, classId, dump, sqlite } = await demoBackend();
    const miaomiao = classId('苗苗班');
    const [stays, left] = sqlite.prepare(`SELECT id, name FROM children WHERE class_id = ? ORDER BY id LIMIT 2`).all(miaomiao) as { id: number; name: string }[];
    sqlite.prepare(`UPDATE children SET status = 'withdrawn', status_since = '2026-11-16' WHERE id = ?`).run(left!.id);
    const before = dump();
    const result = await call('attendance.saveRollCall', {
      classId: miaomiao,
      date: '2026-11-23',
      entries: [
        { childId: stays!.id, status: 'present', note: '' },
        { childId: left!.id, status: 'present', note: '' },
      ],
    });
    expect(result.ok ? '' : result.error.message).toBe(`${left!.name}自 2026-11-16 起已退园，不能记考勤。`);
    const early = await call('attendance.correct', { childId: stays!.id, date: '2026-08-31', status: 'sick', note: '', reason: '' });
    expect(early.ok ? '' : early.error.message).toContain('尚未入园（入园日期 2026-09-01）');
    expect(dump()).toBe(before);
    // The roll call no longer lists the child who left.
    const roll = await call('attendance.rollCall', { classId: miaomiao, date: '2026-11-23' });
    expect(roll.ok && (roll.value as { children: { id: number }[] }).children.some((c) => c.id === left!.id)).toBe(false);
  });

  it('refuses a reason that is not in the list', async () => {
    const { call, classId, dump, sqlite } = await demoBackend();
    const kid = sqlite.prepare(`SELECT id FROM children WHERE class_id = ? LIMIT 1`).get(classId('苗苗班')) as { id: number };
    const before = dump();
    const roll = await call('attendance.saveRollCall', {
      classId: classId('苗苗班'),
      date: '2026-11-23',
      // biome-ignore lint/suspicious/noExplicitAny: the point is a value the type forbids
      entries: [{ childId: kid.id, status: 'holiday' as any, note: '' }],
    });
    expect(roll.ok ? '' : roll.error.message).toContain('考勤状态只能是出勤、病假、事假或其他');
    // Leave ahead cannot be "present".
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const leave = await call('attendance.recordLeave', { childId: kid.id, firstDate: '2026-11-24', lastDate: '2026-11-25', status: 'present' as any, note: '' });
    expect(leave.ok ? '' : leave.error.message).toContain('请假原因只能是病假、事假或其他');
    expect(dump()).toBe(before);
  });

  it('refuses days that are not legal working days, future roll calls and closure days', async () => {
    const { call, classId, dump, sqlite } = await demoBackend();
    const miaomiao = classId('苗苗班');
    const kid = sqlite.prepare(`SELECT id FROM children WHERE class_id = ? LIMIT 1`).get(miaomiao) as { id: number };
    const entries = [{ childId: kid.id, status: 'present' as const, note: '' }];
    const before = dump();
    const national = await call('attendance.saveRollCall', { classId: miaomiao, date: '2026-10-01', entries });
    expect(national.ok ? '' : national.error.message).toBe('2026-10-01 是国庆节（法定节假日），不是法定工作日，不记考勤。');
    const weekend = await call('attendance.saveRollCall', { classId: miaomiao, date: '2026-11-22', entries });
    expect(weekend.ok ? '' : weekend.error.message).toContain('是周末');
    const future = await call('attendance.saveRollCall', { classId: miaomiao, date: '2026-11-24', entries });
    expect(future.ok ? '' : future.error.message).toContain('请假登记');
    const closed = await call('attendance.correct', { childId: kid.id, date: '2026-11-13', status: 'present', note: '', reason: '' });
    expect(closed.ok ? '' : closed.error.message).toContain('停课');
    expect(dump()).toBe(before);
  });
});
