import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, allocationProblems, type OpenBill } from '../../../../core/billing/allocate';

const bill = (billId: number, dueOn: string, outstandingFen: number, periodFirst = dueOn.slice(0, 7)): OpenBill => ({
  billId,
  number: `JF2026-${String(billId).padStart(5, '0')}`,
  dueOn,
  periodFirst,
  outstandingFen,
});

describe('a payment spread over a household’s open bills', () => {
  const open = [bill(3, '2026-11-10', 69000), bill(1, '2026-09-10', 69000), bill(2, '2026-10-10', 42000)];

  it('pays the oldest due date first, whatever order the bills come in', () => {
    expect(allocateOldestFirst(100000, open)).toEqual({
      allocations: [
        { billId: 1, amountFen: 69000 },
        { billId: 2, amountFen: 31000 },
      ],
      creditFen: 0,
    });
  });

  it('keeps what is left over after every bill as credit', () => {
    expect(allocateOldestFirst(200000, open)).toEqual({
      allocations: [
        { billId: 1, amountFen: 69000 },
        { billId: 2, amountFen: 42000 },
        { billId: 3, amountFen: 69000 },
      ],
      creditFen: 20000,
    });
  });

  it('puts a payment with no open bill entirely on the account (paid ahead)', () => {
    expect(allocateOldestFirst(52000, [])).toEqual({ allocations: [], creditFen: 52000 });
  });

  it('breaks a tie of due dates by period, then by bill number (two children’s bills of one month)', () => {
    const ties = [bill(9, '2026-10-10', 100, '2026-10'), bill(8, '2026-10-10', 100, '2026-10'), bill(7, '2026-10-10', 100, '2026-09')];
    expect(allocateOldestFirst(200, ties).allocations.map((a) => a.billId)).toEqual([7, 8]);
  });

  it('never allocates more than paid or more than a bill needs, and loses no fen', () => {
    const bills = fc.uniqueArray(
      fc.record({ billId: fc.integer({ min: 1, max: 50 }), day: fc.integer({ min: 1, max: 28 }), outstandingFen: fc.integer({ min: 1, max: 500_000 }) }),
      { selector: (b) => b.billId, maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), bills, (amount, raw) => {
        const list = raw.map((b) => bill(b.billId, `2026-10-${String(b.day).padStart(2, '0')}`, b.outstandingFen));
        const { allocations, creditFen } = allocateOldestFirst(amount, list);
        expect(allocations.reduce((s, a) => s + a.amountFen, 0) + creditFen).toBe(amount);
        expect(allocationProblems(amount, allocations, list)).toEqual([]);
        // Credit only remains when every bill is paid in full.
        if (creditFen > 0) expect(allocations.length).toBe(list.length);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe('a split changed at the desk', () => {
  const open = [bill(1, '2026-09-10', 69000), bill(2, '2026-10-10', 42000)];

  it('is accepted when it stays within each bill and the amount', () => {
    expect(allocationProblems(50000, [{ billId: 2, amountFen: 42000 }], open)).toEqual([]);
  });

  it('is refused with the line at fault: a bill that is not open, twice the same bill, zero, more than the bill needs', () => {
    const problems = allocationProblems(
      500000,
      [
        { billId: 99, amountFen: 100 },
        { billId: 1, amountFen: 100 },
        { billId: 1, amountFen: 100 },
        { billId: 2, amountFen: 0 },
      ],
      open,
    );
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [0, 'unknown_bill'],
      [2, 'duplicate_bill'],
      [3, 'not_positive'],
    ]);
    expect(allocationProblems(500000, [{ billId: 2, amountFen: 42001 }], open).map((p) => p.code)).toEqual(['over_bill']);
  });

  it('is refused when the shares add up to more than was paid', () => {
    const problems = allocationProblems(
      50000,
      [
        { billId: 1, amountFen: 30000 },
        { billId: 2, amountFen: 30000 },
      ],
      open,
    );
    expect(problems).toEqual([expect.objectContaining({ index: null, code: 'over_amount', message: '分配合计超过本次缴费金额' })]);
  });
});
