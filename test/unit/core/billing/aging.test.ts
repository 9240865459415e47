import { describe, expect, it } from 'vitest';
import { agingBucket, daysOverdue, householdArrears } from '../../../../core/billing/aging';

const bill = (billId: number, dueOn: string, outstandingFen: number) => ({ billId, number: `JF2026-0000${billId}`, dueOn, periodFirst: dueOn.slice(0, 7), outstandingFen });

describe('aging of arrears', () => {
  it('counts calendar days after the due date, and buckets them 0-30 / 31-60 / over 60', () => {
    expect(daysOverdue('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysOverdue('2026-12-01', '2026-12-01')).toBe(0);
    expect(daysOverdue('2026-12-05', '2026-12-01')).toBe(0);
    expect(daysOverdue('2026-09-10', '2026-12-01')).toBe(82);
    expect([1, 30, 31, 60, 61, 365].map(agingBucket)).toEqual(['d0_30', 'd0_30', 'd31_60', 'd31_60', 'over_60', 'over_60']);
  });

  it('lists only overdue bills with something left to pay', () => {
    const lines = householdArrears([bill(1, '2026-09-10', 69000), bill(2, '2026-11-10', 42000), bill(3, '2026-12-10', 69000), bill(4, '2026-10-10', 0)], 180000, '2026-12-01');
    expect(lines).toEqual([
      { billId: 1, outstandingFen: 69000, daysOverdue: 82, bucket: 'over_60' },
      { billId: 2, outstandingFen: 42000, daysOverdue: 21, bucket: 'd0_30' },
    ]);
  });

  it('sets credit no bill has absorbed against the oldest bills, so arrears never exceed what the account owes', () => {
    // Two bills of 690 and 420 outstanding, but the account owes only 800: 310 of credit (paid ahead, a refund) is unabsorbed.
    const lines = householdArrears([bill(2, '2026-10-10', 42000), bill(1, '2026-09-10', 69000)], 80000, '2026-12-01');
    expect(lines).toEqual([
      { billId: 1, outstandingFen: 38000, daysOverdue: 82, bucket: 'over_60' },
      { billId: 2, outstandingFen: 42000, daysOverdue: 52, bucket: 'd31_60' },
    ]);
    expect(lines.reduce((s, l) => s + l.outstandingFen, 0)).toBe(80000);
    // An account in credit has no arrears at all.
    expect(householdArrears([bill(1, '2026-09-10', 69000)], -100, '2026-12-01')).toEqual([]);
  });

  it('does not shrink arrears when the account owes more than the bills (a later charge not on a bill)', () => {
    expect(householdArrears([bill(1, '2026-09-10', 69000)], 99000, '2026-12-01')).toEqual([{ billId: 1, outstandingFen: 69000, daysOverdue: 82, bucket: 'over_60' }]);
  });
});
