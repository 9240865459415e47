import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../renderer/components/ticks';
import { formatChange, formatFigure } from '../../../renderer/surveys/format';

describe('survey figures on screen and paper', () => {
  it('show every mean with two decimals and a score with one, whatever the rounding left', () => {
    expect([4.3, 4.27, 4, 3.999].map((v) => formatFigure(v))).toEqual(['4.30', '4.27', '4.00', '4.00']);
    expect(formatFigure(35, 'nps')).toBe('35.0');
    expect(formatFigure(null)).toBe('—');
    expect([formatChange(0.2), formatChange(-0.35), formatChange(-5, 'nps')]).toEqual(['+0.20', '-0.35', '-5.0']);
  });
});

describe('chart axes', () => {
  it('count in steps of 1, 2 or 5 times a power of ten, ending at or above the largest bar', () => {
    expect(niceTicks(16)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(47)).toEqual([0, 10, 20, 30, 40, 50]);
    for (const max of [2, 7, 13, 19, 24, 33, 61, 99, 240]) {
      const ticks = niceTicks(max);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(String(step)).toMatch(/^(1|2|5)0*$/);
    }
  });
});
