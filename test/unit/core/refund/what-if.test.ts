import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar } from '../../../../core/calendar';
import { type RefundCase, whatIfDays } from '../../../../core/refund';

const calendar = bundledLegalCalendar();
const nt = (presentDays: number): RefundCase => ({
  policy: 'nantong-2018',
  month: '2026-11',
  billing: 'monthly',
  fees: [
    { item: 'education', paid: '520.00' },
    { item: 'meal', paid: '315.00', dailyRate: '15.00' },
  ],
  presentDays,
  reason: 'leave',
});

describe('whatIfDays', () => {
  it('at d=5 one more day absent reaches 80%', () => {
    const result = whatIfDays(nt(5), calendar);
    expect(result.current).toMatchObject({ presentDays: 5, educationRefund: '260.00', total: '500.00', delta: '0.00' });
    expect(result.oneFewer).toMatchObject({ presentDays: 4, educationRefund: '416.00', total: '671.00', delta: '171.00' });
    expect(result.oneMore).toMatchObject({ presentDays: 6, educationRefund: '260.00', total: '485.00', delta: '-15.00' });
    expect(result.hintsZh).toEqual(['再缺勤 1 天将退保教费 80%', '再出勤 6 天将不再退还保教费']);
  });

  it('at d=10 of W=21 one more day present ends the refund', () => {
    const result = whatIfDays(nt(10), calendar);
    expect(result.oneMore?.educationRefund).toBe('0.00');
    expect(result.hintsZh).toContain('再出勤 1 天将不再退还保教费');
    expect(result.hintsZh).toContain('再缺勤 6 天将退保教费 80%');
  });

  it('at the edges there is no scenario beyond the range', () => {
    expect(whatIfDays(nt(0), calendar).oneFewer).toBeNull();
    expect(whatIfDays(nt(21), calendar).oneMore).toBeNull();
  });

  it('works on semester days for GS-1', () => {
    const result = whatIfDays(
      {
        policy: 'generic-semester-days',
        month: '2026-07',
        billing: 'semester',
        semester: { first: '2026-03', last: '2026-07' },
        fees: [{ item: 'education', paid: '3000.00' }],
        semesterPresentDays: 11,
        reason: 'leave',
      },
      calendar,
    );
    expect(result.oneFewer?.educationRefund).toBe('2400.00');
    expect(result.hintsZh).toEqual(['再缺勤 1 天将退保教费 80%', '再出勤 20 天将只退保教费 30%']);
  });

  it('has no hint for a full refund', () => {
    expect(whatIfDays({ ...nt(5), reason: 'false_advertising' }, calendar).hintsZh).toEqual([]);
  });
});
