import { describe, expect, it } from 'vitest';
import { type Closure, closureWipeReason, newClosureRefusal, wipedByClosure } from '../../../../core/attendance';

const onFile: Closure = { id: 1, firstDate: '2026-11-16', lastDate: '2026-11-18', kind: 'suspension', classId: 7, reason: '流感停课' };

describe('a new closure', () => {
  it('is refused when it covers no legal working day', () => {
    expect(newClosureRefusal({ firstDate: '2026-11-21', lastDate: '2026-11-22', classId: null }, 0, [])?.zh).toBe('所选日期都不是法定工作日，无需登记停课或园内假期。');
  });

  it('is refused when it overlaps one on file for the same class or the whole kindergarten, naming it', () => {
    expect(newClosureRefusal({ firstDate: '2026-11-18', lastDate: '2026-11-19', classId: 7 }, 2, [onFile])?.zh).toBe(
      '与已登记的停课（2026-11-16～2026-11-18，流感停课）重叠。',
    );
    expect(newClosureRefusal({ firstDate: '2026-11-18', lastDate: '2026-11-18', classId: null }, 1, [onFile])).not.toBeNull();
    expect(newClosureRefusal({ firstDate: '2026-11-18', lastDate: '2026-11-18', classId: 8 }, 1, [onFile])).toBeNull();
    expect(newClosureRefusal({ firstDate: '2026-11-19', lastDate: '2026-11-20', classId: 7 }, 2, [onFile])).toBeNull();
  });

  it("wipes the roll calls already taken on its days for its class, or for every class when it is the whole kindergarten's", () => {
    const recorded = [
      { childId: 1, classId: 7, date: '2026-11-19' },
      { childId: 2, classId: 8, date: '2026-11-19' },
      { childId: 1, classId: 7, date: '2026-11-23' },
    ];
    expect(wipedByClosure({ firstDate: '2026-11-19', lastDate: '2026-11-20', classId: 7 }, recorded)).toEqual([recorded[0]]);
    expect(wipedByClosure({ firstDate: '2026-11-19', lastDate: '2026-11-20', classId: null }, recorded)).toEqual([recorded[0], recorded[1]]);
    expect(closureWipeReason({ kind: 'own_holiday', reason: '园庆' })).toBe('园内假期：园庆');
  });
});
