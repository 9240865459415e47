import { describe, expect, it } from 'vitest';
import { classScope, NO_CLASS } from '../../../electron/api/class-scope';
import type { Actor } from '../../../electron/api/define';

const actor = (role: Actor['role'], classId: number | null): Actor => ({ staffId: 1, username: 'x', displayName: 'x', role, classId });
const message = { zh: '只能查看本班。', en: 'Own class only.' };

describe('a teacher sees only her class', () => {
  it('office roles see every class', () => {
    for (const role of ['principal', 'front_desk', 'finance'] as const) {
      const scope = classScope(actor(role, null));
      expect(scope.classId).toBeNull();
      expect(scope.includes(3)).toBe(true);
    }
  });

  it('a teacher sees her own class and is refused any other, with the sentence the area gives', () => {
    const scope = classScope(actor('teacher', 3));
    expect(scope.classId).toBe(3);
    expect(scope.includes(3)).toBe(true);
    expect(scope.includes(4)).toBe(false);
    expect(() => scope.require(4, message)).toThrow('只能查看本班。');
    expect(() => scope.require(3, message)).not.toThrow();
  });

  it('a teacher without a class sees none', () => {
    const scope = classScope(actor('teacher', null));
    expect(scope.classId).toBe(NO_CLASS);
    expect(scope.includes(NO_CLASS)).toBe(false);
    expect(() => scope.require(1, message)).toThrow();
  });
});
