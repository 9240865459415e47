import { describe, expect, it } from 'vitest';
import { type IntegrityFacts, integrityProblems } from '../../../../core/billing/integrity';

const sound = (): IntegrityFacts => ({
  bills: [
    { id: 1, number: 'JF2026-00001', householdId: 1, replacesBillId: null, voided: false, chargesFen: 69000, reductionsFen: 0, creditAppliedFen: 0, totalDueFen: 69000, lineChargesFen: 69000, lineReductionsFen: 0, ledgerFen: 69000 },
    // A replacement booked only the difference (-10000) on top of the first revision's 69000.
    { id: 2, number: 'JF2026-00002', householdId: 1, replacesBillId: 1, voided: false, chargesFen: 59000, reductionsFen: 0, creditAppliedFen: 0, totalDueFen: 59000, lineChargesFen: 59000, lineReductionsFen: 0, ledgerFen: -10000 },
    { id: 3, number: 'JF2026-00003', householdId: 1, replacesBillId: null, voided: true, chargesFen: 1000, reductionsFen: 0, creditAppliedFen: 0, totalDueFen: 1000, lineChargesFen: 1000, lineReductionsFen: 0, ledgerFen: 0 },
  ],
  payments: [
    { id: 1, receiptNo: 'SK2026-00001', householdId: 1, direction: 'in', amountFen: 60000, voided: false, ledgerFen: -60000, allocatedFen: 59000, foreignAllocations: 0 },
    { id: 2, receiptNo: 'SK2026-00002', householdId: 1, direction: 'in', amountFen: 500, voided: true, ledgerFen: 0, allocatedFen: 500, foreignAllocations: 0 },
  ],
  reversals: [{ id: 9, householdId: 1, amountFen: 500, reversesEntryId: 8, target: { householdId: 1, amountFen: -500 }, reversalsOfTarget: 1 }],
  sequences: [{ sequence: 'receipt:2026', counterValue: 2, used: [2, 1] }],
});

describe('the account-integrity check', () => {
  it('finds nothing wrong in consistent figures (including a replacement that booked the difference and a void)', () => {
    expect(integrityProblems(sound())).toEqual([]);
  });

  it('names each disagreement with the document it concerns', () => {
    const facts = sound();
    facts.bills[0]!.chargesFen = 68000;
    facts.bills[0]!.totalDueFen = 68000;
    facts.bills[2]!.ledgerFen = 1000;
    facts.payments[0]!.ledgerFen = -6000;
    facts.payments[0]!.allocatedFen = 70000;
    facts.payments[1]!.foreignAllocations = 1;
    facts.reversals[0]!.amountFen = 400;
    facts.reversals[0]!.reversalsOfTarget = 2;
    facts.sequences[0]!.used = [1, 3];
    facts.sequences[0]!.counterValue = 3;
    expect(integrityProblems(facts).map((p) => [p.code, p.ref])).toEqual([
      ['bill_cache', 'JF2026-00001'],
      ['bill_ledger', 'JF2026-00003'],
      ['payment_ledger', 'SK2026-00001'],
      ['over_allocated', 'SK2026-00001'],
      ['foreign_allocation', 'SK2026-00002'],
      ['reversal_amount', '#9'],
      ['reversal_twice', '#9'],
      ['sequence_gap', 'receipt:2026'],
    ]);
  });

  it('checks a chain of revisions against its live head', () => {
    const facts = sound();
    facts.bills[1]!.ledgerFen = 59000; // booked the new total instead of the difference
    expect(integrityProblems(facts).map((p) => p.message)).toEqual(['账单 JF2026-00002 在家庭账户上记 1280.00 元，按明细应为 590.00 元']);
  });
});
