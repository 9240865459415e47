import { describe, expect, it } from 'vitest';
import { documentNumber, paymentAmountProblem, receiptSequence, sequenceOf } from '../../../../core/billing/payments';

describe('what the desk types for a payment', () => {
  it('says under the amount field what is wrong, in Chinese first', () => {
    expect(paymentAmountProblem('-5')?.[0]).toBe('金额不能为负数');
    expect(paymentAmountProblem('')?.[0]).toBe('请填写金额');
    expect(paymentAmountProblem('0.00')?.[0]).toBe('金额必须大于 0');
    expect(paymentAmountProblem('5.005')?.[0]).toBe('金额最多两位小数（到分）');
    expect(paymentAmountProblem('五百')?.[0]).toBe('金额应为数字，例如 520.00');
    expect(paymentAmountProblem(' 520 ')).toBeNull();
    expect(paymentAmountProblem('0.01')).toBeNull();
  });

  it('numbers receipts SK<year>-<five digits> in a sequence per year of the payment date', () => {
    expect(documentNumber('SK', '2026', 1)).toBe('SK2026-00001');
    expect(documentNumber('SK', '2026', 123456)).toBe('SK2026-123456');
    expect(sequenceOf('SK2026-00042')).toBe(42);
    expect(sequenceOf('SK2026-42')).toBeNull();
    expect(receiptSequence('2026-12-31')).toBe('receipt:2026');
  });
});
