import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, checkLine, emptyTotals, lineAmount } from '../../../../core/reports/check-line';
import { resolveEntries, type RawEntry } from '../../../../core/reports/entries';

const raw = (over: Partial<RawEntry> & Pick<RawEntry, 'id' | 'kind' | 'amountFen'>): RawEntry => ({
  householdId: 1,
  childId: 1,
  classId: 1,
  entryDate: '2026-10-05',
  item: 'education',
  periodMonth: '2026-10',
  lineFirst: null,
  lineLast: null,
  reductionCategory: null,
  lineKind: null,
  paymentId: null,
  settlementId: null,
  reversesEntryId: null,
  ...over,
});

describe('the check line', () => {
  it('puts each kind of entry on its line, a reversal where the entry it cancels was', () => {
    expect(bucketOf({ kind: 'charge' })).toBe('charges');
    expect(bucketOf({ kind: 'reduction' })).toBe('reductions');
    expect(bucketOf({ kind: 'refund' })).toBe('refunds');
    expect(bucketOf({ kind: 'payment' })).toBe('paymentsIn');
    expect(bucketOf({ kind: 'payout' })).toBe('paymentsOut');
    expect(bucketOf({ kind: 'correction', fromSettlement: true })).toBe('refunds');
    // A replacement's difference lands on the line it changes; a dropped line by its sign.
    expect(bucketOf({ kind: 'correction', lineKind: 'charge', amountFen: -5000 })).toBe('charges');
    expect(bucketOf({ kind: 'correction', lineKind: 'reduction', amountFen: -21000 })).toBe('reductions');
    expect(bucketOf({ kind: 'correction', lineKind: null, amountFen: 21000 })).toBe('reductions');
    expect(bucketOf({ kind: 'correction', lineKind: null, amountFen: -42000 })).toBe('charges');
    expect(bucketOf({ kind: 'reversal', reversedKind: 'correction', lineKind: 'reduction', amountFen: -21000 })).toBe('reductions');
    expect(bucketOf({ kind: 'reversal', reversedKind: 'payment' })).toBe('paymentsIn');
    expect(() => bucketOf({ kind: 'reversal' })).toThrow(/name the entry/);
  });

  it('reads every line as a positive sum: a payment in of −520.00 on the ledger is 520.00 received', () => {
    expect(lineAmount('paymentsIn', -52000)).toBe(52000);
    expect(lineAmount('reductions', -21000)).toBe(21000);
    expect(lineAmount('charges', 42000)).toBe(42000);
    expect(lineAmount('paymentsOut', 5000)).toBe(5000);
  });

  it('prints both lines with the figures and says when the balances do not add up', () => {
    const totals = { charges: 73500, reductions: 0, refunds: 0, paymentsIn: 10000, paymentsOut: 0 };
    const ok = checkLine({ totals, openingFen: 42000, closingFen: 105500, owedFen: 105500, creditFen: 0 });
    expect(ok.holds).toBe(true);
    expect(ok.text.zh[0]).toBe('收费 735.00 − 减免 0.00 − 退费 0.00 = 净应收 735.00');
    expect(ok.text.zh[1]).toBe('期初余额 420.00 + 净应收 735.00 − 收款 100.00 + 付出 0.00 = 期末余额 1055.00；各户余额合计 1055.00（欠费 1055.00，结余 0.00） ✓');
    const off = checkLine({ totals, openingFen: 42000, closingFen: 105499 });
    expect(off.holds).toBe(false);
    expect(off.text.zh[1]).toContain('✗ 不平');
    expect(checkLine({ totals, openingFen: 42000, closingFen: 105500, owedFen: 105600, creditFen: 0 }).holds).toBe(false);
  });

  it('holds for any sequence of entries and reversals: closing = opening + every entry', () => {
    const kinds = ['charge', 'reduction', 'refund', 'payment', 'payout'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), fen: fc.integer({ min: 1, max: 10_000_000 }), reverse: fc.boolean() }), { maxLength: 40 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (specs, opening) => {
          const sign = { charge: 1, reduction: -1, refund: -1, payment: -1, payout: 1 } as const;
          const rows: RawEntry[] = [];
          let id = 1;
          for (const s of specs) {
            const original = raw({ id: id++, kind: s.kind, amountFen: sign[s.kind] * s.fen });
            rows.push(original);
            if (s.reverse) rows.push(raw({ id: id++, kind: 'reversal', amountFen: -original.amountFen, reversesEntryId: original.id }));
          }
          const totals = emptyTotals();
          for (const e of resolveEntries(rows, new Map(rows.map((r) => [r.id, r])))) totals[e.bucket] += e.lineFen;
          const closing = opening + rows.reduce((a, r) => a + r.amountFen, 0);
          expect(checkLine({ totals, openingFen: opening, closingFen: closing }).holds).toBe(true);
        },
      ),
    );
  });
});

describe('ledger entries as the reports read them', () => {
  it('gives a reversal the item, period and payment of the entry it cancels, through a reversal of a reversal', () => {
    const charge = raw({ id: 1, kind: 'charge', amountFen: 210000, lineFirst: '2026-09', lineLast: '2027-01', periodMonth: '2026-09' });
    const undo = raw({ id: 2, kind: 'reversal', amountFen: -210000, reversesEntryId: 1, item: null, periodMonth: null, childId: null, classId: null });
    const redo = raw({ id: 3, kind: 'reversal', amountFen: 210000, reversesEntryId: 2, item: null, periodMonth: null });
    const [a, b, c] = resolveEntries([charge, undo, redo], new Map([charge, undo, redo].map((r) => [r.id, r])));
    expect(a).toMatchObject({ bucket: 'charges', lineFen: 210000, periodFirst: '2026-09', periodLast: '2027-01', isReversal: false });
    expect(b).toMatchObject({ bucket: 'charges', lineFen: -210000, item: 'education', childId: 1, periodFirst: '2026-09', isReversal: true });
    expect(c).toMatchObject({ bucket: 'charges', lineFen: 210000 });
  });

  it('refuses a reversal whose entry was not loaded rather than guess its line', () => {
    const undo = raw({ id: 2, kind: 'reversal', amountFen: -100, reversesEntryId: 99 });
    expect(() => resolveEntries([undo], new Map())).toThrow(/not loaded/);
  });

  it('puts an entry without a period in the month it was booked', () => {
    const [p] = resolveEntries([raw({ id: 1, kind: 'payment', amountFen: -100, periodMonth: null, entryDate: '2026-11-05' })], new Map());
    expect(p).toMatchObject({ periodFirst: '2026-11', periodLast: '2026-11', bucket: 'paymentsIn', lineFen: 100 });
  });
});
