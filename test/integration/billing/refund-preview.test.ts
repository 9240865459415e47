import { afterEach, describe, expect, it } from 'vitest';
import type { Policy } from '../../../core/policies';
import { demoBackend, dumpTables, type TestBackend } from '../../backend';

let env: TestBackend | undefined;
afterEach(() => env?.close());
const demo = async () => {
  env = await demoBackend();
  return env;
};
/** The error sentence of a refused call ('' when it succeeded). */
const message = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? '' : (r.error?.message ?? ''));

const leaveCase = {
  month: '2026-10',
  billing: 'monthly' as const,
  fees: [
    { item: 'education' as const, paid: '420.00' },
    { item: 'meal' as const, paid: '270.00', dailyRate: '15.00' },
  ],
  presentDays: 4,
  reason: 'leave' as const,
};

/** The first rule of a policy matching `test`, with its id. */
const ruleOf = (policy: Policy, test: (rule: Policy['rules'][string]) => boolean) => Object.entries(policy.rules).find(([, r]) => test(r))!;

describe('refund preview in the app', () => {
  it('computes with the kindergarten’s own fee notice and names the child', async () => {
    const { ok } = await demo();
    const value = await ok('refund.preview', { ...leaveCase, childId: 8 });
    expect(value.policy.id).toBe('nantong-2018');
    expect(value.child?.name).toMatch(/.+/);
    // October 2026 has 18 legal working days; 4 days present → NT-3.3 80%.
    expect(value.result.legalWorkingDays).toBe(18);
    expect(value.result.lines.map((l) => [l.item, l.refund, l.clause])).toEqual([
      ['education', '336.00', 'NT-3.3'],
      ['meal', '210.00', 'NT-3.4'],
    ]);
    expect(value.result.total).toBe('546.00');
    expect(value.whatIf?.hintsZh.join()).toContain('再出勤 1 天');
  });

  it('answers bad cases with the engine’s Chinese sentence', async () => {
    const { call, callRaw } = await demo();
    const tooMany = await call('refund.preview', { ...leaveCase, presentDays: 25 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(message(tooMany)).toMatch(/25.*18|18.*25/);
    const noCalendar = await call('refund.preview', { ...leaveCase, month: '2031-03' });
    expect(message(noCalendar)).toContain('2031');
    const floatAmount = await callRaw('refund.preview', { ...leaveCase, fees: [{ item: 'education', paid: 420.1 }] });
    expect(floatAmount).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('is for the desk and finance, not for teachers', async () => {
    const { call, signIn } = await demo();
    const refused = await call('refund.preview', leaveCase, await signIn('laoshi'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('refund.preview', leaveCase, await signIn('caiwu'))).ok).toBe(true);
  });
});

describe('a kindergarten’s copy of a fee notice', () => {
  it('lowers a negotiable rate, lists the difference in Chinese, and the refund follows the copy once chosen', async () => {
    const { call, ok, sqlite } = await demo();
    const xian = (await ok('policies.get', { id: 'xian-private' })).policy;
    const [ruleId, rule] = ruleOf(xian, (r) => r.clause === 'XA-K2');
    const tierIndex = rule.kind === 'tiers' ? rule.tiers.findIndex((t) => t.negotiable) : -1;

    const raised = await call('policies.createCopy', { baseId: 'xian-private', name: '本园协商退费', tierChanges: [{ ruleId, tierIndex, rate: '0.6' }] });
    expect(raised).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(message(raised)).toContain('不能提高');

    const created = await ok('policies.createCopy', {
      baseId: 'xian-private',
      name: '本园协商退费',
      reason: '2026 年家长会协商，事假退费 40%',
      tierChanges: [{ ruleId, tierIndex, rate: '0.4' }],
    });
    const copyId = created.id;
    expect(created.differences.map((d) => d.descriptionZh).join()).toMatch(/XA-K2.*40%/);

    const detail = await ok('policies.get', { id: copyId });
    expect(detail.builtin).toBe(false);
    expect(detail.derivedFrom).toMatchObject({ id: 'xian-private' });
    expect(detail.differences).toHaveLength(created.differences.length);

    const profile = { name: '阳光幼儿园（演示）', type: 'nonprofit_private' as const, policyId: copyId };
    expect((await call('kindergarten.updateProfile', profile)).ok).toBe(true);
    const preview = await ok('refund.preview', { ...leaveCase, fees: [{ item: 'education', paid: '1000.00' }], presentDays: 5 });
    expect(preview.policy.id).toBe(copyId);
    expect(preview.result.lines[0]).toMatchObject({ clause: 'XA-K2', refund: '400.00' });

    const audit = sqlite.prepare("SELECT kind, summary FROM audit_log WHERE action = 'policy.copy'").get() as { kind: string; summary: string };
    expect(audit.kind).toBe('money');
    expect(audit.summary).toContain('40%');
  });

  it('refuses lowering a fixed refund rate, and an unknown policy on the profile, writing nothing', async () => {
    const { backend, call, ok } = await demo();
    const before = dumpTables(backend, ['policy_copies', 'kindergarten', 'audit_log']);
    const nantong = (await ok('policies.get', { id: 'nantong-2018' })).policy;
    const [ruleId] = ruleOf(nantong, (r) => r.kind === 'tiers');
    const lowered = await call('policies.createCopy', { baseId: 'nantong-2018', name: '打折', tierChanges: [{ ruleId, tierIndex: 0, rate: '0.1' }] });
    expect(message(lowered)).toContain('只能提高');
    const unknown = await call('kindergarten.updateProfile', { name: 'x', type: 'forprofit_private', policyId: 'nowhere-2030' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dumpTables(backend, ['policy_copies', 'kindergarten', 'audit_log'])).toEqual(before);
  });
});
