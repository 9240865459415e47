import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { demoBackend, dumpTables, signIn } from '../helpers';

let backend: Backend | undefined;
afterEach(() => backend?.close());

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

describe('refund preview in the app', () => {
  it('computes with the kindergarten’s own fee notice and names the child', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const result = await backend.dispatcher.call({ name: 'refund.preview', input: { ...leaveCase, childId: 8 }, session: demo.session });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as any;
    expect(value.policy.id).toBe('nantong-2018');
    expect(value.child.name).toMatch(/.+/);
    // October 2026 has 18 legal working days; 4 days present → NT-3.3 80%.
    expect(value.result.legalWorkingDays).toBe(18);
    expect(value.result.lines.map((l: any) => [l.item, l.refund, l.clause])).toEqual([
      ['education', '336.00', 'NT-3.3'],
      ['meal', '210.00', 'NT-3.4'],
    ]);
    expect(value.result.total).toBe('546.00');
    expect(value.whatIf.hintsZh.join()).toContain('再出勤 1 天');
  });

  it('answers bad cases with the engine’s Chinese sentence', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const tooMany = await backend.dispatcher.call({ name: 'refund.preview', input: { ...leaveCase, presentDays: 25 }, session: demo.session });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(tooMany.ok ? '' : tooMany.error.message).toMatch(/25.*18|18.*25/);
    const noCalendar = await backend.dispatcher.call({ name: 'refund.preview', input: { ...leaveCase, month: '2031-03' }, session: demo.session });
    expect(noCalendar.ok ? '' : noCalendar.error.message).toContain('2031');
    const floatAmount = await backend.dispatcher.call({ name: 'refund.preview', input: { ...leaveCase, fees: [{ item: 'education', paid: 420.1 }] }, session: demo.session });
    expect(floatAmount).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('is for the desk and finance, not for teachers', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const teacher = await signIn(backend, 'laoshi');
    const refused = await backend.dispatcher.call({ name: 'refund.preview', input: leaveCase, session: teacher });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const finance = await signIn(backend, 'caiwu');
    expect((await backend.dispatcher.call({ name: 'refund.preview', input: leaveCase, session: finance })).ok).toBe(true);
  });
});

describe('a kindergarten’s copy of a fee notice', () => {
  it('lowers a negotiable rate, lists the difference in Chinese, and the refund follows the copy once chosen', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const call = (name: string, input: unknown) => backend!.dispatcher.call({ name, input, session: demo.session }) as Promise<any>;
    const xian = (await call('policies.get', { id: 'xian-private' })).value.policy;
    const ruleId = Object.entries(xian.rules).find(([, r]: [string, any]) => r.clause === 'XA-K2')![0];
    const tierIndex = xian.rules[ruleId].tiers.findIndex((t: any) => t.negotiable);

    const raised = await call('policies.createCopy', { baseId: 'xian-private', name: '本园协商退费', tierChanges: [{ ruleId, tierIndex, rate: '0.6' }] });
    expect(raised).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(raised.error.message).toContain('不能提高');

    const created = await call('policies.createCopy', {
      baseId: 'xian-private',
      name: '本园协商退费',
      reason: '2026 年家长会协商，事假退费 40%',
      tierChanges: [{ ruleId, tierIndex, rate: '0.4' }],
    });
    expect(created.ok).toBe(true);
    const copyId = created.value.id;
    expect(created.value.differences.map((d: any) => d.descriptionZh).join()).toMatch(/XA-K2.*40%/);

    const detail = await call('policies.get', { id: copyId });
    expect(detail.value.builtin).toBe(false);
    expect(detail.value.derivedFrom).toMatchObject({ id: 'xian-private' });
    expect(detail.value.differences).toHaveLength(created.value.differences.length);

    const profile = { name: '阳光幼儿园（演示）', type: 'nonprofit_private', policyId: copyId };
    expect((await call('kindergarten.updateProfile', profile)).ok).toBe(true);
    const preview = await call('refund.preview', { ...leaveCase, fees: [{ item: 'education', paid: '1000.00' }], presentDays: 5 });
    expect(preview.value.policy.id).toBe(copyId);
    expect(preview.value.result.lines[0]).toMatchObject({ clause: 'XA-K2', refund: '400.00' });

    const audit = backend.database().sqlite.prepare("SELECT kind, summary FROM audit_log WHERE action = 'policy.copy'").get() as any;
    expect(audit.kind).toBe('money');
    expect(audit.summary).toContain('40%');
  });

  it('refuses lowering a fixed refund rate, and an unknown policy on the profile, writing nothing', async () => {
    const demo = await demoBackend();
    backend = demo.backend;
    const call = (name: string, input: unknown) => backend!.dispatcher.call({ name, input, session: demo.session }) as Promise<any>;
    const before = dumpTables(backend, ['policy_copies', 'kindergarten', 'audit_log']);
    const nantong = (await call('policies.get', { id: 'nantong-2018' })).value.policy;
    const ruleId = Object.entries(nantong.rules).find(([, r]: [string, any]) => r.kind === 'tiers')![0];
    const lowered = await call('policies.createCopy', { baseId: 'nantong-2018', name: '打折', tierChanges: [{ ruleId, tierIndex: 0, rate: '0.1' }] });
    expect(lowered.error.message).toContain('只能提高');
    const unknown = await call('kindergarten.updateProfile', { name: 'x', type: 'forprofit_private', policyId: 'nowhere-2030' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dumpTables(backend, ['policy_copies', 'kindergarten', 'audit_log'])).toEqual(before);
  });
});
