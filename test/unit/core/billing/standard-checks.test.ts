import { describe, expect, it } from 'vitest';
import { checkStandard, clausesToConfirm, type KindergartenFacts, type StandardDraft } from '../../../../core/billing/standard-checks';
import { getBuiltinPolicy } from '../../../../core/policies';
import { nantong, SEMESTERS, standard } from './fixtures';

// The demo's kind of kindergarten: public, balance-funded, municipal quality: 420 x 1.2 = 504 a month at most (NT-1.1).
const kg: KindergartenFacts = { type: 'public', grade: 'municipal', fundingType: 'balance' };
const base: StandardDraft = { item: 'education', label: '保教费', amount: '420.00', unit: 'month', appliesFrom: '2026-09-01', level: null, enrolledFrom: null };
const existing = [standard({ item: 'education', label: '保教费', amountFen: 42000 })];
const check = (draft: Partial<StandardDraft>, rows = existing, policy = nantong, facts = kg) =>
  checkStandard(policy, { ...base, ...draft }, { existing: rows, kindergarten: facts, semesters: SEMESTERS });

describe('fee-standard checks of a new standard', () => {
  it('NT-1.1: refuses an education fee above benchmark x (1 + float), accepts the cap itself', () => {
    expect(check({ amount: '504.00' }, [])).toEqual([]);
    const [finding] = check({ amount: '504.01' }, []);
    expect(finding).toMatchObject({ clause: 'NT-1.1', severity: 'refuse', field: 'amount' });
    expect(finding!.messageZh).toContain('504.00');
  });

  it('NT-1.1 on a semester standard: its monthly share over the semester’s months (5 for the autumn term)', () => {
    expect(check({ unit: 'semester', amount: '2520.00' }, [])).toEqual([]);
    expect(check({ unit: 'semester', amount: '2520.05' }, [])[0]?.clause).toBe('NT-1.1');
    expect(check({ unit: 'semester', amount: '2000.00', appliesFrom: '2027-08-01' }, [])[0]?.code).toBe('semester_unknown');
  });

  it('NT-1.2: the 托班 standard at most 80 a month above the normal one, which must exist first', () => {
    expect(check({ level: 'toddler', amount: '500.00' })).toEqual([]);
    expect(check({ level: 'toddler', amount: '500.01' })[0]).toMatchObject({ clause: 'NT-1.2', severity: 'refuse' });
    expect(check({ level: 'toddler', amount: '450.00' }, [])[0]).toMatchObject({ clause: 'NT-1.2', code: 'normal_fee_missing', field: 'level' });
  });

  it('NT-1.3: custody at most 100 a month', () => {
    expect(check({ item: 'custody', label: '托管费', amount: '100.00' })).toEqual([]);
    expect(check({ item: 'custody', label: '托管费', amount: '120.00' })[0]).toMatchObject({ clause: 'NT-1.3', severity: 'refuse' });
  });

  it('GS-C1: a forbidden kind of fee is refused by its name, also under a notice that does not list the ban', () => {
    const [finding] = check({ item: 'agency', label: '兴趣班费', unit: 'semester', amount: '300.00' });
    expect(finding).toMatchObject({ clause: 'GS-C1', severity: 'refuse', field: 'label' });
  });

  it('NT-3.2: a raise without “enrolled from” is refused with the fix; for new pupils it is accepted; a cut must reach everyone', () => {
    const [raise] = check({ amount: '450.00', appliesFrom: '2027-02-01' });
    expect(raise).toMatchObject({ clause: 'NT-3.2', severity: 'refuse', field: 'enrolledFrom' });
    expect(raise!.messageZh).toContain('2027-02-01 起入园');
    expect(check({ amount: '450.00', appliesFrom: '2027-02-01', enrolledFrom: '2027-02-01' })).toEqual([]);
    expect(check({ amount: '400.00', appliesFrom: '2027-02-01' })).toEqual([]);
    expect(check({ amount: '400.00', appliesFrom: '2027-02-01', enrolledFrom: '2027-02-01' })[0]?.code).toBe('cut_for_new_pupils_only');
    // Meals are at cost (NT-1.4): a dearer meal is not a raise under NT-3.2.
    const meals = [standard({ item: 'meal', amountFen: 1400, unit: 'day' })];
    expect(check({ item: 'meal', label: '伙食费', unit: 'day', amount: '15.00', appliesFrom: '2027-02-01' }, meals)).toEqual([]);
  });

  it('NT-3.6: vacation care per day above 30% over the normal daily standard needs the principal’s confirmation', () => {
    // 420 / 21.75 = 19.31 a day; x 1.3 = 25.10.
    const vacation = { item: 'vacation_care' as const, label: '寒假托管费', unit: 'day' as const, appliesFrom: '2027-01-18' };
    expect(check({ ...vacation, amount: '25.10' })).toEqual([]);
    const findings = check({ ...vacation, amount: '26.00' });
    expect(findings[0]).toMatchObject({ clause: 'NT-3.6', severity: 'confirm' });
    expect(findings[0]!.messageZh).toContain('21.75');
    expect(clausesToConfirm(findings)).toEqual(['NT-3.6']);
    // A refusal cannot be confirmed away.
    expect(clausesToConfirm([...findings, ...check({ amount: '600.00' })])).toEqual([]);
  });

  it('XA-C1 (Xi’an private): a raise over 25% or within three years is refused', () => {
    const xian = getBuiltinPolicy('xian-private')!;
    const old = [standard({ item: 'education', amountFen: 100000, appliesFrom: '2026-09-01' })];
    const facts = { type: 'nonprofit_private', grade: null, fundingType: null };
    expect(check({ amount: '1250.00', appliesFrom: '2029-09-01' }, old, xian, facts)).toEqual([]);
    expect(check({ amount: '1250.01', appliesFrom: '2029-09-01' }, old, xian, facts).map((f) => f.code)).toEqual(['raise_too_large']);
    expect(check({ amount: '1100.00', appliesFrom: '2027-09-01' }, old, xian, facts).map((f) => f.code)).toEqual(['raise_too_soon']);
  });

  it('a public kindergarten without grade or funding type cannot be checked: the principal confirms', () => {
    const findings = check({ amount: '450.00' }, [], nantong, { type: 'public', grade: null, fundingType: null });
    expect(findings).toMatchObject([{ clause: 'NT-1.1', severity: 'confirm' }]);
  });
});
