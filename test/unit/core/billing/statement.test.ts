import { describe, expect, it } from 'vitest';
import { statement } from '../../../../core/billing/statement';

const entries = [
  { id: 1, entryDate: '2026-09-01', amountFen: 69000 },
  { id: 2, entryDate: '2026-09-01', amountFen: -34500 },
  // Recorded later but dated earlier: the statement follows the business date.
  { id: 5, entryDate: '2026-09-05', amountFen: -34500 },
  { id: 3, entryDate: '2026-10-01', amountFen: 69000 },
  { id: 4, entryDate: '2026-10-08', amountFen: -80000 },
];

describe('a household statement', () => {
  it('runs the balance over every entry in business-date order', () => {
    const s = statement(entries, null, null);
    expect(s.entries.map((e) => [e.id, e.balanceFen])).toEqual([
      [1, 69000],
      [2, 34500],
      [5, 0],
      [3, 69000],
      [4, -11000],
    ]);
    expect(s).toMatchObject({ openingFen: 0, closingFen: -11000 });
  });

  it('opens a period with the balance of everything before it and closes with the balance at its end', () => {
    const s = statement(entries, '2026-10-01', '2026-10-31');
    expect(s.entries.map((e) => e.id)).toEqual([3, 4]);
    expect(s).toMatchObject({ openingFen: 0, closingFen: -11000, debitsFen: 69000, creditsFen: 80000 });
    expect(s.openingFen + s.debitsFen - s.creditsFen).toBe(s.closingFen);
    const september = statement(entries, '2026-09-02', '2026-09-30');
    expect(september).toMatchObject({ openingFen: 34500, closingFen: 0 });
    const empty = statement(entries, '2026-11-01', '2026-11-30');
    expect(empty).toMatchObject({ openingFen: -11000, closingFen: -11000, entries: [] });
  });
});
