// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
// 缴费方式 on the fee notice: a profile field (principal only, validated,
// audited), printed on every notice, a default sentence when empty.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOW_TO_PAY } from '../../../core/billing/how-to-pay';
import { type BillingDemo, billingDemo } from './helpers';

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const ACCOUNT = '现金或微信、支付宝扫码（财务室）\n银行转账：南通农商银行 崇川支行 户名：南通市示范幼儿园 账号 3206 0001 2345 6789';

async function profileInput(d: BillingDemo, patch: Record<string, unknown>) {
  const got = await d.ok('kindergarten.get', {}, 'admin');
  const { name, type, fundingType, grade, policyId } = got.profile;
  return { name, type, fundingType, grade, policyId, complaintPhone: got.complaintPhone, howToPay: got.howToPay, ...patch };
}

describe('缴费方式 on fee notices', () => {
  it('prints the default sentence until the principal sets the kindergarten’s own text, which every notice then carries', async () => {
    demo = await billingDemo();
    const before = await demo.ok('bills.notices', { month: '2026-11', limit: 3 }, 'qiantai');
    expect(before.howToPay).toBe(DEFAULT_HOW_TO_PAY);
    expect((await demo.ok('kindergarten.get', {})).defaultHowToPay).toBe(DEFAULT_HOW_TO_PAY);

    await demo.ok('kindergarten.updateProfile', await profileInput(demo, { howToPay: `  ${ACCOUNT}  ` }), 'admin');
    const after = await demo.ok('bills.notices', { month: '2026-11', limit: 3 }, 'qiantai');
    expect(after.howToPay).toBe(ACCOUNT);
    expect(after.notices).toHaveLength(3);
    const audit = demo.one("SELECT before_json AS b, after_json AS a, s.username FROM audit_log l JOIN staff s ON s.id = l.staff_id WHERE action = 'kindergarten.update' ORDER BY l.id DESC LIMIT 1");
    expect(JSON.parse(audit.b).howToPay).toBe('');
    expect(JSON.parse(audit.a).howToPay).toBe(ACCOUNT);
    expect(audit.username).toBe('admin');

    // Emptied again: the default is back.
    await demo.ok('kindergarten.updateProfile', await profileInput(demo, { howToPay: '' }), 'admin');
    expect((await demo.ok('bills.notices', { month: '2026-11', limit: 1 })).howToPay).toBe(DEFAULT_HOW_TO_PAY);
  });

  it('refuses text that would not fit on the notice or holds control characters, and anyone but the principal', async () => {
    demo = await billingDemo();
    const before = demo.counts();
    const long = await demo.call('kindergarten.updateProfile', await profileInput(demo, { howToPay: '一\n二\n三\n四\n五' }), 'admin');
    expect(long.ok).toBe(false);
    expect(long.error.fields.howToPay).toContain('最多 4 行');
    const control = await demo.call('kindergarten.updateProfile', await profileInput(demo, { howToPay: '现金\u0007' }), 'admin');
    expect(control.ok).toBe(false);
    expect(control.error.fields.howToPay).toBeTruthy();
    const finance = await demo.call('kindergarten.updateProfile', await profileInput(demo, { howToPay: '现金' }), 'caiwu');
    expect(finance.error.code).toBe('forbidden');
    expect(demo.counts()).toEqual(before);
  });
});
