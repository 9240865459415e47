import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar } from '../../../../core/calendar';
import { computeRefund, parseRefundCase, type RefundCase, whatIfDays } from '../../../../core/refund';
import { loadVectorFiles } from './vectors';

const calendar = bundledLegalCalendar();
const HAN = /[\u4e00-\u9fff]/;

/** The English interface shows the refund in English; the printed statement keeps the Chinese sentence. */
describe('refund explanations in English', () => {
  const cases = loadVectorFiles().flatMap((f) => f.vectors.filter((v) => !v.error).map((v) => [`${f.policy}: ${v.name}`, v.case] as const));
  it.each(cases)('%s', (_name, raw) => {
    const result = computeRefund(parseRefundCase(raw), calendar);
    for (const line of result.lines) {
      expect(line.explanation).toMatch(HAN);
      expect(line.explanationEn).not.toMatch(HAN);
      expect(line.explanationEn).toContain(`${line.refund} yuan`);
      // The same amounts and percentages as the Chinese sentence.
      const figures = (s: string) => (s.match(/\d+\.\d{2}(?!\d)|\d+(?:\.\d+)?%/g) ?? []).sort();
      expect(figures(line.explanationEn)).toEqual(figures(line.explanation));
    }
  });

  it('reads as a sentence for the common Nantong case', () => {
    const result = computeRefund(
      { policy: 'nantong-2018', month: '2026-11', billing: 'monthly', fees: [{ item: 'education', paid: '520.00' }], presentDays: 6, reason: 'leave' },
      calendar,
    );
    expect(result.lines[0]!.explanationEn).toBe(
      `6 days present this month, more than 4 days and at most half of the ${result.legalWorkingDays} legal working days of the month: clause ${result.lines[0]!.clause} refunds 50% of the education fee, 260.00 yuan.`,
    );
  });

  it('gives the what-if hints in English beside the Chinese', () => {
    const nt = (presentDays: number): RefundCase => ({ policy: 'nantong-2018', month: '2026-11', billing: 'monthly', fees: [{ item: 'education', paid: '520.00' }], presentDays, reason: 'leave' });
    const result = whatIfDays(nt(5), calendar);
    expect(result.hintsZh).toEqual(['再缺勤 1 天将退保教费 80%', '再出勤 6 天将不再退还保教费']);
    expect(result.hintsEn).toEqual(['1 more day absent would refund 80% of the education fee', '6 more days present would refund none of the education fee']);
  });
});
