import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { demoBackend, signIn } from '../helpers';

let backend: Backend | undefined;
afterEach(() => backend?.close());

// The demo is a balance-funded municipal-quality public kindergarten under nantong-2018:
// benchmark 420 × (1 + 20%) = 504 yuan a month at most (NT-1.1).
describe('checking planned fee standards against the notice', () => {
  it('accepts standards within the limits', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const result = (await backend.dispatcher.call({
      name: 'charging.check',
      input: { educationFee: '504.00', earlyCareFee: '584.00', custodyFee: '100.00', normalDailyRate: '20.00', vacationDailyRate: '26.00' },
      session: demo.session,
    })) as any;
    expect(result.ok).toBe(true);
    expect(result.value.violations).toEqual([]);
    expect(result.value.checked).toHaveLength(4);
  });

  it('names the clause of every limit a standard breaks', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const result = (await backend.dispatcher.call({
      name: 'charging.check',
      input: {
        educationFee: '504.01',
        earlyCareFee: '600.00',
        custodyFee: '120.00',
        custodyAgreement: false,
        normalDailyRate: '20.00',
        vacationDailyRate: '26.01',
        otherFees: ['兴趣班费', '校车费'],
      },
      session: demo.session,
    })) as any;
    const clauses = result.value.violations.map((v: { clause: string }) => v.clause);
    expect(clauses).toEqual(expect.arrayContaining(['NT-1.1', 'NT-1.2', 'NT-1.3', 'NT-3.6']));
    expect(result.value.violations.find((v: any) => v.clause === 'NT-1.1').messageZh).toContain('504.00');
    expect(result.value.violations.some((v: any) => v.messageZh.includes('兴趣班'))).toBe(true);
  });

  it('refuses amounts that are not yuan with two decimals, and the front desk', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const bad = await backend.dispatcher.call({ name: 'charging.check', input: { educationFee: '5e2' }, session: demo.session });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const desk = await signIn(backend, 'qiantai');
    const refused = await backend.dispatcher.call({ name: 'charging.check', input: { educationFee: '400.00' }, session: desk });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
