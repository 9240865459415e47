import { afterEach, describe, expect, it } from 'vitest';
import { formatFen, parseFen } from '../../../core/money';
import { householdBalanceFen } from '../../../db/billing/ledger';
import type { Backend } from '../../../electron/backend';
import { dumpTables } from '../../backend';
import { caller, demoHouseholds, key, moneyBackend, refusal } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

const MONEY_TABLES = ['payments', 'payment_allocations', 'payment_voids', 'payment_invoice_numbers', 'ledger_entries', 'counters', 'idempotency_keys'];
const fen = parseFen;
const sum = (amounts: string[]) => amounts.reduce((s, a) => s + fen(a), 0);

/** The demo's two-child household, billed September to November by the bill run, nothing paid yet. */
async function setup() {
  const env = await moneyBackend();
  backend = env.backend;
  const call = caller(env.backend, env.sessions.desk);
  const { siblings } = demoHouseholds(env.backend);
  const account = await call('payments.household', { householdId: siblings.id });
  return { ...env, call, household: siblings.id, open: account.openBills, balance: account.balance };
}

describe('recording a payment at the desk', () => {
  it('shows the household’s open bills oldest due first, then books one payment over two children’s bills with credit left over', async () => {
    const { call, household, open, balance, backend: b } = await setup();
    expect(open).toHaveLength(6);
    expect(open.map((x) => x.period)).toEqual(['2026年9月', '2026年9月', '2026年10月', '2026年10月', '2026年11月', '2026年11月']);
    expect(new Set(open.slice(0, 2).map((x) => x.childId)).size).toBe(2);
    expect(open.every((x) => x.status === 'overdue')).toBe(true);
    expect(balance).toBe(formatFen(sum(open.map((x) => x.outstanding))));

    // September for both children, and 120.00 more than that.
    const [a, c] = open as [(typeof open)[number], (typeof open)[number]];
    const amountFen = fen(a.outstanding) + fen(c.outstanding) + 12000;
    const paid = await call('payments.record', {
      idempotencyKey: key(),
      householdId: household,
      amount: formatFen(amountFen),
      method: 'wechat',
      reference: '4200001234202612011234567890',
      paidOn: '2026-12-01',
      allocations: [
        { billId: a.id, amount: a.outstanding },
        { billId: c.id, amount: c.outstanding },
      ],
    });
    expect(paid).toMatchObject({ receiptNo: 'SK2026-00001', amount: formatFen(amountFen), credit: '120.00', balance: formatFen(fen(balance) - amountFen) });

    const after = await call('payments.household', { householdId: household });
    const status = (id: number) => after.bills.find((x) => x.id === id)!.status;
    expect(status(a.id)).toBe('paid');
    expect(status(c.id)).toBe('paid');
    expect(after.openBills.map((x) => x.id)).toEqual(open.slice(2).map((x) => x.id));
    expect(after.payments[0]).toMatchObject({ receiptNo: 'SK2026-00001', method: 'wechat', credit: '120.00', receivedByName: '吴老师（前台）' });
    // One entry per bill paid (so the ledger reads per child) and one for the credit; together the amount paid.
    const entries = b.database().sqlite.prepare('SELECT child_id, bill_id, amount_fen FROM ledger_entries WHERE payment_id = ? ORDER BY id').all(paid.paymentId);
    expect(entries).toEqual([
      { child_id: a.childId, bill_id: a.id, amount_fen: -fen(a.outstanding) },
      { child_id: c.childId, bill_id: c.id, amount_fen: -fen(c.outstanding) },
      { child_id: null, bill_id: null, amount_fen: -12000 },
    ]);
    expect(householdBalanceFen(b.database().db, household)).toBe(fen(balance) - amountFen);
  });

  it('takes a partial payment: the bill is partly paid until the rest comes', async () => {
    const { call, household, open } = await setup();
    const november = open[5]!;
    await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '300', method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: november.id, amount: '300' }] });
    const bill = (await call('payments.household', { householdId: household })).bills.find((x) => x.id === november.id)!;
    expect(bill).toMatchObject({ paid: '300.00', outstanding: formatFen(fen(november.outstanding) - 30000), status: 'overdue' });
  });

  it('keeps money paid ahead as credit (a negative balance)', async () => {
    const { call, backend: b } = await setup();
    const { single } = demoHouseholds(b);
    const owed = (await call('payments.household', { householdId: single.id })).balance;
    const amountFen = fen(owed) + 345000;
    const open = (await call('payments.household', { householdId: single.id })).openBills;
    const result = await call('payments.record', {
      idempotencyKey: key(),
      householdId: single.id,
      amount: formatFen(amountFen),
      method: 'bank',
      reference: 'B20261201-77',
      paidOn: '2026-11-30',
      allocations: open.map((x) => ({ billId: x.id, amount: x.outstanding })),
    });
    expect(result).toMatchObject({ allocated: owed, credit: '3450.00', balance: '-3450.00' });
    expect((await call('payments.household', { householdId: single.id })).openBills).toEqual([]);
  });

  it('refuses what cannot be booked, with the message under the field, and writes nothing', async () => {
    const { call, household, open, backend: b } = await setup();
    const before = dumpTables(b, MONEY_TABLES);
    const base = { householdId: household, method: 'cash' as const, paidOn: '2026-12-01' };
    const [first, second] = open as [(typeof open)[number], (typeof open)[number]];
    const negative = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '-5' }));
    expect(negative).toMatchObject({ code: 'invalid_input', fields: { amount: '金额不能为负数' } });
    const zero = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '0.00' }));
    expect(zero.fields).toEqual({ amount: '金额必须大于 0' });
    const noReference = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '10', method: 'alipay' }));
    expect(noReference.fields?.reference).toContain('交易单号');
    const future = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '10', paidOn: '2026-12-02' }));
    expect(future.fields).toEqual({ paidOn: '缴费日期不能晚于今天' });
    const overBill = await refusal(
      call('payments.record', { ...base, idempotencyKey: key(), amount: '5000', allocations: [{ billId: first.id, amount: formatFen(fen(first.outstanding) + 1) }] }),
    );
    expect(overBill.fields).toEqual({ 'allocations.0.amount': `超过账单 ${first.number} 的未缴金额` });
    const overAmount = await refusal(
      call('payments.record', {
        ...base,
        idempotencyKey: key(),
        amount: first.outstanding,
        allocations: [
          { billId: first.id, amount: first.outstanding },
          { billId: second.id, amount: '20' },
        ],
      }),
    );
    expect(overAmount.message).toBe('分配合计超过本次缴费金额');
    const { single } = demoHouseholds(b);
    const otherHousehold = await refusal(call('payments.record', { ...base, householdId: single.id, idempotencyKey: key(), amount: '100', allocations: [{ billId: first.id, amount: '100' }] }));
    expect(otherHousehold.fields?.['allocations.0.amount']).toContain('不是本家庭待缴的账单');
    expect(dumpTables(b, MONEY_TABLES)).toEqual(before);
  });

  it('books a double click or a retry once, and refuses the same key for another operation', async () => {
    const { call, household, sessions, backend: b } = await setup();
    const input = { idempotencyKey: key(), householdId: household, amount: '100', method: 'cash' as const, paidOn: '2026-12-01' };
    const [first, second] = await Promise.all([call('payments.record', input), call('payments.record', input)]);
    const third = await call('payments.record', input);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(b.database().sqlite.prepare('SELECT count(*) AS n FROM payments').get()).toEqual({ n: 1 });
    const clash = await refusal(call('payments.void', { idempotencyKey: input.idempotencyKey, paymentId: first.paymentId, reason: '录错' }, sessions.finance));
    expect(clash).toMatchObject({ code: 'conflict', message: '这个提交标识已用于另一项操作，请关闭对话框后重新打开。' });
    expect(b.database().sqlite.prepare('SELECT count(*) AS n FROM payment_voids').get()).toEqual({ n: 0 });
  });
});

describe('voiding a payment by reversal', () => {
  it('reverses every entry, stops its allocations counting, keeps the receipt number and prints 作废', async () => {
    const { call, household, open, balance, sessions, backend: b } = await setup();
    const bill = open[0]!;
    const amount = formatFen(fen(bill.outstanding) + 10000);
    const paid = await call('payments.record', { idempotencyKey: key(), householdId: household, amount, method: 'pos', reference: 'POS-881', paidOn: '2026-12-01', allocations: [{ billId: bill.id, amount: bill.outstanding }] });
    const voidInput = { idempotencyKey: key(), paymentId: paid.paymentId, reason: '金额录错，多录了 100 元' };
    const voided = await call('payments.void', voidInput, sessions.finance);
    expect(voided).toMatchObject({ receiptNo: paid.receiptNo, balance });
    // The retry of the same void returns the first result and reverses nothing twice.
    expect(await call('payments.void', voidInput, sessions.finance)).toEqual(voided);
    const again = await refusal(call('payments.void', { ...voidInput, idempotencyKey: key() }, sessions.principal));
    expect(again).toMatchObject({ code: 'conflict', message: `收据 ${paid.receiptNo} 已于 2026-12-01 作废` });

    const sqlite = b.database().sqlite;
    const rows = sqlite.prepare('SELECT kind, amount_fen FROM ledger_entries WHERE payment_id = ? ORDER BY id').all(paid.paymentId) as { kind: string; amount_fen: number }[];
    expect(rows.map((r) => [r.kind, r.amount_fen])).toEqual([
      ['payment', -fen(bill.outstanding)],
      ['payment', -10000],
      ['reversal', fen(bill.outstanding)],
      ['reversal', 10000],
    ]);
    const account = await call('payments.household', { householdId: household });
    expect(account.bills.find((x) => x.id === bill.id)).toMatchObject({ status: 'overdue', outstanding: bill.outstanding });
    expect(account.payments[0]).toMatchObject({ receiptNo: 'SK2026-00001', void: { reason: '金额录错，多录了 100 元', voidedByName: '孙会计' } });
    const receipt = (await call('payments.receipts', { ids: [paid.paymentId] })).receipts[0]!;
    expect(receipt).toMatchObject({ receiptNo: 'SK2026-00001', amount, void: { reason: '金额录错，多录了 100 元' } });
    expect(receipt.amountInWords).toMatch(/元整$|分$|角整$/);
    // The next payment takes the next number: the voided one keeps its own.
    const next = await call('payments.record', { idempotencyKey: key(), householdId: household, amount: bill.outstanding, method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: bill.id, amount: bill.outstanding }] });
    expect(next.receiptNo).toBe('SK2026-00002');
  });

  it('is for finance and the principal; the front desk records and prints; teachers see none of it', async () => {
    const { call, household, sessions } = await setup();
    const paid = await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '10', method: 'cash', paidOn: '2026-12-01' });
    expect((await refusal(call('payments.void', { idempotencyKey: key(), paymentId: paid.paymentId, reason: '测试' }))).code).toBe('forbidden');
    for (const [name, input] of [
      ['payments.household', { householdId: household }],
      ['payments.day', {}],
      ['payments.receipts', { ids: [paid.paymentId] }],
      ['payments.record', { idempotencyKey: key(), householdId: household, amount: '10', method: 'cash', paidOn: '2026-12-01' }],
      ['payments.setInvoiceNo', { idempotencyKey: key(), paymentId: paid.paymentId, invoiceNo: '1' }],
      ['ledger.account', { householdId: household }],
      ['ledger.exportAccount', { householdId: household }],
      ['ledger.arrears', {}],
      ['ledger.exportArrears', {}],
      ['ledger.check', {}],
    ] as const) {
      expect((await refusal(call(name, input as never, sessions.teacher))).code, name).toBe('forbidden');
    }
    expect((await refusal(call('ledger.check', {}))).code).toBe('forbidden');
    expect((await call('ledger.check', {}, sessions.finance)).problems).toEqual([]);
  });
});

describe('the official invoice number', () => {
  it('is entered later, a correction is a newer row, and a void receipt takes none', async () => {
    const { call, household, sessions } = await setup();
    const paid = await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '10', method: 'cash', paidOn: '2026-12-01' });
    await call('payments.setInvoiceNo', { idempotencyKey: key(), paymentId: paid.paymentId, invoiceNo: '苏财 0012345' });
    await call('payments.setInvoiceNo', { idempotencyKey: key(), paymentId: paid.paymentId, invoiceNo: '苏财 0012346' });
    expect((await call('payments.receipts', { ids: [paid.paymentId] })).receipts[0]!.invoiceNo).toBe('苏财 0012346');
    await call('payments.void', { idempotencyKey: key(), paymentId: paid.paymentId, reason: '重复收款' }, sessions.principal);
    const refused = await refusal(call('payments.setInvoiceNo', { idempotencyKey: key(), paymentId: paid.paymentId, invoiceNo: '苏财 0012347' }));
    expect(refused.fields).toEqual({ invoiceNo: '收据已作废' });
  });
});

describe('a bill replaced or voided after it was paid', () => {
  it('counts what was paid on a replaced bill for its replacement; a voided bill leaves the money as credit', async () => {
    const { call, household, open, sessions, backend: b } = await setup();
    const [sept, , oct] = open as [(typeof open)[number], (typeof open)[number], (typeof open)[number]];
    await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '100', method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: sept.id, amount: '100' }] });
    await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '50', method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: oct.id, amount: '50' }] });
    // The September bill is corrected: the child's meals stop, so the replacement charges less.
    b.database().sqlite.prepare('UPDATE children SET meals = 0 WHERE id = ?').run(sept.childId);
    const finance = caller(b, sessions.finance);
    const replaced = await finance('bills.replace', { billId: sept.id, reason: 'other', note: '不在园用餐', idempotencyKey: key() });
    await finance('bills.void', { billId: oct.id, reason: '开错', idempotencyKey: key() });
    const account = await call('payments.household', { householdId: household });
    const replacement = account.bills.find((x) => x.id === replaced.id)!;
    expect(replacement).toMatchObject({ paid: '100.00', outstanding: formatFen(fen(replacement.totalDue) - 10000) });
    expect(account.bills.some((x) => x.id === sept.id)).toBe(false);
    expect(account.bills.find((x) => x.id === oct.id)).toMatchObject({ status: 'voided', outstanding: '0.00' });
    // The balance is still the sum of the entries, and the 50.00 paid on the voided bill is credit there.
    expect(account.balance).toBe(formatFen(householdBalanceFen(b.database().db, household)));
    expect((await finance('ledger.check', {})).problems).toEqual([]);
  });
});
