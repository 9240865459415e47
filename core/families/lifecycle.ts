import { daysBetween } from '../calendar/dates';
import type { ChildStatus, FeedbackStatus } from './labels';

/**
 * A child's status moves along these edges only. Graduation is final;
 * a child who left may come back (重新入园), which is a new recorded change.
 */
const NEXT_STATUS: Record<ChildStatus, readonly ChildStatus[]> = {
  enrolled: ['suspended', 'withdrawn', 'graduated'],
  suspended: ['enrolled', 'withdrawn'],
  withdrawn: ['enrolled'],
  graduated: [],
};

export function allowedNextStatuses(current: ChildStatus): readonly ChildStatus[] {
  return NEXT_STATUS[current];
}

/** A refused change: the message, and the form field it belongs next to. */
export interface ChangeProblem<F extends string> {
  field: F;
  message: string;
}

/** Why a status change cannot be recorded, or null when it can. */
export function statusChangeProblem(
  current: { status: ChildStatus; since: string },
  next: { status: ChildStatus; effectiveOn: string; reason: string },
): ChangeProblem<'status' | 'effectiveOn' | 'reason'> | null {
  if (!NEXT_STATUS[current.status].includes(next.status)) {
    return { field: 'status', message: current.status === 'graduated' ? '已毕业的幼儿不能再变更状态' : '不能从当前状态直接变更为所选状态' };
  }
  if (next.effectiveOn < current.since) return { field: 'effectiveOn', message: `生效日期不能早于上一次状态变更（${current.since}）` };
  if (next.status !== 'enrolled' && next.reason.trim() === '') return { field: 'reason', message: '请填写休学、退园或毕业的原因' };
  return null;
}

/** Feedback moves forward; a closed item may be reopened into 处理中 when the parent comes back. */
export function feedbackChangeProblem(current: FeedbackStatus, next: FeedbackStatus, reply: string): ChangeProblem<'status' | 'reply'> | null {
  if (current === next) return null;
  if (current === 'closed' && next !== 'in_progress') return { field: 'status', message: '已关闭的意见只能重新打开为“处理中”' };
  if ((next === 'replied' || next === 'closed') && reply.trim() === '') return { field: 'reply', message: '请先填写答复或处理结果' };
  return null;
}

/** Whole days from the day received to the day closed (or today while still open). */
export function daysOpen(receivedOn: string, closedOn: string | null, today: string): number {
  return Math.max(0, daysBetween(receivedOn, closedOn ?? today));
}
