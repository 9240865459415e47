// Test vectors derived from each clause, kept as data: one file per policy in
// vectors/, so a new city's notice brings its own file and no test code.
import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar, CalendarMissingError } from '../../../../core/calendar';
import { BUILTIN_POLICY_IDS, getBuiltinPolicy } from '../../../../core/policies';
import { parseRefundCase, RefundInputError, computeRefund } from '../../../../core/refund';
import { loadVectorFiles } from './vectors';

const calendar = bundledLegalCalendar();

describe('built-in notices', () => {
  it('each comes with its vectors file, and each vectors file is for a built-in notice', () => {
    expect(loadVectorFiles().map((f) => f.policy).sort()).toEqual([...BUILTIN_POLICY_IDS].sort());
  });

  it('each has a Chinese and an English name in its data (forms list them from there)', () => {
    for (const id of BUILTIN_POLICY_IDS) {
      const policy = getBuiltinPolicy(id)!;
      expect(policy.name, id).toMatch(/\p{Script=Han}/u);
      expect(policy.nameEn, id).toMatch(/^[A-Z]/);
    }
  });
});

describe.each(loadVectorFiles().map((f) => [f.policy, f] as const))('%s vectors', (_policy, file) => {
  it.each(file.vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const compute = () => computeRefund(parseRefundCase(vector.case), calendar);
    if (vector.error) {
      let caught: unknown;
      try {
        compute();
      } catch (error) {
        caught = error;
      }
      expect(caught instanceof RefundInputError || caught instanceof CalendarMissingError).toBe(true);
      for (const text of vector.error) expect((caught as Error).message).toContain(text);
      expect((caught as RefundInputError).messageZh).toMatch(/[\u4e00-\u9fff]/);
      return;
    }
    const result = compute();
    expect({
      legalWorkingDays: result.legalWorkingDays,
      lines: result.lines.map(({ item, refund, clause }) => ({ item, refund, clause })),
      total: result.total,
    }).toEqual(vector.expected);
    for (const line of result.lines) expect(line.explanation).toContain(`${line.refund} 元`);
  });
});
