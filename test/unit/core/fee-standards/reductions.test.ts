import { describe, expect, it } from 'vitest';
import { applyReduction } from '../../../../core/fee-standards';
import { REDUCTION_CATEGORIES } from '../../../../core/families/labels';
import { getBuiltinPolicy } from '../../../../core/policies';

describe('reduction categories on a child and in the fee notice', () => {
  it('every category the front desk can record is one NT-3.7 knows, with its rate', () => {
    const nantong = getBuiltinPolicy('nantong-2018')!;
    for (const category of REDUCTION_CATEGORIES) {
      const reduced = applyReduction(nantong, { standard: '420.00', category, kindergartenKind: 'public' });
      expect(reduced, category).not.toBeNull();
      expect(['210.00', '0.00']).toContain(reduced!.due);
    }
  });
});
