import { describe, expect, it } from 'vitest';
import { replacementDifference } from '../../../../core/billing/lifecycle';
import { defaultDueDate, planDigest, planRun } from '../../../../core/billing/run';
import { child, context } from './fixtures';

const facts = { liveBills: [], discounts: [], balanceFen: () => 0 };

describe('a month’s bill run', () => {
  const kids = [
    child({ id: 1 }),
    child({ id: 2, billingMode: 'semester' }),
    child({ id: 3, status: 'withdrawn', statusSince: '2026-10-19' }),
    child({ id: 4, classLevel: 'large' }),
  ];

  it('bills everyone it can and lists who is already billed and who cannot be, with why', () => {
    const plan = planRun('2026-11', kids, context(), {
      ...facts,
      liveBills: [{ childId: 2, number: 'JF2026-00002', periodFirst: '2026-09', periodLast: '2027-01' }],
    });
    expect(plan.bills.map((b) => b.childId)).toEqual([1, 4]);
    expect(plan.alreadyBilled).toEqual([{ childId: 2, number: 'JF2026-00002', periodFirst: '2026-09', periodLast: '2027-01' }]);
    expect(plan.cannotBill).toMatchObject([{ childId: 3, problems: [{ code: 'not_enrolled' }] }]);
  });

  it('the digest changes when what would be issued changes, and not otherwise', () => {
    const one = planRun('2026-11', kids, context(), facts);
    const again = planRun('2026-11', kids, context(), facts);
    const credit = planRun('2026-11', kids, context(), { ...facts, balanceFen: (h) => (h === 10 ? -100 : 0) });
    expect(planDigest(again)).toBe(planDigest(one));
    expect(planDigest(credit)).not.toBe(planDigest(one));
    expect(planDigest(planRun('2026-11', kids.slice(1), context(), facts))).not.toBe(planDigest(one));
  });

  it('due on the 10th of the month, or ten days after issuing when the 10th has passed', () => {
    expect(defaultDueDate('2026-12', '2026-12-01')).toBe('2026-12-10');
    expect(defaultDueDate('2026-12', '2026-11-25')).toBe('2026-12-10');
    expect(defaultDueDate('2026-12', '2026-12-15')).toBe('2026-12-25');
  });
});

describe('what a replacement books', () => {
  it('only the difference per item and kind, signed as on the ledger', () => {
    const old = [
      { kind: 'charge' as const, item: 'education', amountFen: 42000 },
      { kind: 'charge' as const, item: 'meal', amountFen: 27000 },
    ];
    const next = [
      { kind: 'charge' as const, item: 'education', amountFen: 42000 },
      { kind: 'reduction' as const, item: 'education', amountFen: 21000 },
      { kind: 'charge' as const, item: 'meal', amountFen: 28500 },
    ];
    expect(replacementDifference(old, next)).toEqual([
      { kind: 'charge', item: 'meal', oldFen: 27000, newFen: 28500, differenceFen: 1500 },
      { kind: 'reduction', item: 'education', oldFen: 0, newFen: 21000, differenceFen: -21000 },
    ]);
    expect(replacementDifference(old, old)).toEqual([]);
  });
});
