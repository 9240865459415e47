import type { DayInfo } from '../calendar';
import type { ClosureKind } from './status';

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
  return closures.find((c) => closureApplies(c, classId, date));
}

/** Two closures that would cover the same class on the same day. */
export function overlaps(a: Pick<Closure, 'firstDate' | 'lastDate' | 'classId'>, b: Pick<Closure, 'firstDate' | 'lastDate' | 'classId'>) {
  const sameScope = a.classId === null || b.classId === null || a.classId === b.classId;
  return sameScope && a.firstDate <= b.lastDate && b.firstDate <= a.lastDate;
}

export const isWorkingKind = (day: DayInfo) => day.kind === 'workday' || day.kind === 'makeup_workday';
