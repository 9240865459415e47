import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar } from '../../../../core/calendar';
import { Decimal } from '../../../../core/money';
import { BUILTIN_POLICY_IDS } from '../../../../core/policies';
import { RefundInputError, type RefundResult, computeRefund } from '../../../../core/refund';
import { caseArb, presentDaysOf, withPresentDays } from './arbitraries';

const calendar = bundledLegalCalendar();
const RUNS = { numRuns: 300 };

function refundOrNull(c: Parameters<typeof computeRefund>[0]): RefundResult | null {
  try {
    return computeRefund(c, calendar);
  } catch (error) {
    if (error instanceof RefundInputError) return null;
    throw error;
  }
}

describe.each(BUILTIN_POLICY_IDS.map((id) => [id]))('%s properties', (policy) => {
  it('every line is between 0 and what was paid for the item and period', () => {
    fc.assert(
      fc.property(caseArb(policy), (c) => {
        const result = computeRefund(c, calendar);
        result.lines.forEach((line, i) => {
          const refund = new Decimal(line.refund);
          expect(refund.isNegative()).toBe(false);
          expect(refund.lessThanOrEqualTo(c.fees[i]?.paid ?? '0')).toBe(true);
          expect(line.refund).toMatch(/^\d+\.\d{2}$/);
          expect(line.clause).not.toBe('');
          expect(line.explanation).toContain(`${line.refund} 元`);
        });
      }),
      RUNS,
    );
  });

  it('the total is the sum of the rounded lines, one line per fee in order', () => {
    fc.assert(
      fc.property(caseArb(policy), (c) => {
        const result = computeRefund(c, calendar);
        expect(result.lines.map((l) => l.item)).toEqual(c.fees.map((f) => f.item));
        const sum = result.lines.reduce((s, l) => s.plus(l.refund), new Decimal(0));
        expect(new Decimal(result.total).equals(sum)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refunds never increase when days present increase', () => {
    fc.assert(
      fc.property(caseArb(policy), (c) => {
        const more = refundOrNull(withPresentDays(c, presentDaysOf(c) + 1));
        if (!more) return;
        const base = computeRefund(c, calendar);
        base.lines.forEach((line, i) => {
          expect(new Decimal(more.lines[i]?.refund ?? '0').lessThanOrEqualTo(line.refund)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('withdrawal never refunds less than leave for the same month', () => {
    fc.assert(
      fc.property(caseArb(policy, ['leave']), (c) => {
        const leave = computeRefund(c, calendar);
        const withdrawal = computeRefund({ ...c, reason: 'withdrawal' }, calendar);
        leave.lines.forEach((line, i) => {
          expect(new Decimal(withdrawal.lines[i]?.refund ?? '0').greaterThanOrEqualTo(line.refund)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('false advertising never refunds less than withdrawal', () => {
    fc.assert(
      fc.property(caseArb(policy, ['withdrawal']), (c) => {
        const withdrawal = computeRefund(c, calendar);
        const fault = computeRefund({ ...c, reason: 'false_advertising' }, calendar);
        expect(new Decimal(fault.total).greaterThanOrEqualTo(withdrawal.total)).toBe(true);
      }),
      RUNS,
    );
  });
});
