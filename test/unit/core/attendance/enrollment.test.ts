import { describe, expect, it } from 'vitest';
import { closureOn, type Closure, isEnrolledOn, notEnrolledReason, summarizeChildMonth } from '../../../../core/attendance';
import { bundledLegalCalendar } from '../../../../core/calendar';

// isEnrolledOn, closureOn and the summary's key order are written for speed (settlement asks them for
// every child and day of a month): they must answer exactly what the plain definitions do.
const dates = ['2026-08-31', '2026-09-01', '2026-09-02', '2026-09-15', '2026-09-30', '2026-10-01'];
const statuses = ['enrolled', 'suspended', 'withdrawn', 'graduated'];
const since = [null, '2026-08-31', '2026-09-01', '2026-09-02', '2026-09-15', '2026-10-01'];

describe('enrolment and closures on a day', () => {
  it('isEnrolledOn is exactly "notEnrolledReason is null", for every status, start and day', () => {
    for (const enrolledOn of dates) {
      for (const status of statuses) {
        for (const statusSince of since) {
          for (const date of dates) {
            const child = { enrolledOn, status, statusSince };
            expect(isEnrolledOn(child, date), JSON.stringify({ child, date })).toBe(notEnrolledReason(child, date) === null);
          }
        }
      }
    }
  });

  it('closureOn finds the first closure that applies to the class on the day, as find() would', () => {
    const c = (id: number, firstDate: string, lastDate: string, classId: number | null): Closure => ({ id, firstDate, lastDate, kind: 'suspension', classId, reason: '' });
    const closures = [c(1, '2026-09-01', '2026-09-02', 7), c(2, '2026-09-02', '2026-09-15', null), c(3, '2026-09-15', '2026-09-30', 8)];
    for (const classId of [7, 8, 9]) {
      for (const date of dates) {
        const expected = closures.find((x) => (x.classId === null || x.classId === classId) && x.firstDate <= date && date <= x.lastDate);
        expect(closureOn(closures, classId, date)).toBe(expected);
      }
    }
    expect(closureOn([], 7, '2026-09-01')).toBeUndefined();
  });

  it('the month summary keeps its keys in their order (childId, month, W, the counts, then the days)', () => {
    const calendar = bundledLegalCalendar();
    const s = summarizeChildMonth({
      month: '2026-10',
      days: calendar.monthDays('2026-10'),
      child: { id: 1, classId: 7, enrolledOn: '2026-09-01', status: 'enrolled', statusSince: null },
      counts: { present: 15, sick: 2, personal: 1, other: 0 },
      closures: [],
    });
    expect(Object.keys(s)).toEqual(['childId', 'month', 'W', 'present', 'sick', 'personal', 'other', 'closureDays', 'ownHolidayDays', 'unrecorded', 'enrolledWorkingDays']);
  });
});
