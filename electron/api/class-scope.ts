import type { Actor } from './define';
import { ApiError } from './errors';

/**
 * "A teacher sees only her class", in one place: every handler asks the
 * context's scope rather than looking at the role itself. Office roles see
 * every class; a teacher sees her own, and none while she has no class yet.
 */
export interface ClassScope {
  /** null: every class. Otherwise the only class visible (NO_CLASS for a teacher without one, which matches no row). */
  readonly classId: number | null;
  includes(classId: number): boolean;
  /** Throws forbidden with the area's own sentence unless the class is visible. */
  require(classId: number, message: { zh: string; en: string }): void;
}

export const NO_CLASS = -1;

export function classScope(actor: Actor | null): ClassScope {
  const classId = actor?.role === 'teacher' ? (actor.classId ?? NO_CLASS) : null;
  const includes = (id: number) => classId === null || (classId !== NO_CLASS && id === classId);
  return {
    classId,
    includes,
    require(id, message) {
      if (!includes(id)) throw new ApiError('forbidden', message.zh, message.en);
    },
  };
}
