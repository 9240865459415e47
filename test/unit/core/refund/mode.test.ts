import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../../../core/policies';
import { refundMode } from '../../../../core/refund/mode';

describe('how a refund period is counted', () => {
  it('a monthly payer by the month; a semester payer in shares, or once for the whole semester where the notice says so (GS-1)', () => {
    const nantong = getBuiltinPolicy('nantong-2018')!;
    const generic = getBuiltinPolicy('generic-semester-days')!;
    expect(refundMode('monthly', generic)).toBe('month');
    expect(refundMode('semester', generic)).toBe('wholeSemester');
    expect(refundMode('semester', nantong)).toBe('shares');
  });
});
