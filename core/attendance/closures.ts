import type { DayInfo } from '../calendar';
import type { Refusal } from '../refusal';
import { CLOSURE_LABELS, type ClosureKind } from './status';

export interface Closure {
  id: number;
  firstDate: string;
  lastDate: string;
  kind: ClosureKind;
  /** null = the whole kindergarten */
  classId: number | null;
  reason: string;
}

export function closureApplies(closure: Closure, classId: number, date: string): boolean {
  return (closure.classId === null || closure.classId === classId) && closure.firstDate <= date && date <= closure.lastDate;
}

/** The closure in force for a class on a day, if any (closures of one class never overlap). */
export function closureOn(closures: readonly Closure[], classId: number, date: string): Closure | undefined {
  // A loop, not find(): summaries ask for every child and day, most often of no closure at all.
  for (const c of closures) if (closureApplies(c, classId, date)) return c;
  return undefined;
}

/** Two closures that would cover the same class on the same day. */
export function overlaps(a: Pick<Closure, 'firstDate' | 'lastDate' | 'classId'>, b: Pick<Closure, 'firstDate' | 'lastDate' | 'classId'>) {
  const sameScope = a.classId === null || b.classId === null || a.classId === b.classId;
  return sameScope && a.firstDate <= b.lastDate && b.firstDate <= a.lastDate;
}

export const isWorkingKind = (day: DayInfo) => day.kind === 'workday' || day.kind === 'makeup_workday';

/** Refused when a new closure covers no legal working day, or overlaps one on file for the same class. */
export function newClosureRefusal(
  closure: Pick<Closure, 'firstDate' | 'lastDate' | 'classId'>,
  workingDays: number,
  existing: readonly Closure[],
): Refusal | null {
  if (workingDays === 0) return { zh: '所选日期都不是法定工作日，无需登记停课或园内假期。', en: 'No working day in the range.' };
  const clash = existing.find((c) => overlaps(c, closure));
  if (!clash) return null;
  return {
    zh: `与已登记的${CLOSURE_LABELS[clash.kind].zh}（${clash.firstDate}～${clash.lastDate}，${clash.reason}）重叠。`,
    en: 'Overlaps an existing closure.',
  };
}

/** The roll calls a new closure wipes: those already taken on its days, for its class (or every class). They no longer count. */
export function wipedByClosure<T extends { classId: number; date: string }>(closure: Pick<Closure, 'firstDate' | 'lastDate' | 'classId'>, recorded: readonly T[]): T[] {
  return recorded.filter((r) => closureApplies({ ...closure, id: 0, kind: 'suspension', reason: '' }, r.classId, r.date));
}

/** Why a wiped day's record was removed, as its history shows it: 停课：水管维修. */
export const closureWipeReason = (closure: Pick<Closure, 'kind' | 'reason'>) => `${CLOSURE_LABELS[closure.kind].zh}：${closure.reason}`;
