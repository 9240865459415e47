import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountProblem, Decimal, fenOfAmount, formatAmount, formatFen, formatPercent, fromFen, parseAmount, parseRate, toFen } from '../../../core/money';

describe('money', () => {
  it('rounds half-up to the fen where a float would not', () => {
    expect(formatAmount(parseAmount('1333.33').times('0.5'))).toBe('666.67');
    expect(formatAmount(parseAmount('2.01').times('0.5'))).toBe('1.01');
    expect(formatAmount(parseAmount('0.1').plus('0.2'))).toBe('0.30');
    expect(formatAmount(new Decimal(1000).dividedBy(3).times(3))).toBe('1000.00');
  });

  it('formats with exactly two decimals, large and small', () => {
    expect(formatAmount(new Decimal(0))).toBe('0.00');
    expect(formatAmount(new Decimal('0.005'))).toBe('0.01');
    expect(formatAmount(new Decimal('520'))).toBe('520.00');
    expect(formatAmount(new Decimal('123456789012.3'))).toBe('123456789012.30');
    expect(formatAmount(new Decimal('-1.5'))).toBe('-1.50');
  });

  it('classifies bad amounts', () => {
    expect(amountProblem('520.00')).toBeNull();
    expect(amountProblem('520')).toBeNull();
    expect(amountProblem('-5')).toBe('negative');
    expect(amountProblem('1.005')).toBe('too_many_decimals');
    for (const bad of ['abc', '', '1e3', ' 5', '5 ', '+5', '0x10', '1,000.00', 'NaN', 'Infinity']) {
      expect(amountProblem(bad)).toBe('not_a_number');
    }
  });

  it('converts to and from integer fen', () => {
    expect(toFen(parseAmount('520.05'))).toBe(52005);
    expect(formatAmount(fromFen(52005))).toBe('520.05');
    expect(() => fromFen(0.5)).toThrow();
  });

  it('parses rates between 0 and 1 only', () => {
    expect(parseRate('0.5')?.toString()).toBe('0.5');
    expect(parseRate('1')?.toString()).toBe('1');
    expect(parseRate('1.2')).toBeNull();
    expect(parseRate('-0.1')).toBeNull();
    expect(formatPercent(new Decimal('0.125'))).toBe('12.5%');
  });
});

describe('fen as text, without a Decimal', () => {
  it('formatFen writes what formatAmount(fromFen(fen)) writes, and fenOfAmount reads it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (fen) => {
        expect(formatFen(fen)).toBe(formatAmount(fromFen(fen)));
        expect(fenOfAmount(formatFen(fen))).toBe(fen);
      }),
    );
    expect(() => fenOfAmount('520')).toThrow(RangeError);
  });
});
