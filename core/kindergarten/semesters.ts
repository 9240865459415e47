import { monthIndex } from '../calendar/dates';

/**
 * A school year has one or two semesters; each runs from a first to a last
 * month, at most seven months long, and the second starts after the first
 * ends. Semesters of different years never overlap: a month belongs to one
 * semester at most (fees per semester and surveys rely on it).
 */

export interface SemesterSpan {
  firstMonth: string;
  lastMonth: string;
}

/** The longest semester, in months. */
export const MAX_SEMESTER_MONTHS = 7;

export interface SemesterProblem {
  /** Which semester of the list, and which of its fields the message belongs next to. */
  index: number;
  field: 'firstMonth' | 'lastMonth';
  message: string;
}

export function duplicateSemesterNames(semesters: readonly { name: string }[]): boolean {
  return new Set(semesters.map((s) => s.name)).size !== semesters.length;
}

/** What is wrong with one school year's semesters, field by field (empty when they are fine). */
export function semesterProblems(semesters: readonly SemesterSpan[]): SemesterProblem[] {
  const problems: SemesterProblem[] = [];
  semesters.forEach((s, index) => {
    const span = monthIndex(s.lastMonth) - monthIndex(s.firstMonth);
    if (span < 0) problems.push({ index, field: 'lastMonth', message: '结束月份不能早于开始月份' });
    if (span > MAX_SEMESTER_MONTHS - 1) problems.push({ index, field: 'lastMonth', message: `一个学期最长 ${MAX_SEMESTER_MONTHS} 个月` });
  });
  const [a, b] = semesters;
  if (a && b && monthIndex(b.firstMonth) <= monthIndex(a.lastMonth)) {
    problems.push({ index: 1, field: 'firstMonth', message: '第二学期须在第一学期结束之后开始' });
  }
  return problems;
}

/** The first semester on file (outside the year being edited) that shares a month with `incoming`. */
export function overlappingSemester<S extends SemesterSpan & { schoolYearId: number }>(
  incoming: SemesterSpan,
  existing: readonly S[],
  exceptYearId: number | null,
): S | undefined {
  return existing.find(
    (e) =>
      e.schoolYearId !== exceptYearId &&
      monthIndex(incoming.firstMonth) <= monthIndex(e.lastMonth) &&
      monthIndex(e.firstMonth) <= monthIndex(incoming.lastMonth),
  );
}

/** The semester a month falls in, if any. */
export function semesterContaining<S extends SemesterSpan>(month: string, semesters: readonly S[]): S | undefined {
  return semesters.find((s) => s.firstMonth <= month && month <= s.lastMonth);
}
