// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../electron/api/index';
import { type BillingDemo, billingDemo, key } from './helpers';

type StandardInput = Api['standards.save']['input'];

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const standard = (s: Pick<StandardInput, 'item' | 'amount' | 'unit' | 'appliesFrom'> & Partial<StandardInput>): StandardInput => ({
  label: '',
  level: null,
  enrolledFrom: null,
  note: '',
  idempotencyKey: key(),
  ...s,
});

describe('fee standards: saved through the notice’s checks, history kept', () => {
  it('refuses a standard the notice forbids, naming the clause under the field, and stores nothing', async () => {
    demo = await billingDemo();
    const before = demo.counts();
    const custody = await demo.call('standards.save', standard({ item: 'custody', amount: '150', unit: 'month', appliesFrom: '2027-02-01' }));
    expect(custody.ok).toBe(false);
    expect(custody.error.message).toContain('NT-1.3');
    expect(custody.error.fields.amount).toContain('托管费每生每月最高 100.00 元');
    const sponsor = await demo.call('standards.save', standard({ item: 'agency', label: '赞助费', amount: '500', unit: 'semester', appliesFrom: '2027-02-01' }));
    expect(sponsor.error.message).toContain('GS-C1');
    expect(sponsor.error.fields.label).toContain('赞助费');
    const unit = await demo.call('standards.save', standard({ item: 'custody', amount: '80', unit: 'day', appliesFrom: '2027-02-01' }));
    expect(unit.error.fields.unit).toBe('托管费只能按月计费');
    const money = await demo.call('standards.save', standard({ item: 'education', amount: '420.005', unit: 'month', appliesFrom: '2027-02-01' }));
    expect(money.error.fields.amount).toBe('金额最多两位小数（到分）');
    expect(demo.counts()).toEqual(before);
  });

  it('NT-3.2: a raise for everyone is refused with the fix; for new pupils it is saved and old pupils keep the old standard', async () => {
    demo = await billingDemo();
    const raise = await demo.call('standards.save', standard({ item: 'education', amount: '460', unit: 'month', appliesFrom: '2027-09-01' }));
    expect(raise.ok).toBe(false);
    expect(raise.error.fields.enrolledFrom).toContain('NT-3.2');
    expect(raise.error.fields.enrolledFrom).toContain('2027-09-01 起入园');
    const saved = await demo.ok('standards.save', standard({ item: 'education', amount: '460', unit: 'month', appliesFrom: '2027-09-01', enrolledFrom: '2027-09-01' }));
    const list = await demo.ok('standards.list', {});
    const education = list.groups.find((g: any) => g.item === 'education' && g.level === null && g.unit === 'month');
    expect(education.rows.map((r: any) => [r.amount, r.appliesFrom, r.enrolledFrom])).toEqual([
      ['460.00', '2027-09-01', '2027-09-01'],
      ['450.00', '2027-02-01', '2027-02-01'],
      ['420.00', '2026-09-01', null],
    ]);
    expect(education.rows[0].id).toBe(saved.id);
    // Nothing is overwritten: the database itself refuses to change or drop a standard.
    const { sqlite } = demo.backend.database();
    expect(() => sqlite.prepare('UPDATE fee_standards SET amount_fen = 1 WHERE id = ?').run(saved.id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM fee_standards WHERE id = ?').run(saved.id)).toThrow(/append-only/);
  });

  it('NT-3.6: vacation care above 30% needs the principal’s explicit confirmation, which is recorded', async () => {
    demo = await billingDemo();
    const input = { item: 'vacation_care', label: '暑假托管费', amount: '28.00', unit: 'day', appliesFrom: '2027-07-05' } as const;
    const check = await demo.ok('standards.check', standard(input), 'admin');
    expect(check.toConfirm).toEqual(['NT-3.6']);
    const byFinance = await demo.call('standards.save', standard({ ...input, confirm: { clauses: ['NT-3.6'], note: '暑期延时，园务会议通过' } }));
    expect(byFinance.ok).toBe(false);
    expect(byFinance.error.message).toContain('需园长确认');
    const unconfirmed = await demo.call('standards.save', standard(input), 'admin');
    expect(unconfirmed.error.code).toBe('conflict');
    const saved = await demo.ok('standards.save', standard({ ...input, confirm: { clauses: ['NT-3.6'], note: '暑期延时，园务会议通过' } }), 'admin');
    const row = demo.one('SELECT override_clause, override_note, confirmed_by, s.username FROM fee_standards f JOIN staff s ON s.id = f.confirmed_by WHERE f.id = ?', saved.id);
    expect(row).toMatchObject({ override_clause: 'NT-3.6', override_note: '暑期延时，园务会议通过', username: 'admin' });
    const audit = demo.one("SELECT kind, summary FROM audit_log WHERE action = 'standards.save' ORDER BY id DESC LIMIT 1");
    expect(audit.kind).toBe('money');
    expect(audit.summary).toContain('园长确认 NT-3.6');
  });

  it('the same submission twice saves one standard; a teacher sees none of it, the front desk only reads', async () => {
    demo = await billingDemo();
    const once = standard({ item: 'bus', label: '校车费', amount: '160', unit: 'month', appliesFrom: '2027-02-01' });
    const first = await demo.ok('standards.save', once);
    const again = await demo.ok('standards.save', once);
    expect(again).toEqual(first);
    expect(demo.one("SELECT count(*) AS n FROM fee_standards WHERE item = 'bus'").n).toBe(2);
    expect((await demo.call('standards.list', {}, 'laoshi')).error.code).toBe('forbidden');
    expect((await demo.call('standards.list', {}, 'qiantai')).ok).toBe(true);
    expect((await demo.call('standards.save', standard({ item: 'bus', amount: '1', unit: 'month', appliesFrom: '2027-02-01' }), 'qiantai')).error.code).toBe('forbidden');
  });
});

describe('reductions', () => {
  it('lists NT-3.7 children and own discounts, and the share against the 10% guide; only the principal sets a discount', async () => {
    demo = await billingDemo();
    const list = await demo.ok('discounts.list', {});
    expect(list.clause).toBe('NT-3.7');
    expect(list.share.guide.minShare).toBe('10%');
    expect(list.share.statutory).toBe(list.children.filter((c: any) => c.reductionCategory).length);
    expect(list.children.filter((c: any) => c.discounts.length > 0)).toHaveLength(2);
    const child = list.all[5];
    const input = { childId: child.childId, item: 'education' as const, kind: 'rate' as const, rate: '20', fromMonth: '2026-12', reason: '教职工子女', idempotencyKey: key() };
    expect((await demo.call('discounts.set', input)).error.code).toBe('forbidden');
    const bad = await demo.call('discounts.set', { ...input, rate: '120' }, 'admin');
    expect(bad.error.fields.rate).toContain('1～100');
    await demo.ok('discounts.set', input, 'admin');
    const after = await demo.ok('discounts.list', {}, 'admin');
    expect(after.children.find((c: any) => c.childId === child.childId).discounts[0]).toMatchObject({ what: '20%', reason: '教职工子女', setBy: '周园长' });
    const preview = await demo.ok('bills.preview', { month: '2026-12' });
    const bill = preview.bills.find((b: any) => b.childId === child.childId);
    expect(bill.lines.find((l: any) => l.kind === 'reduction')).toMatchObject({ clause: null, note: '教职工子女' });
  });
});
