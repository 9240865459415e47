import { describe, expect, it } from 'vitest';
import { type BillFacts, billFigures, billStatus } from '../../../../core/billing/bill-status';

const facts = (over: Partial<BillFacts> & { id: number }): BillFacts => ({
  replacesBillId: null,
  totalDueFen: 69000,
  creditAppliedFen: 0,
  dueOn: '2026-10-10',
  voided: false,
  allocatedFen: 0,
  ...over,
});

describe('bill status, derived from allocations, credit and the due date', () => {
  it('is issued until paid, partly paid with some money, paid when nothing is left, overdue after the due date', () => {
    const before = '2026-10-05';
    const status = (allocatedFen: number, today: string) => billFigures([facts({ id: 1, allocatedFen })], today).get(1)!.status;
    expect(status(0, before)).toBe('issued');
    expect(status(20000, before)).toBe('partly_paid');
    expect(status(69000, before)).toBe('paid');
    expect(status(69000, '2026-12-01')).toBe('paid');
    // On the due date itself it is not yet overdue.
    expect(status(0, '2026-10-10')).toBe('issued');
    expect(status(0, '2026-10-11')).toBe('overdue');
    expect(status(20000, '2026-10-11')).toBe('overdue');
  });

  it('counts credit applied at issue as paid: a bill covered by credit is paid with no payment', () => {
    const covered = billFigures([facts({ id: 1, totalDueFen: 0, creditAppliedFen: 69000 })], '2026-12-01').get(1)!;
    expect(covered).toMatchObject({ status: 'paid', paidFen: 69000, outstandingFen: 0 });
    const part = billFigures([facts({ id: 1, totalDueFen: 49000, creditAppliedFen: 20000, allocatedFen: 9000 })], '2026-10-01').get(1)!;
    expect(part).toMatchObject({ status: 'partly_paid', paidFen: 29000, outstandingFen: 40000 });
  });

  it('marks voided and replaced bills, which owe nothing themselves; money paid on a replaced bill counts for its replacement', () => {
    const figures = billFigures(
      [
        facts({ id: 1, allocatedFen: 30000 }),
        facts({ id: 2, replacesBillId: 1, totalDueFen: 60000, allocatedFen: 10000 }),
        facts({ id: 3, voided: true, allocatedFen: 5000 }),
      ],
      '2026-10-01',
    );
    expect(figures.get(1)).toMatchObject({ status: 'replaced', replacedById: 2, outstandingFen: 0 });
    expect(figures.get(2)).toMatchObject({ status: 'partly_paid', allocatedFen: 40000, outstandingFen: 20000 });
    expect(figures.get(3)).toMatchObject({ status: 'voided', outstandingFen: 0 });
  });

  it('puts voided before replaced before paid', () => {
    expect(billStatus({ voided: true, replaced: true, outstandingFen: 0, allocatedFen: 0, dueOn: '2026-10-10' }, '2026-12-01')).toBe('voided');
    expect(billStatus({ voided: false, replaced: true, outstandingFen: 0, allocatedFen: 0, dueOn: '2026-10-10' }, '2026-12-01')).toBe('replaced');
  });
});

describe('credit a bill used that is gone since (its payment voided)', () => {
  // November: 690.00 paid by allocation. December: 690.00 net, 300.00 of it taken from credit, 390.00 paid.
  const bills = [
    facts({ id: 1, householdId: 7, allocatedFen: 69000 }),
    facts({ id: 2, householdId: 7, totalDueFen: 39000, creditAppliedFen: 30000, allocatedFen: 39000, dueOn: '2026-12-10' }),
  ];

  it('changes nothing while the account agrees with the bills', () => {
    const figures = billFigures(bills, '2026-12-01', new Map([[7, 0]]));
    expect(figures.get(2)).toMatchObject({ status: 'paid', outstandingFen: 0, creditWithdrawnFen: 0, paidFen: 69000 });
  });

  it('puts what the account owes beyond its bills back on the bill that used credit, never more than it used', () => {
    const owedAgain = billFigures(bills, '2026-12-01', new Map([[7, 30000]]));
    expect(owedAgain.get(2)).toMatchObject({ status: 'partly_paid', outstandingFen: 30000, creditWithdrawnFen: 30000, paidFen: 39000 });
    expect(owedAgain.get(1)).toMatchObject({ outstandingFen: 0 });
    // More than the credit used (a charge that is on no bill): the bill carries only its own credit.
    expect(billFigures(bills, '2026-12-01', new Map([[7, 50000]])).get(2)).toMatchObject({ outstandingFen: 30000 });
  });
});
