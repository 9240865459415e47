import { describe, expect, it } from 'vitest';
import { type Closure, dayRefusal, leaveDays, notEnrolledRefusal, notWorkingDayRefusal } from '../../../../core/attendance';
import { bundledLegalCalendar } from '../../../../core/calendar';

const calendar = bundledLegalCalendar();
const day = (date: string) => calendar.dayInfo(date);
const closure = (p: Partial<Closure>): Closure => ({ id: 1, firstDate: '', lastDate: '', kind: 'suspension', classId: null, reason: '水管维修', ...p });
const TODAY = '2026-11-23';

describe('which days may be marked', () => {
  it('refuses weekends and public holidays by name, and takes make-up working days', () => {
    expect(notWorkingDayRefusal(day('2026-11-21'))?.zh).toBe('2026-11-21 是周末，不是法定工作日，不记考勤。');
    expect(notWorkingDayRefusal(day('2026-10-01'))?.zh).toContain('国庆节（法定节假日）');
    expect(notWorkingDayRefusal(day('2026-10-10'))).toBeNull(); // 国庆节调休上班
    expect(notWorkingDayRefusal(day('2026-11-20'))).toBeNull();
  });

  it('never takes the roll call ahead; a correction may record an absence ahead, never presence; leave may be ahead', () => {
    const base = { day: day('2026-11-24'), today: TODAY, closures: [], classId: 7 };
    expect(dayRefusal({ ...base, marking: 'roll_call', status: 'sick' })?.en).toBe('Roll call cannot be taken for a future day.');
    expect(dayRefusal({ ...base, marking: 'correction', status: 'present' })?.zh).toBe('不能提前登记出勤。');
    expect(dayRefusal({ ...base, marking: 'correction', status: 'sick' })).toBeNull();
    expect(dayRefusal({ ...base, marking: 'leave', status: 'sick' })).toBeNull();
    expect(dayRefusal({ ...base, day: day(TODAY), marking: 'roll_call', status: 'present' })).toBeNull();
  });

  it("refuses a closure of the child's class or of the whole kindergarten, not another class's", () => {
    const base = { marking: 'roll_call' as const, status: 'present' as const, day: day('2026-11-20'), today: TODAY, classId: 7 };
    expect(dayRefusal({ ...base, closures: [closure({ firstDate: '2026-11-20', lastDate: '2026-11-20', classId: 7 })] })?.zh).toBe(
      '2026-11-20 本班停课（水管维修），不记考勤。',
    );
    expect(dayRefusal({ ...base, closures: [closure({ firstDate: '2026-11-19', lastDate: '2026-11-20', kind: 'own_holiday' })] })?.zh).toBe(
      '2026-11-20 全园园内假期（水管维修），不记考勤。',
    );
    expect(dayRefusal({ ...base, closures: [closure({ firstDate: '2026-11-20', lastDate: '2026-11-20', classId: 8 })] })).toBeNull();
  });

  it('reports the first reason in the order the desk should hear it: not a working day, then the future, then a closure', () => {
    const weekendAhead = { marking: 'roll_call' as const, status: 'present' as const, day: day('2026-11-28'), today: TODAY, classId: 7 };
    const closed = [closure({ firstDate: '2026-11-24', lastDate: '2026-11-30' })];
    expect(dayRefusal({ ...weekendAhead, closures: closed })?.zh).toContain('周末');
    expect(dayRefusal({ ...weekendAhead, day: day('2026-11-24'), closures: closed })?.zh).toContain('今天以后');
  });

  it('refuses a child not yet enrolled or away since a status change, naming the child', () => {
    const child = { name: '王小明', enrolledOn: '2026-09-01', status: 'withdrawn', statusSince: '2026-11-09' };
    expect(notEnrolledRefusal(child, '2026-08-31')?.zh).toBe('王小明2026-08-31 时尚未入园（入园日期 2026-09-01），不能记考勤。');
    expect(notEnrolledRefusal(child, '2026-11-09')?.zh).toBe('王小明自 2026-11-09 起已退园，不能记考勤。');
    expect(notEnrolledRefusal(child, '2026-11-06')).toBeNull();
  });

  it('leave covers the legal working days of its range that are not closures of the class', () => {
    const closures = [closure({ firstDate: '2026-11-25', lastDate: '2026-11-25', classId: 7 }), closure({ firstDate: '2026-11-26', lastDate: '2026-11-26', classId: 8 })];
    expect(leaveDays('2026-11-20', '2026-11-26', day, closures, 7)).toEqual(['2026-11-20', '2026-11-23', '2026-11-24', '2026-11-26']);
    expect(leaveDays('2026-10-01', '2026-10-07', day, [], 7)).toEqual([]);
  });
});
