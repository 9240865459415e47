import type { HandlerContext } from '../define';

/** Teachers, the front desk and the principal take attendance; closures and the calendar are the office's. */
export const WRITERS = ['principal', 'front_desk', 'teacher'] as const;
export const OFFICE = ['principal', 'front_desk'] as const;

/** Teachers see and take attendance for their own class only. */
export function assertClassAccess(ctx: HandlerContext, classId: number): void {
  ctx.classScope.require(classId, { zh: '教师只能查看和记录本班幼儿的考勤。', en: 'Teachers can only take attendance for their own class.' });
}
