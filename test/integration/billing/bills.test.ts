// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
import { afterEach, describe, expect, it } from 'vitest';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { dumpTables } from '../../backend';
import { type BillingDemo, billingDemo, billNumbersGapFree, billsDisagreeingWithLines, key, ledgerAgreesWithBills, MONEY_TABLES } from './helpers';

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const fen = (yuan: string) => Number(yuan.replace('.', ''));

describe('a month’s bill run', () => {
  it('previews without writing, issues what was previewed in one transaction, and a second run issues nothing', async () => {
    demo = await billingDemo();
    const before = demo.counts();
    const preview = await demo.ok('bills.preview', { month: '2026-12' });
    expect(demo.counts()).toEqual(before);
    expect(preview.defaultDueOn).toBe('2026-12-10');
    // Semester payers were billed September to December in September; the child who left in October and the one suspended in November are not billed.
    const semesterPayers = demo.one("SELECT count(*) AS n FROM children WHERE billing_mode = 'semester' AND status = 'enrolled'").n;
    expect(preview.alreadyBilled).toHaveLength(semesterPayers);
    expect(preview.cannotBill.map((c: any) => c.reasons[0].message).join()).toMatch(/已休学/);
    const lines = preview.bills.flatMap((b: any) => b.lines);
    expect(lines.filter((l: any) => l.item === 'meal').every((l: any) => l.quantity === 23 && l.amount === '345.00')).toBe(true);
    const reduced = preview.bills.find((b: any) => b.lines.some((l: any) => l.clause === 'NT-3.7'));
    expect(reduced.lines.find((l: any) => l.clause === 'NT-3.7').label).toContain('城乡低保家庭子女');

    const issued = await demo.ok('bills.issue', { month: '2026-12', dueOn: '2026-12-10', digest: preview.digest, idempotencyKey: key() });
    expect(issued.count).toBe(preview.bills.length);
    expect(issued.totalDue).toBe(preview.totals.totalDue);
    const numbering = billNumbersGapFree(demo);
    expect(numbering.gapFree).toBe(true);
    expect(issued.last).toBe(`JF2026-${String(numbering.count).padStart(5, '0')}`);
    // One ledger entry per line, each on the household's account.
    const december = demo.one(`SELECT count(*) AS lines, (SELECT count(*) FROM ledger_entries e JOIN bills b ON b.id = e.bill_id WHERE b.period_first = '2026-12') AS entries
      FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE b.period_first = '2026-12'`);
    expect(december.entries).toBe(december.lines);
    expect(ledgerAgreesWithBills(demo)).toEqual([]);
    expect(billsDisagreeingWithLines(demo)).toEqual([]);
    const audit = demo.one("SELECT kind, summary FROM audit_log WHERE action = 'bills.issue'");
    expect(audit).toMatchObject({ kind: 'money' });
    expect(audit.summary).toContain(`${issued.count} 份`);

    const after = dumpTables(demo.backend, MONEY_TABLES);
    const again = await demo.call('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: key() });
    expect(again.ok).toBe(false);
    expect(again.error.message).toContain('没有需要开具的缴费通知单');
    expect(dumpTables(demo.backend, MONEY_TABLES)).toEqual(after);
    const rerun = await demo.ok('bills.preview', { month: '2026-12' });
    expect(rerun.bills).toEqual([]);
  });

  it('the same idempotency key twice books once and returns the first result', async () => {
    demo = await billingDemo();
    const input = { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: key() };
    const [first, second] = await Promise.all([demo.ok('bills.issue', input), demo.ok('bills.issue', input)]);
    expect(second).toEqual(first);
    expect(demo.one("SELECT count(*) AS n FROM bills WHERE period_first = '2026-12'").n).toBe(first.count);
    expect(billNumbersGapFree(demo)).toMatchObject({ gapFree: true });
  });

  it('refuses to issue what the preview did not show, a due date before today, a month too far ahead, and anyone but finance or the principal', async () => {
    demo = await billingDemo();
    const before = dumpTables(demo.backend, MONEY_TABLES);
    const preview = await demo.ok('bills.preview', { month: '2026-12' });
    await demo.ok('standards.save', { item: 'meal', amount: '16.00', unit: 'day', appliesFrom: '2026-12-01', idempotencyKey: key() });
    const changed = await demo.call('bills.issue', { month: '2026-12', dueOn: '2026-12-10', digest: preview.digest, idempotencyKey: key() });
    expect(changed.error.message).toContain('请重新预览');
    const late = await demo.call('bills.issue', { month: '2026-12', dueOn: '2026-11-30', idempotencyKey: key() });
    expect(late.error.fields.dueOn).toContain('不能早于');
    const ahead = await demo.call('bills.preview', { month: '2027-02' });
    expect(ahead.error.message).toContain('不得提前预收');
    expect((await demo.call('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: key() }, 'qiantai')).error.code).toBe('forbidden');
    expect((await demo.call('bills.list', { month: '2026-11' }, 'laoshi')).error.code).toBe('forbidden');
    const after = dumpTables(demo.backend, MONEY_TABLES);
    expect(after.bills).toEqual(before.bills);
    expect(after.ledger_entries).toEqual(before.ledger_entries);
    expect(after.counters).toEqual(before.counters);
  });

  it('January 2027 without the legal calendar: the children cannot be billed, and the preview says to import it', async () => {
    demo = await billingDemo();
    const preview = await demo.ok('bills.preview', { month: '2027-01' });
    expect(preview.bills).toEqual([]);
    expect(preview.cannotBill[0].reasons[0].message).toContain('请先在“设置 → 法定日历”中导入或录入 2027 年');
  });
});

describe('a wrong issued bill is replaced or voided, never edited', () => {
  it('a replacement books only the difference; voiding reverses the whole chain; the period can then be billed again', async () => {
    demo = await billingDemo();
    const bill = demo.one(`SELECT b.* FROM bills b JOIN children c ON c.id = b.child_id
      WHERE b.period_first = '2026-11' AND c.reduction_category IS NULL AND c.status = 'enrolled' ORDER BY b.id LIMIT 1`);
    const balance = () => householdBalanceFen(demo!.backend.database().db, bill.household_id);
    const start = balance();
    // The family's 低保 certificate was handed in late: the November bill should have had the NT-3.7 reduction.
    demo.backend.database().sqlite.prepare("UPDATE children SET reduction_category = 'dibao' WHERE id = ?").run(bill.child_id);
    const preview = await demo.ok('bills.replacePreview', { billId: bill.id });
    expect(preview.difference).toEqual([{ kind: 'reduction', item: 'education', old: '0.00', new: expect.any(String), change: expect.stringMatching(/^-/) }]);
    const reductionFen = fen(preview.difference[0].new);

    const replaced = await demo.ok('bills.replace', { billId: bill.id, reason: 'reduction', note: '补交低保证明', idempotencyKey: key() });
    expect(replaced.replaced).toBe(bill.number);
    expect(balance()).toBe(start - reductionFen);
    const next = demo.one('SELECT * FROM bills WHERE id = ?', replaced.id);
    expect(next).toMatchObject({ replaces_bill_id: bill.id, revision: 2, replace_reason: 'reduction', period_first: '2026-11', due_on: bill.due_on });
    const corrections = demo.sql("SELECT * FROM ledger_entries WHERE bill_id = ? AND kind = 'correction'", replaced.id);
    expect(corrections).toHaveLength(1);
    expect(corrections[0].amount_fen).toBe(-reductionFen);
    expect(corrections[0].description).toContain(`替换 ${bill.number}`);
    const list = await demo.ok('bills.list', { month: '2026-11' }, 'qiantai');
    expect(list.bills.find((b: any) => b.id === bill.id)).toMatchObject({ lifecycle: 'replaced', replacedBy: replaced.number });
    expect(list.bills.find((b: any) => b.id === replaced.id)).toMatchObject({ lifecycle: 'issued', replacesNumber: bill.number });

    expect((await demo.call('bills.replace', { billId: bill.id, reason: 'other', note: '再改', idempotencyKey: key() })).error.message).toContain('已被替换');
    const same = await demo.call('bills.replace', { billId: replaced.id, reason: 'standard', idempotencyKey: key() });
    expect(same.error.message).toContain('无需替换');
    expect((await demo.call('bills.replace', { billId: replaced.id, reason: 'other', idempotencyKey: key() })).error.fields.note).toContain('写明');

    const voided = await demo.ok('bills.void', { billId: replaced.id, reason: '家长已办理退园，本月不收费', idempotencyKey: key() });
    expect(voided.number).toBe(replaced.number);
    const billFen = bill.charges_fen - bill.reductions_fen;
    expect(balance()).toBe(start - billFen);
    const reversals = demo.sql("SELECT e.amount_fen, r.amount_fen AS original FROM ledger_entries e JOIN ledger_entries r ON r.id = e.reverses_entry_id WHERE e.kind = 'reversal'");
    expect(reversals.every((r: any) => r.amount_fen === -r.original)).toBe(true);
    expect((await demo.call('bills.void', { billId: replaced.id, reason: '再作废', idempotencyKey: key() })).error.message).toContain('已作废');
    expect(ledgerAgreesWithBills(demo)).toEqual([]);

    // Billed again for November (a new number, the next revision): the child's period is free once voided.
    const again = await demo.ok('bills.preview', { month: '2026-11' });
    expect(again.bills.map((b: any) => b.childId)).toEqual([bill.child_id]);
    await demo.ok('bills.issue', { month: '2026-11', dueOn: '2026-12-10', idempotencyKey: key() });
    expect(demo.one('SELECT max(revision) AS r FROM bills WHERE child_id = ? AND period_first = ?', bill.child_id, '2026-11').r).toBe(3);
    expect(billNumbersGapFree(demo).gapFree).toBe(true);
    expect(ledgerAgreesWithBills(demo)).toEqual([]);
  });
});
