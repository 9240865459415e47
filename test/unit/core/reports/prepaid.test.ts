import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PrepaidEntry, prepaidAt, servedFen } from '../../../../core/reports/prepaid';

const semester = (amountFen: number, bucket: PrepaidEntry['bucket'] = 'charges'): PrepaidEntry => ({
  householdId: 1,
  bucket,
  amountFen,
  periodFirst: '2026-09',
  periodLast: '2027-01',
});
const money = (amountFen: number, householdId = 1): PrepaidEntry => ({ householdId, bucket: amountFen < 0 ? 'paymentsIn' : 'paymentsOut', amountFen, periodFirst: '2026-09', periodLast: '2026-09' });

describe('served share of a line covering several months', () => {
  it('spreads a semester evenly, rounding the cumulative share so the months add up to the line', () => {
    expect(servedFen(100000, '2026-09', '2027-01', '2026-08')).toBe(0);
    expect(servedFen(100000, '2026-09', '2027-01', '2026-09')).toBe(20000);
    expect(servedFen(100000, '2026-09', '2027-01', '2026-11')).toBe(60000);
    expect(servedFen(100000, '2026-09', '2027-01', '2027-01')).toBe(100000);
    expect(servedFen(100000, '2026-09', '2027-01', '2027-06')).toBe(100000);
    // 1000.00 over 3 months: 333.33, 666.67, 1000.00.
    expect([10, 11, 12].map((m) => servedFen(100000, '2026-10', '2026-12', `2026-${m}`))).toEqual([33333, 66667, 100000]);
    expect(servedFen(-100000, '2026-10', '2026-12', '2026-11')).toBe(-66667);
  });

  it('never releases more than the line and never goes backwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 7 }), (fen, months) => {
        const last = `2026-${String(months).padStart(2, '0')}`;
        let before = 0;
        for (let m = 1; m <= months; m++) {
          const now = servedFen(fen, '2026-01', last, `2026-${String(m).padStart(2, '0')}`);
          expect(Math.abs(now)).toBeGreaterThanOrEqual(Math.abs(before));
          expect(Math.abs(now)).toBeLessThanOrEqual(Math.abs(fen));
          before = now;
        }
        expect(before).toBe(fen);
      }),
    );
  });
});

describe('prepaid, not yet served', () => {
  it('a semester paid in September: four fifths are held at the end of September and released month by month', () => {
    const entries = [semester(210000), semester(-105000, 'reductions'), money(-105000)];
    const [sep] = prepaidAt(entries, '2026-09');
    expect(sep).toMatchObject({ prepaidFen: 84000, owedFen: 0, futureFen: 84000, balanceFen: 0, unbilledFen: 0 });
    expect(sep!.release).toEqual([
      { month: '2026-10', fen: 21000 },
      { month: '2026-11', fen: 21000 },
      { month: '2026-12', fen: 21000 },
      { month: '2027-01', fen: 21000 },
    ]);
    expect(prepaidAt(entries, '2026-11')[0]).toMatchObject({ prepaidFen: 42000, futureFen: 42000 });
    expect(prepaidAt(entries, '2027-01')[0]).toMatchObject({ prepaidFen: 0, futureFen: 0, balanceFen: 0 });
  });

  it('money paid with no bill yet is all prepaid, kept as credit for bills to come', () => {
    expect(prepaidAt([money(-50000)], '2026-09')[0]).toMatchObject({ prepaidFen: 50000, unbilledFen: 50000, release: [], balanceFen: -50000 });
  });

  it('a bill issued ahead and not paid is neither prepaid nor owed; served and unpaid is owed', () => {
    const nov: PrepaidEntry = { householdId: 2, bucket: 'charges', amountFen: 42000, periodFirst: '2026-11', periodLast: '2026-11' };
    expect(prepaidAt([nov], '2026-10')[0]).toMatchObject({ prepaidFen: 0, owedFen: 0, futureFen: 42000, balanceFen: 42000 });
    expect(prepaidAt([nov], '2026-11')[0]).toMatchObject({ prepaidFen: 0, owedFen: 42000, futureFen: 0 });
  });

  it('a refund for a served month leaves credit that counts as prepaid; a payout takes it away', () => {
    const oct: PrepaidEntry = { householdId: 3, bucket: 'charges', amountFen: 69000, periodFirst: '2026-10', periodLast: '2026-10' };
    const refund: PrepaidEntry = { householdId: 3, bucket: 'refunds', amountFen: -33000, periodFirst: '2026-10', periodLast: '2026-10' };
    expect(prepaidAt([oct, money(-69000, 3), refund], '2026-11')[0]).toMatchObject({ prepaidFen: 33000, unbilledFen: 33000 });
    expect(prepaidAt([oct, money(-69000, 3), refund, money(20000, 3)], '2026-11')[0]).toMatchObject({ prepaidFen: 13000 });
  });

  it('for any entries: balance = owed − prepaid + billed for later months, and releases never exceed what is held', () => {
    const months = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'];
    const entry = fc.record({
      householdId: fc.integer({ min: 1, max: 3 }),
      bucket: fc.constantFrom('charges', 'reductions', 'refunds', 'paymentsIn', 'paymentsOut' as const),
      fen: fc.integer({ min: 1, max: 1_000_000 }),
      first: fc.integer({ min: 0, max: 4 }),
      span: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.constantFrom(...months), (specs, month) => {
        const sign = { charges: 1, reductions: -1, refunds: -1, paymentsIn: -1, paymentsOut: 1 } as const;
        const entries: PrepaidEntry[] = specs.map((s) => ({
          householdId: s.householdId,
          bucket: s.bucket,
          amountFen: sign[s.bucket] * s.fen,
          periodFirst: months[s.first]!,
          periodLast: months[Math.min(4, s.first + s.span)]!,
        }));
        for (const h of prepaidAt(entries, month)) {
          const mine = entries.filter((e) => e.householdId === h.householdId);
          expect(h.balanceFen).toBe(mine.reduce((a, e) => a + e.amountFen, 0));
          expect(h.balanceFen).toBe(h.owedFen - h.prepaidFen + h.futureFen);
          expect(h.owedFen === 0 || h.prepaidFen === 0).toBe(true);
          expect(h.release.reduce((a, r) => a + r.fen, 0) + h.unbilledFen).toBe(h.prepaidFen);
          for (const r of h.release) expect(r.month > month).toBe(true);
        }
      }),
    );
  });
});
