import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../../core/print/amount-words';

describe('金额大写 on printed statements', () => {
  it.each([
    ['260.00', '贰佰陆拾元整'],
    ['5250.00', '伍仟贰佰伍拾元整'],
    ['1234.50', '壹仟贰佰叁拾肆元伍角整'],
    ['10000.01', '壹万元零壹分'],
    ['666.67', '陆佰陆拾陆元陆角柒分'],
    ['0.00', '零元整'],
  ])('%s → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses anything that is not a plain two-decimal amount', () => {
    expect(() => amountInWords('-5.00')).toThrow(RangeError);
    expect(() => amountInWords('1e3')).toThrow(RangeError);
    expect(() => amountInWords('1.005')).toThrow(RangeError);
  });
});
