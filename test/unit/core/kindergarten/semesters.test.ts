import { describe, expect, it } from 'vitest';
import { duplicateSemesterNames, overlappingSemester, semesterContaining, semesterProblems } from '../../../../core/kindergarten/semesters';

const autumn = { name: '上学期', firstMonth: '2026-09', lastMonth: '2027-01' };
const spring = { name: '下学期', firstMonth: '2027-02', lastMonth: '2027-07' };

describe("a school year's semesters", () => {
  it('accept an autumn and a spring semester', () => {
    expect(semesterProblems([autumn, spring])).toEqual([]);
    expect(duplicateSemesterNames([autumn, spring])).toBe(false);
    expect(duplicateSemesterNames([autumn, { ...spring, name: '上学期' }])).toBe(true);
  });

  it('refuse a semester that ends before it starts or runs past seven months, next to its last month', () => {
    expect(semesterProblems([{ firstMonth: '2026-09', lastMonth: '2026-08' }])).toEqual([{ index: 0, field: 'lastMonth', message: '结束月份不能早于开始月份' }]);
    expect(semesterProblems([{ firstMonth: '2026-09', lastMonth: '2027-03' }])).toEqual([]);
    expect(semesterProblems([{ firstMonth: '2026-09', lastMonth: '2027-04' }])).toEqual([{ index: 0, field: 'lastMonth', message: '一个学期最长 7 个月' }]);
  });

  it('refuse a second semester that starts before the first ends', () => {
    expect(semesterProblems([autumn, { ...spring, firstMonth: '2027-01' }])).toEqual([{ index: 1, field: 'firstMonth', message: '第二学期须在第一学期结束之后开始' }]);
  });

  it("find a clash with another year's semester, but not with the year being edited", () => {
    const onFile = [{ ...spring, schoolYearId: 1 }];
    expect(overlappingSemester({ firstMonth: '2027-07', lastMonth: '2027-12' }, onFile, null)?.name).toBe('下学期');
    expect(overlappingSemester({ firstMonth: '2027-07', lastMonth: '2027-12' }, onFile, 1)).toBeUndefined();
    expect(overlappingSemester({ firstMonth: '2027-08', lastMonth: '2027-12' }, onFile, null)).toBeUndefined();
  });

  it('tell which semester a month falls in', () => {
    expect(semesterContaining('2027-01', [autumn, spring])?.name).toBe('上学期');
    expect(semesterContaining('2027-08', [autumn, spring])).toBeUndefined();
  });
});
