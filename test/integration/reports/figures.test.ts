import { afterEach, describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../core/reports/document';
import { cleanKindergarten } from './clean';
import { books } from './fixtures';
import { knownDataset } from './known-dataset';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function setup() {
  const app = await cleanKindergarten();
  close = app.close;
  const b = books(app.backend);
  const known = knownDataset(b);
  const report = (kind: ReportDoc['kind'], period: string) => app.ok('reports.get', { kind, period });
  return { ...app, b, known, report };
}

const table = (doc: ReportDoc, id: string) => {
  const t = doc.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const zh = (cell: unknown) => (Array.isArray(cell) ? cell[0] : cell);

describe('reports on a hand-built set of books', () => {
  it('October: charges 735.00 (A’s November bill; C’s issued and voided within the month), 100.00 received, closing 1055.00', async () => {
    const { report } = await setup();
    const doc = await report('income', '2026-10');
    expect(doc.checks[0]!.zh).toEqual([
      '收费 735.00 − 减免 0.00 − 退费 0.00 = 净应收 735.00',
      '期初余额 420.00 + 净应收 735.00 − 收款 100.00 + 付出 0.00 = 期末余额 1055.00；各户余额合计 1055.00（欠费 1055.00，结余 0.00） ✓',
    ]);
    expect(doc.checks.every((c) => c.holds)).toBe(true);
    const items = table(doc, 'items');
    expect(items.rows.map((r) => [zh(r.item), r.charges, r.net])).toEqual([
      ['保教费', '420.00', '420.00'],
      ['伙食费', '315.00', '315.00'],
    ]);
    expect(items.total).toMatchObject({ charges: '735.00', net: '735.00' });
    const classes = table(doc, 'classes');
    expect(classes.rows.map((r) => [r.className, zh(r.item), r.charges])).toEqual([
      ['星星班', '保教费', '420.00'],
      ['星星班', '伙食费', '315.00'],
      ['向日葵班', '保教费', '0.00'],
    ]);
  });

  it('November: refunds 330.00 from the October settlement, 635.00 received (735.00 cash less the voided 100.00), 200.00 paid out, closing 290.00', async () => {
    const { report } = await setup();
    const doc = await report('income', '2026-11');
    expect(doc.checks[0]!.zh[0]).toBe('收费 0.00 − 减免 0.00 − 退费 330.00 = 净应收 -330.00');
    expect(doc.checks[0]!.zh[1]).toBe(
      '期初余额 1055.00 + 净应收 -330.00 − 收款 635.00 + 付出 200.00 = 期末余额 290.00；各户余额合计 290.00（欠费 420.00，结余 -130.00） ✓',
    );
    expect(table(doc, 'items').rows.map((r) => [zh(r.item), r.refunds])).toEqual([
      ['保教费', '210.00'],
      ['伙食费', '120.00'],
    ]);
  });

  it('the cash book: by method and day, the voided receipt taken back on the day it was voided', async () => {
    const { report } = await setup();
    const doc = await report('cashbook', '2026-11');
    const methods = Object.fromEntries(table(doc, 'methods').rows.map((r) => [zh(r.method), [r.in, r.out]]));
    expect(methods).toMatchObject({ 现金: ['735.00', '200.00'], 支付宝: ['-100.00', '0.00'], 微信: ['0.00', '0.00'] });
    expect(table(doc, 'days').rows.map((r) => [r.date, r.in, r.out, r.running])).toEqual([
      ['2026-11-03', '-100.00', '0.00', '-100.00'],
      ['2026-11-05', '735.00', '0.00', '635.00'],
      ['2026-11-20', '0.00', '200.00', '435.00'],
    ]);
    const receipts = table(doc, 'receipts').rows;
    expect(receipts.map((r) => [r.receiptNo, zh(r.note)])).toEqual([
      ['SK2026-00003', '作废冲销'],
      ['SK2026-00004', ''],
      ['TK2026-00001', ''],
    ]);
    expect(doc.checks.map((c) => c.holds)).toEqual([true, true]);
    expect(doc.checks[1]!.zh[0]).toBe('各方式收款合计 635.00 = 账户 635.00；各方式付出合计 200.00 = 账户 200.00 ✓');
    const year = await report('cashbook', '2026');
    expect(table(year, 'days').rows.map((r) => [r.date, r.in])).toEqual([
      ['2026-09', '1740.00'],
      ['2026-10', '100.00'],
      ['2026-11', '635.00'],
    ]);
  });

  it('prepaid at the end of October: B’s three unserved months 630.00, released 210.00 in each of November to January', async () => {
    const { report } = await setup();
    const doc = await report('prepaid', '2026-10');
    expect(table(doc, 'release').rows.map((r) => [zh(r.month), r.amount])).toEqual([
      ['2026-11', '210.00'],
      ['2026-12', '210.00'],
      ['2027-01', '210.00'],
      ['尚未开具（结余）', '0.00'],
    ]);
    expect(table(doc, 'release').total).toMatchObject({ amount: '630.00' });
    expect(table(doc, 'households').rows).toHaveLength(1);
    // Owed for served months (C: 320.00) − prepaid 630.00 + billed for later months (A 735.00 + B 630.00) = 1055.00.
    expect(doc.checks[1]!.zh[0]).toBe('已服务未缴 320.00 − 预收款 630.00 + 已开具未服务 1365.00 = 1055.00；月末各户余额合计 1055.00 ✓');
    expect(doc.notes[0]![0]).toContain('预收款（月末）');
  });

  it('prepaid at the end of November: B 420.00 still to be served, A’s 130.00 refund credit not yet billed', async () => {
    const { report } = await setup();
    const doc = await report('prepaid', '2026-11');
    expect(table(doc, 'release').total).toMatchObject({ amount: '550.00' });
    expect(table(doc, 'release').rows.map((r) => [zh(r.month), r.amount])).toEqual([
      ['2026-12', '210.00'],
      ['2027-01', '210.00'],
      ['尚未开具（结余）', '130.00'],
    ]);
    expect(doc.checks.every((c) => c.holds)).toBe(true);
  });

  it('arrears: C’s October bill was 320.00 and 21 days overdue at the end of October; 420.00 and 44 days today after the receipt was voided', async () => {
    const { report, known } = await setup();
    const oct = await report('arrears', '2026-10');
    expect(oct.asOf).toBe('2026-10-31');
    expect(table(oct, 'bills').rows.map((r) => [r.number, r.days, zh(r.band), r.outstanding])).toEqual([[known.bills.cOct.number, 21, '逾期 0-30 天', '320.00']]);
    const nov = await report('arrears', '2026-11');
    expect(nov.asOf).toBe('2026-11-23');
    expect(table(nov, 'bills').rows.map((r) => [r.days, zh(r.band), r.outstanding])).toEqual([[44, '逾期 31-60 天', '420.00']]);
    expect(table(nov, 'aging').total).toMatchObject({ d0_30: '0.00', d31_60: '420.00', d60_plus: '0.00', total: '420.00', count: 1 });
    expect(nov.checks.every((c) => c.holds)).toBe(true);
  });

  it('reductions: B’s 低保 half of 2100.00 booked in August, B counted in the share of children supported all autumn', async () => {
    const { report } = await setup();
    const oct = await report('reductions', '2026-10');
    expect(table(oct, 'categories').rows.map((r) => [zh(r.category), zh(r.rate), zh(r.guide), r.children, r.amount])).toEqual([['城乡低保家庭子女', '减半', '计入', 1, '0.00']]);
    expect(table(oct, 'classes').rows.map((r) => [r.className, r.enrolled, r.supported, r.share])).toEqual([
      ['星星班', 1, 0, '0%'],
      ['苗苗班', 1, 1, '100%'],
      ['向日葵班', 1, 0, '0%'],
    ]);
    expect(table(oct, 'classes').total).toMatchObject({ enrolled: 3, supported: 1, counted: 1, share: '33.3%' });
    expect(oct.notes[0]![0]).toContain('本期全园资助比例为 33.3%（计入 1 人 ÷ 在园 3 人），达到 10% 的要求。');
    const year = await report('reductions', '2026');
    expect(table(year, 'categories').total).toMatchObject({ amount: '1050.00', children: 1 });
    expect(year.checks.every((c) => c.holds)).toBe(true);
  });

  it('the annual report: income per item for 2026, the standards in force that year, children by class and category', async () => {
    const { report, b } = await setup();
    b.sqlite.exec(`INSERT INTO fee_standards (item, label, amount_fen, unit, applies_from) VALUES
      ('education', '保教费', 38000, 'month', '2025-09-01'),
      ('education', '保教费', 42000, 'month', '2026-09-01'),
      ('education', '保教费', 46000, 'month', '2027-09-01'),
      ('meal', '伙食费', 1500, 'day', '2026-09-01')`);
    const doc = await report('annual', '2026');
    expect(table(doc, 'income').rows.map((r) => [zh(r.item), r.charges, r.reductions, r.refunds, r.net])).toEqual([
      ['保教费', '3360.00', '1050.00', '210.00', '2100.00'],
      ['伙食费', '585.00', '0.00', '120.00', '465.00'],
    ]);
    expect(doc.checks[0]!.zh[1]).toBe('期初余额 0.00 + 净应收 2565.00 − 收款 2475.00 + 付出 200.00 = 期末余额 290.00；各户余额合计 290.00（欠费 420.00，结余 -130.00） ✓');
    expect(table(doc, 'standards').rows.map((r) => [zh(r.item), r.amount, r.appliesFrom])).toEqual([
      ['保教费', '380.00', '2025-09-01'],
      ['保教费', '420.00', '2026-09-01'],
      ['伙食费', '15.00', '2026-09-01'],
    ]);
    const children = table(doc, 'children');
    expect(children.rows.map((r) => [zh(r.group), r.name, zh(r.level), r.count])).toEqual([
      ['班级', '星星班', '托班', 1],
      ['班级', '苗苗班', '小班', 1],
      ['班级', '向日葵班', '中班', 1],
      ['减免类别', '城乡低保家庭子女', '', 1],
    ]);
    expect(children.total).toMatchObject({ count: 3 });
  });

  it('money reports on a kindergarten with no bills say where to begin', async () => {
    const app = await cleanKindergarten();
    close = app.close;
    const doc = await app.ok('reports.get', { kind: 'income', period: '2026-10' });
    expect(doc.tables).toEqual([]);
    expect(doc.empty?.hint[0]).toBe('本月尚未开具缴费通知单，请先到 收费 → 缴费通知单 开具。');
  });

  it('refuses a period not yet begun and a year for a monthly report, and is for the principal and finance only', async () => {
    const { call, login } = await setup();
    expect((await call('reports.get', { kind: 'income', period: '2026-12' })).ok).toBe(false);
    const wrong = await call('reports.get', { kind: 'prepaid', period: '2026' });
    expect(wrong.ok || wrong.error.message).toBe('这张报表只能按月查看，请选择月份。');
    expect((await call('reports.get', { kind: 'income', period: '2026-10' }, await login('caiwu'))).ok).toBe(true);
    for (const user of ['qiantai', 'laoshi']) {
      const refused = await call('reports.get', { kind: 'income', period: '2026-10' }, await login(user));
      expect(refused.ok || refused.error.code).toBe('forbidden');
    }
  });
});
