import { afterEach, describe, expect, it } from 'vitest';
import { demoBackend, type TestBackend } from '../../backend';

let env: TestBackend | undefined;
afterEach(() => env?.close());
const demo = async () => {
  env = await demoBackend();
  return env;
};

// The demo is a balance-funded municipal-quality public kindergarten under nantong-2018:
// benchmark 420 × (1 + 20%) = 504 yuan a month at most (NT-1.1).
describe('checking planned fee standards against the notice', () => {
  it('accepts standards within the limits', async () => {
    const { ok } = await demo();
    const value = await ok('feeStandards.check', { educationFee: '504.00', earlyCareFee: '584.00', custodyFee: '100.00', normalDailyRate: '20.00', vacationDailyRate: '26.00' });
    expect(value.violations).toEqual([]);
    expect(value.checked).toHaveLength(4);
  });

  it('names the clause of every limit a standard breaks', async () => {
    const { ok } = await demo();
    const value = await ok('feeStandards.check', {
      educationFee: '504.01',
      earlyCareFee: '600.00',
      custodyFee: '120.00',
      custodyAgreement: false,
      normalDailyRate: '20.00',
      vacationDailyRate: '26.01',
      otherFees: ['兴趣班费', '校车费'],
    });
    const clauses = value.violations.map((v) => v.clause);
    expect(clauses).toEqual(expect.arrayContaining(['NT-1.1', 'NT-1.2', 'NT-1.3', 'NT-3.6']));
    expect(value.violations.find((v) => v.clause === 'NT-1.1')?.messageZh).toContain('504.00');
    expect(value.violations.some((v) => v.messageZh.includes('兴趣班'))).toBe(true);
  });

  it('refuses amounts that are not yuan with two decimals, and the front desk', async () => {
    const { call, signIn } = await demo();
    const bad = await call('feeStandards.check', { educationFee: '5e2' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const refused = await call('feeStandards.check', { educationFee: '400.00' }, await signIn('qiantai'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
