import { describe, expect, it } from 'vitest';
import { classRates, type Closure, notEnrolledReason, summarizeChildMonth } from '../../../../core/attendance';
import { bundledLegalCalendar } from '../../../../core/calendar';

const calendar = bundledLegalCalendar();
const child = { id: 1, classId: 7, enrolledOn: '2026-09-01', status: 'enrolled', statusSince: null };
const closure = (p: Partial<Closure>): Closure => ({ id: 1, firstDate: '', lastDate: '', kind: 'suspension', classId: null, reason: '', ...p });

describe('monthly summary per child', () => {
  it('uses the legal calendar for W (October 2026 has 18 working days, including a make-up Saturday)', () => {
    const s = summarizeChildMonth({ month: '2026-10', days: calendar.monthDays('2026-10'), child, counts: { present: 15, sick: 2, personal: 1, other: 0 }, closures: [] });
    expect(s).toMatchObject({ W: 18, present: 15, sick: 2, personal: 1, other: 0, closureDays: 0, unrecorded: 0, enrolledWorkingDays: 18 });
  });

  it('counts suspensions on working days of this class as closure days, own holidays apart, W unchanged', () => {
    const closures = [
      closure({ firstDate: '2026-11-13', lastDate: '2026-11-16', kind: 'suspension', classId: 7 }), // Fri + weekend + Mon: 2 working days
      closure({ firstDate: '2026-11-18', lastDate: '2026-11-18', kind: 'suspension', classId: 8 }), // another class
      closure({ firstDate: '2026-11-27', lastDate: '2026-11-27', kind: 'own_holiday', classId: null }),
    ];
    const s = summarizeChildMonth({ month: '2026-11', days: calendar.monthDays('2026-11'), child, counts: undefined, closures });
    expect(s).toMatchObject({ W: 21, closureDays: 2, ownHolidayDays: 1, present: 0, unrecorded: 18 });
  });

  it('counts only the days a mid-month joiner or leaver was enrolled', () => {
    const joiner = { ...child, enrolledOn: '2026-11-16' };
    const s = summarizeChildMonth({
      month: '2026-11',
      days: calendar.monthDays('2026-11'),
      child: joiner,
      counts: undefined,
      closures: [closure({ firstDate: '2026-11-13', lastDate: '2026-11-13', classId: 7 })],
    });
    expect(s).toMatchObject({ W: 21, enrolledWorkingDays: 11, closureDays: 0, unrecorded: 11 });
    const leaver = { ...child, status: 'withdrawn', statusSince: '2026-11-09' };
    expect(summarizeChildMonth({ month: '2026-11', days: calendar.monthDays('2026-11'), child: leaver, counts: undefined, closures: [] }).enrolledWorkingDays).toBe(5);
  });
});

describe('enrolment on a date', () => {
  it('says why a child is not enrolled', () => {
    expect(notEnrolledReason(child, '2026-08-31')).toBe('2026-08-31 时尚未入园（入园日期 2026-09-01）');
    expect(notEnrolledReason(child, '2026-09-01')).toBeNull();
    const graduated = { ...child, status: 'graduated', statusSince: '2027-07-01' };
    expect(notEnrolledReason(graduated, '2027-06-30')).toBeNull();
    expect(notEnrolledReason(graduated, '2027-07-01')).toBe('自 2027-07-01 起已毕业');
  });
});

describe('attendance rate per class', () => {
  it('is child-days present over child-days recorded, one decimal', () => {
    const rates = classRates([
      { classId: 1, present: 20, sick: 1, personal: 0, other: 0 },
      { classId: 1, present: 18, sick: 0, personal: 2, other: 1 },
      { classId: 2, present: 0, sick: 0, personal: 0, other: 0 },
    ]);
    expect(rates).toEqual([
      { classId: 1, present: 38, recorded: 42, rate: 90.5 },
      { classId: 2, present: 0, recorded: 0, rate: null },
    ]);
  });
});
