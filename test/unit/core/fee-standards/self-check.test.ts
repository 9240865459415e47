import { describe, expect, it } from 'vitest';
import { selfCheck } from '../../../../core/fee-standards';
import { getBuiltinPolicy } from '../../../../core/policies';

const nantong = getBuiltinPolicy('nantong-2018')!;
const xian = getBuiltinPolicy('xian-private')!;
const none = { educationFee: '', earlyCareFee: '', custodyFee: '', custodyAgreement: true, normalDailyRate: '', vacationDailyRate: '', otherFees: [] };
const publicGrade = { grade: 'provincial', fundingType: 'full' };

describe('收费标准自查: which checks apply', () => {
  it('runs only the checks whose amounts were entered, in a fixed order', () => {
    expect(selfCheck(nantong, publicGrade, none)).toEqual({ checked: [], violations: [] });
    const all = selfCheck(nantong, publicGrade, { ...none, educationFee: '420.00', earlyCareFee: '500.00', custodyFee: '100.00', normalDailyRate: '20.00', vacationDailyRate: '22.00', otherFees: ['校服'] });
    expect(all.checked).toEqual(['保教费标准', '托班（3岁以下）保教费', '托管费', '寒暑假托管日收费', '其他收费项目']);
  });

  it('checks the benchmark only for a kindergarten with a grade and funding (NT-1.1)', () => {
    expect(selfCheck(nantong, { grade: null, fundingType: null }, { ...none, educationFee: '420.00' }).checked).toEqual([]);
  });

  it('holds a local notice without its own list to the national ban on sponsorship fees', () => {
    expect(xian.feeStandards?.forbiddenFeeKinds).toBeUndefined();
    const result = selfCheck(xian, { grade: null, fundingType: null }, { ...none, otherFees: ['赞助费'] });
    expect(result.violations.length).toBeGreaterThan(0);
  });
});
