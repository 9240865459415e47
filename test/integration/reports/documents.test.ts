import { afterEach, describe, expect, it } from 'vitest';
import { cleanKindergarten } from './clean';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function withStandards() {
  const app = await cleanKindergarten();
  close = app.close;
  app.sqlite.exec(`INSERT INTO fee_standards (item, label, amount_fen, unit, applies_from, level, enrolled_from) VALUES
    ('education', '保教费', 38000, 'month', '2025-09-01', NULL, NULL),
    ('education', '保教费', 42000, 'month', '2026-09-01', NULL, NULL),
    ('education', '保教费（托班）', 50000, 'month', '2026-09-01', 'toddler', NULL),
    ('meal', '伙食费', 1500, 'day', '2026-09-01', NULL, NULL),
    ('custody', '托管费', 10000, 'month', '2026-09-01', NULL, NULL),
    ('agency', '幼儿意外伤害保险', 10000, 'semester', '2026-09-01', NULL, NULL),
    ('education', '保教费', 46000, 'month', '2027-09-01', NULL, '2027-09-01')`);
  const { profile } = await app.ok('kindergarten.get', {});
  await app.ok('kindergarten.updateProfile', {
    name: profile!.name,
    type: 'public',
    fundingType: 'balance',
    grade: 'municipal',
    policyId: profile!.policyId,
    complaintPhone: '园长室 0513-85000000；价格举报 12315',
  });
  return app;
}

const childId = (app: Awaited<ReturnType<typeof withStandards>>, name: string) => (app.sqlite.prepare('SELECT id FROM children WHERE name = ?').get(name) as { id: number }).id;

describe('the public fee board (收费公示)', () => {
  it('lists every standard in force today with unit and basis, the one announced for later, reductions, refund rules, the telephone and the date', async () => {
    const app = await withStandards();
    const board = await app.ok('reports.feeBoard', {});
    expect(board.date).toBe('2026-11-23');
    expect(board.complaintPhone).toBe('园长室 0513-85000000；价格举报 12315');
    expect(board.items.map((i) => [i.item[0], i.label, i.forWhom[0], i.amount, i.unit[0]])).toEqual([
      ['保教费', '保教费', '全园', '420.00', '元/生·月'],
      ['保教费', '保教费（托班）', '托班', '500.00', '元/生·月'],
      ['伙食费', '伙食费', '全园', '15.00', '元/生·天'],
      ['托管费', '托管费', '全园', '100.00', '元/生·月'],
      ['代收费', '幼儿意外伤害保险', '全园', '100.00', '元/生·学期'],
    ]);
    expect(board.items[0]!.basis).toEqual(['南通市收费文件第一条第1款（NT-1.1）', '南通市收费文件第三条第1款（NT-3.1）']);
    expect(board.items[1]!.basis).toContain('南通市收费文件第一条第2款（NT-1.2）');
    expect(board.items[3]!.basis).toEqual(['南通市收费文件第一条第3款（NT-1.3）']);
    expect(board.items[3]!.note?.[0]).toContain('签订托管协议');
    expect(board.upcoming.map((i) => [i.amount, i.appliesFrom, i.forWhom[0]])).toEqual([['460.00', '2027-09-01', '全园（2027-09-01 起入园的新生）']]);
    expect(board.reductions.map((r) => [r.label, r.rate[0]])).toContainEqual(['城乡低保家庭子女', '保教费减半收取']);
    expect(board.reductions.every((r) => r.basis === '南通市收费文件第三条第7款（NT-3.7）')).toBe(true);
    expect(board.refunds.map((r) => r.clause)).toEqual(expect.arrayContaining(['NT-3.3', 'NT-3.3b', 'NT-3.4', 'NT-3.1']));
    expect(board.refunds.every((r) => !r.text.includes('本系统'))).toBe(true);
    expect(board.policyName).toBe('南通市区幼儿园收费管理政策（2018）');
  });

  it('keeps the complaint telephone in settings: read back with the profile, recorded in the audit trail', async () => {
    const app = await withStandards();
    expect((await app.ok('kindergarten.get', {})).complaintPhone).toBe('园长室 0513-85000000；价格举报 12315');
    const audit = app.sqlite.prepare("SELECT after_json AS after FROM audit_log WHERE action = 'kindergarten.update' ORDER BY id DESC").get() as { after: string };
    expect(JSON.parse(audit.after).complaintPhone).toBe('园长室 0513-85000000；价格举报 12315');
  });
});

describe('the fee agreement (收费协议) for one child', () => {
  it('lists the items of the child’s next bill at their standards, the voluntary ones apart, the period, services and refund clauses', async () => {
    const app = await withStandards();
    app.sqlite.prepare("UPDATE children SET custody_agreed_on = '2026-08-28' WHERE name = '王小明'").run();
    const a = await app.ok('reports.feeAgreement', { childId: childId(app, '王小明') });
    expect(a.child).toMatchObject({ name: '王小明', className: '星星班', level: 'toddler', billingMode: 'monthly' });
    expect(a.items.map((i) => [i.key, i.label, i.amount, i.unit[0], i.optional])).toEqual([
      ['education', '保教费（托班）', '500.00', '元/生·月', false],
      ['meal', '伙食费', '15.00', '元/生·天', false],
      ['custody', '托管费', '100.00', '元/生·月', false],
      ['agency', '幼儿意外伤害保险', '100.00', '元/生·学期', true],
    ]);
    expect(a.items[0]!.basis).toContain('南通市收费文件第一条第2款（NT-1.2）');
    expect(a.problems).toEqual([]);
    expect(a.period).toContain('2026-2027学年2026年秋季学期（2026-09 至 2027-01）');
    expect(a.method).toContain('按月收取');
    expect(a.refunds.map((r) => r.cite)).toEqual(expect.arrayContaining(['南通市收费文件第三条第3款（NT-3.3）', '南通市收费文件第三条第4款（NT-3.4）']));
    expect(a.guardians).toEqual([{ name: '王爸爸', relationship: '父亲' }]);
    expect(a.complaintPhone).toContain('12315');
    expect(a.date).toBe('2026-11-23');
  });

  it('shows the 低保 reduction of a child who has one, and leaves out custody without an agreement', async () => {
    const app = await withStandards();
    const a = await app.ok('reports.feeAgreement', { childId: childId(app, '李小红') });
    expect(a.reduction).toEqual({ label: '城乡低保家庭子女', rate: '保教费减半收取', clause: '南通市收费文件第三条第7款' });
    expect(a.reductions.some((r) => r.includes('城乡低保家庭子女'))).toBe(true);
    expect(a.items.some((i) => i.key === 'custody')).toBe(false);
  });

  it('says why prices cannot be listed when a standard is missing', async () => {
    const app = await cleanKindergarten();
    close = app.close;
    const a = await app.ok('reports.feeAgreement', { childId: childId(app, '张小刚') });
    expect(a.items).toEqual([]);
    expect(a.problems.join('')).toContain('请先在“收费 → 收费标准”中设定');
  });

  it('is for the desk, finance and the principal; a teacher is refused', async () => {
    const app = await withStandards();
    const refused = await app.call('reports.feeBoard', {}, await app.login('laoshi'));
    expect(refused.ok || refused.error.code).toBe('forbidden');
    expect((await app.call('reports.feeAgreement', { childId: childId(app, '王小明') }, await app.login('qiantai'))).ok).toBe(true);
  });
});
