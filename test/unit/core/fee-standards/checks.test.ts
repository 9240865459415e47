import { describe, expect, it } from 'vitest';
import {
  applyReduction,
  checkBillPeriod,
  checkCustodyFee,
  checkEarlyCareSurcharge,
  checkEducationFee,
  checkFeeKind,
  checkFeeRaise,
  checkSchoolBusFee,
  checkVacationDayRate,
  reductionCategories,
} from '../../../../core/fee-standards';
import { getBuiltinPolicy, type Policy } from '../../../../core/policies';

const nt = getBuiltinPolicy('nantong-2018') as Policy;
const xa = getBuiltinPolicy('xian-private') as Policy;
const gs = getBuiltinPolicy('generic-semester-days') as Policy;
const codes = (violations: Array<{ code: string }>) => violations.map((v) => v.code);

describe('NT-1.1 benchmark caps and floats', () => {
  it.each([
    ['provincial', 'full', '572.00', []],
    ['provincial', 'full', '572.01', ['above_benchmark_cap']],
    ['municipal', 'balance', '504.00', []],
    ['municipal', 'balance', '504.01', ['above_benchmark_cap']],
    ['qualified', 'self', '468.00', []],
    ['qualified', 'self', '468.50', ['above_benchmark_cap']],
  ])('%s / %s at %s', (grade, funding, monthlyFee, expected) => {
    const violations = checkEducationFee(nt, { grade, funding, monthlyFee });
    expect(codes(violations)).toEqual(expected);
    for (const v of violations) expect(v).toMatchObject({ clause: 'NT-1.1', severity: 'error' });
  });
  it('unknown grade', () => {
    expect(codes(checkEducationFee(nt, { grade: 'gold', funding: 'full', monthlyFee: '1' }))).toEqual(['unknown_grade_or_funding']);
  });
  it('a policy without benchmarks has nothing to say', () => {
    expect(checkEducationFee(xa, { grade: 'provincial', funding: 'full', monthlyFee: '9999' })).toEqual([]);
  });
});

describe('other NT charging limits', () => {
  it('NT-1.2 early care at most +80', () => {
    expect(checkEarlyCareSurcharge(nt, { normalFee: '520', chargedFee: '600' })).toEqual([]);
    expect(checkEarlyCareSurcharge(nt, { normalFee: '520', chargedFee: '600.01' })[0]).toMatchObject({ clause: 'NT-1.2', actual: '80.01' });
  });
  it('NT-1.3 custody at most 100 and only with a signed agreement', () => {
    expect(checkCustodyFee(nt, { monthlyFee: '100', agreementSigned: true })).toEqual([]);
    expect(codes(checkCustodyFee(nt, { monthlyFee: '120', agreementSigned: false }))).toEqual(['custody_fee_too_high', 'custody_agreement_missing']);
  });
  it('NT-3.5 school bus needs a signed agreement', () => {
    expect(checkSchoolBusFee(nt, { agreementSigned: true })).toEqual([]);
    expect(checkSchoolBusFee(nt, { agreementSigned: false })[0]?.clause).toBe('NT-3.5');
  });
  it('NT-3.6 vacation day rate at most 130% of the normal one', () => {
    expect(checkVacationDayRate(nt, { normalDailyRate: '20.00', vacationDailyRate: '26.00' })).toEqual([]);
    expect(checkVacationDayRate(nt, { normalDailyRate: '20.00', vacationDailyRate: '26.01' })[0]).toMatchObject({ clause: 'NT-3.6', limit: '26.00' });
  });
});

describe('no charging across semesters (NT-3.1, XA-C1)', () => {
  const semesters = [
    { first: '2026-02', last: '2026-07' },
    { first: '2026-09', last: '2027-01' },
  ];
  it('a bill within one semester is fine', () => {
    expect(checkBillPeriod(nt, { first: '2026-09', last: '2027-01', semesters })).toEqual([]);
  });
  it('a bill over two semesters is refused, with each policy’s clause', () => {
    expect(checkBillPeriod(nt, { first: '2026-07', last: '2026-09', semesters })[0]).toMatchObject({ clause: 'NT-3.1', code: 'bill_across_semesters' });
    expect(checkBillPeriod(xa, { first: '2026-03', last: '2026-10', semesters })[0]).toMatchObject({ clause: 'XA-C1', severity: 'error' });
  });
  it('a bill reaching outside the semester is a warning', () => {
    expect(checkBillPeriod(nt, { first: '2026-08', last: '2026-09', semesters })[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('forbidden fee kinds (seed 003)', () => {
  it.each(['赞助费', '兴趣班费', '特长班', '实验班学费', '建校费', '捐资助学费', '教育成本补偿费'])('%s is refused', (name) => {
    expect(checkFeeKind(gs, name)[0]).toMatchObject({ clause: 'GS-C1', code: 'forbidden_fee_kind' });
  });
  it.each(['保教费', '伙食费', '住宿费'])('%s is fine', (name) => {
    expect(checkFeeKind(gs, name)).toEqual([]);
  });
});

describe('XA-C1 raises', () => {
  it('at most 25%', () => {
    expect(checkFeeRaise(xa, { oldFee: '1200', newFee: '1500', lastChangeYear: 2022, changeYear: 2026 })).toEqual([]);
    expect(codes(checkFeeRaise(xa, { oldFee: '1200', newFee: '1500.01', lastChangeYear: 2022, changeYear: 2026 }))).toEqual(['raise_too_large']);
  });
  it('not within 3 years of the last change', () => {
    expect(codes(checkFeeRaise(xa, { oldFee: '1200', newFee: '1300', lastChangeYear: 2024, changeYear: 2026 }))).toEqual(['raise_too_soon']);
    expect(checkFeeRaise(xa, { oldFee: '1200', newFee: '1300', lastChangeYear: 2023, changeYear: 2026 })).toEqual([]);
  });
});

describe('NT-3.7 reductions', () => {
  it.each([
    ['dibao', '260.00'],
    ['hardship_worker', '260.00'],
    ['disability_card', '260.00'],
    ['disabled_child', '0.00'],
    ['orphan', '0.00'],
    ['martyr', '0.00'],
    ['soldier', '0.00'],
  ])('%s pays %s of 520', (category, due) => {
    expect(applyReduction(nt, { standard: '520.00', category, kindergartenKind: 'public' })).toMatchObject({ due, clause: 'NT-3.7' });
  });
  it('only in public and inclusive private kindergartens', () => {
    expect(applyReduction(nt, { standard: '520.00', category: 'orphan', kindergartenKind: 'inclusive_private' })?.due).toBe('0.00');
    expect(applyReduction(nt, { standard: '520.00', category: 'orphan', kindergartenKind: 'for_profit_private' })).toBeNull();
  });
  it('lists the categories for the form', () => {
    expect(reductionCategories(nt)).toHaveLength(7);
    expect(reductionCategories(xa)).toEqual([]);
  });
});
