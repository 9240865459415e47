import { afterEach, describe, expect, it } from 'vitest';
import { householdBalanceFen } from '../../../db/billing/ledger';
import type { Backend } from '../../../electron/backend';
import { dumpTables } from '../helpers';
import { caller, demoHouseholds, EDUCATION, issueTestBill, key, MEALS, moneyBackend, refusal } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

const MONEY_TABLES = ['payments', 'payment_allocations', 'payment_voids', 'payment_invoice_numbers', 'ledger_entries', 'counters', 'idempotency_keys'];

async function setup() {
  const env = await moneyBackend();
  backend = env.backend;
  const call = caller(env.backend, env.sessions.desk);
  const { siblings } = demoHouseholds(env.backend);
  const [older, younger] = siblings.children as [number, number];
  // October for both children (690 each), November for the younger one (690).
  const octOlder = issueTestBill(env.backend, { childId: older, period: '2026-10', dueOn: '2026-10-10', lines: [EDUCATION(), MEALS()] });
  const octYounger = issueTestBill(env.backend, { childId: younger, period: '2026-10', dueOn: '2026-10-10', lines: [EDUCATION(), MEALS()] });
  const novYounger = issueTestBill(env.backend, { childId: younger, period: '2026-11', dueOn: '2026-11-10', lines: [EDUCATION(), MEALS()] });
  return { ...env, call, household: siblings.id, bills: { octOlder, octYounger, novYounger } };
}

describe('recording a payment at the desk', () => {
  it('shows the household’s open bills oldest due first, then books one payment over two children’s bills with credit left over', async () => {
    const { call, household, bills, backend: b } = await setup();
    const before = await call('payments.household', { householdId: household });
    expect(before.balance).toBe('2070.00');
    expect(before.openBills.map((x) => x.number)).toEqual([bills.octOlder.number, bills.octYounger.number, bills.novYounger.number]);
    expect(before.openBills.every((x) => x.status === 'overdue')).toBe(true);

    const paid = await call('payments.record', {
      idempotencyKey: key(),
      householdId: household,
      amount: '1500',
      method: 'wechat',
      reference: '4200001234202612011234567890',
      paidOn: '2026-12-01',
      allocations: [
        { billId: bills.octOlder.id, amount: '690.00' },
        { billId: bills.octYounger.id, amount: '690.00' },
      ],
    });
    expect(paid).toMatchObject({ receiptNo: 'SK2026-00001', amount: '1500.00', allocated: '1380.00', credit: '120.00', balance: '570.00' });

    const after = await call('payments.household', { householdId: household });
    const status = (id: number) => after.bills.find((x) => x.id === id)!.status;
    expect(status(bills.octOlder.id)).toBe('paid');
    expect(status(bills.octYounger.id)).toBe('paid');
    expect(status(bills.novYounger.id)).toBe('overdue');
    expect(after.openBills.map((x) => x.id)).toEqual([bills.novYounger.id]);
    expect(after.payments[0]).toMatchObject({ receiptNo: 'SK2026-00001', method: 'wechat', credit: '120.00', receivedByName: '吴老师（前台）' });
    // One entry per bill paid (so the ledger reads per child) and one for the credit; together the amount paid.
    const entries = b.database().sqlite.prepare('SELECT child_id, bill_id, amount_fen FROM ledger_entries WHERE payment_id = ? ORDER BY id').all(paid.paymentId);
    expect(entries).toEqual([
      { child_id: bills.octOlder.childId, bill_id: bills.octOlder.id, amount_fen: -69000 },
      { child_id: bills.octYounger.childId, bill_id: bills.octYounger.id, amount_fen: -69000 },
      { child_id: null, bill_id: null, amount_fen: -12000 },
    ]);
    expect(householdBalanceFen(b.database().db, household)).toBe(57000);
  });

  it('takes a partial payment: the bill is partly paid until the rest comes', async () => {
    const { call, household, bills } = await setup();
    await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '300', method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: bills.novYounger.id, amount: '300' }] });
    const bill = (await call('payments.household', { householdId: household })).bills.find((x) => x.id === bills.novYounger.id)!;
    expect(bill).toMatchObject({ paid: '300.00', outstanding: '390.00', status: 'overdue' });
  });

  it('keeps money paid ahead as credit (a negative balance)', async () => {
    const { call, backend: b } = await setup();
    const { single } = demoHouseholds(b);
    const result = await call('payments.record', { idempotencyKey: key(), householdId: single.id, amount: '3450.00', method: 'bank', reference: 'B20261201-77', paidOn: '2026-11-30' });
    expect(result).toMatchObject({ allocated: '0.00', credit: '3450.00', balance: '-3450.00' });
  });

  it('refuses what cannot be booked, with the message under the field, and writes nothing', async () => {
    const { call, household, bills, backend: b } = await setup();
    const before = dumpTables(b, MONEY_TABLES);
    const base = { householdId: household, method: 'cash' as const, paidOn: '2026-12-01' };
    const negative = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '-5' }));
    expect(negative).toMatchObject({ code: 'invalid_input', fields: { amount: '金额不能为负数' } });
    const zero = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '0.00' }));
    expect(zero.fields).toEqual({ amount: '金额必须大于 0' });
    const noReference = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '10', method: 'alipay' }));
    expect(noReference.fields?.reference).toContain('交易单号');
    const future = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '10', paidOn: '2026-12-02' }));
    expect(future.fields).toEqual({ paidOn: '缴费日期不能晚于今天' });
    const overBill = await refusal(call('payments.record', { ...base, idempotencyKey: key(), amount: '1000', allocations: [{ billId: bills.octOlder.id, amount: '690.01' }] }));
    expect(overBill.fields).toEqual({ 'allocations.0.amount': `超过账单 ${bills.octOlder.number} 的未缴金额` });
    const overAmount = await refusal(
      call('payments.record', {
        ...base,
        idempotencyKey: key(),
        amount: '700',
        allocations: [
          { billId: bills.octOlder.id, amount: '690' },
          { billId: bills.octYounger.id, amount: '20' },
        ],
      }),
    );
    expect(overAmount.message).toBe('分配合计超过本次缴费金额');
    const { single } = demoHouseholds(b);
    const otherHousehold = await refusal(call('payments.record', { ...base, householdId: single.id, idempotencyKey: key(), amount: '100', allocations: [{ billId: bills.octOlder.id, amount: '100' }] }));
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
    const count = (b.database().sqlite.prepare('SELECT count(*) AS n FROM payments').get() as { n: number }).n;
    expect(count).toBe(1);
    const clash = await refusal(call('payments.void', { idempotencyKey: input.idempotencyKey, paymentId: first.paymentId, reason: '录错' }, sessions.finance));
    expect(clash).toMatchObject({ code: 'conflict', message: '这个提交标识已用于另一项操作，请关闭对话框后重新打开。' });
    expect((b.database().sqlite.prepare('SELECT count(*) AS n FROM payment_voids').get() as { n: number }).n).toBe(0);
  });
});

describe('voiding a payment by reversal', () => {
  it('reverses every entry, stops its allocations counting, keeps the receipt number and prints 作废', async () => {
    const { call, household, bills, sessions, backend: b } = await setup();
    const paid = await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '790', method: 'pos', reference: 'POS-881', paidOn: '2026-12-01', allocations: [{ billId: bills.octOlder.id, amount: '690' }] });
    const voidInput = { idempotencyKey: key(), paymentId: paid.paymentId, reason: '金额录错，应为 690 元' };
    const voided = await call('payments.void', voidInput, sessions.finance);
    expect(voided).toMatchObject({ receiptNo: paid.receiptNo, balance: '2070.00' });
    // The retry of the same void returns the first result and reverses nothing twice.
    expect(await call('payments.void', voidInput, sessions.finance)).toEqual(voided);
    const again = await refusal(call('payments.void', { ...voidInput, idempotencyKey: key() }, sessions.principal));
    expect(again).toMatchObject({ code: 'conflict', message: `收据 ${paid.receiptNo} 已于 2026-12-01 作废` });

    const sqlite = b.database().sqlite;
    const rows = sqlite.prepare('SELECT kind, amount_fen, reverses_entry_id FROM ledger_entries WHERE payment_id = ? ORDER BY id').all(paid.paymentId) as { kind: string; amount_fen: number; reverses_entry_id: number | null }[];
    expect(rows.map((r) => [r.kind, r.amount_fen])).toEqual([
      ['payment', -69000],
      ['payment', -10000],
      ['reversal', 69000],
      ['reversal', 10000],
    ]);
    const account = await call('payments.household', { householdId: household });
    expect(account.bills.find((x) => x.id === bills.octOlder.id)).toMatchObject({ status: 'overdue', paid: '0.00' });
    expect(account.payments[0]).toMatchObject({ receiptNo: 'SK2026-00001', void: { reason: '金额录错，应为 690 元', voidedByName: '孙会计' } });
    const receipt = (await call('payments.receipts', { ids: [paid.paymentId] })).receipts[0]!;
    expect(receipt).toMatchObject({ receiptNo: 'SK2026-00001', amountInWords: '柒佰玖拾元整', void: { reason: '金额录错，应为 690 元' } });
    // The next payment takes the next number: the voided one keeps its own.
    const next = await call('payments.record', { idempotencyKey: key(), householdId: household, amount: '690', method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: bills.octOlder.id, amount: '690' }] });
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
      ['ledger.account', { householdId: household }],
      ['ledger.arrears', {}],
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
