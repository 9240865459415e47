import { afterEach, describe, expect, it } from 'vitest';
import { householdBalanceFen, nextNumber, postEntries } from '../../../db/billing/ledger';
import type { Backend } from '../../../electron/backend';
import { demoBackend, dumpTables } from '../../backend';
import { caller, demoHouseholds, key, moneyBackend } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

const entry = (householdId: number, amountFen: number) => ({
  householdId,
  kind: 'payment' as const,
  amountFen,
  entryDate: '2026-10-08',
  description: '测试',
});

describe('money tables are append-only, enforced by the database itself', () => {
  it('refuses UPDATE and DELETE on ledger entries, and the balance is the sum of entries', async () => {
    const env = await demoBackend();
    backend = env.backend;
    const { db, sqlite } = backend.database();
    const household = (sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 1').get() as { id: number }).id;
    const before = householdBalanceFen(db, household);
    const [id] = postEntries(db, [entry(household, -52000), entry(household, 1500)]);
    expect(householdBalanceFen(db, household)).toBe(before - 52000 + 1500);
    expect(() => sqlite.prepare('UPDATE ledger_entries SET amount_fen = 0 WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM ledger_entries WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(householdBalanceFen(db, household)).toBe(before - 52000 + 1500);
  });

  it('refuses UPDATE and DELETE on every money table', async () => {
    const env = await demoBackend();
    backend = env.backend;
    const { sqlite } = backend.database();
    const money = [
      'bills', 'bill_lines', 'bill_voids', 'payments', 'payment_allocations', 'payment_voids',
      'payment_invoice_numbers', 'settlements', 'settlement_children', 'settlement_lines', 'ledger_entries', 'refund_preferences',
    ];
    const triggers = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name),
    );
    for (const table of money) {
      expect(triggers.has(`${table}_no_update`), table).toBe(true);
      expect(triggers.has(`${table}_no_delete`), table).toBe(true);
    }
  });

  it('numbers a sequence without gaps, and a rolled-back transaction consumes no number', async () => {
    const env = await demoBackend();
    backend = env.backend;
    const { db, sqlite } = backend.database();
    expect(nextNumber(db, 'test:2026')).toBe(1);
    expect(nextNumber(db, 'test:2026')).toBe(2);
    expect(() =>
      sqlite.transaction(() => {
        nextNumber(db, 'test:2026');
        throw new Error('refused half-way');
      })(),
    ).toThrow('refused half-way');
    expect(nextNumber(db, 'test:2026')).toBe(3);
    expect(nextNumber(db, 'other:2026')).toBe(1);
  });
});

describe('a recorded and voided payment cannot be edited or removed, not even with SQL', () => {
  it('refuses UPDATE and DELETE on the payment, its allocations, its void, its invoice number and its entries', async () => {
    const env = await moneyBackend();
    backend = env.backend;
    const { single } = demoHouseholds(env.backend);
    const call = caller(env.backend, env.sessions.principal);
    const bill = (await call('payments.household', { householdId: single.id })).openBills[0]!;
    const paid = await call('payments.record', { idempotencyKey: key(), householdId: single.id, amount: bill.outstanding, method: 'cash', paidOn: '2026-12-01', allocations: [{ billId: bill.id, amount: bill.outstanding }] });
    await call('payments.setInvoiceNo', { idempotencyKey: key(), paymentId: paid.paymentId, invoiceNo: '0012345' });
    await call('payments.void', { idempotencyKey: key(), paymentId: paid.paymentId, reason: '重复收款' });
    const { sqlite } = env.backend.database();
    const snapshot = () => dumpTables(env.backend, ['payments', 'payment_allocations', 'payment_voids', 'payment_invoice_numbers', 'ledger_entries']);
    const before = snapshot();
    const attempts = [
      ["UPDATE payments SET amount_fen = 1 WHERE id = ?", paid.paymentId],
      ["UPDATE payments SET receipt_no = 'SK2026-99999' WHERE id = ?", paid.paymentId],
      ['DELETE FROM payments WHERE id = ?', paid.paymentId],
      ['UPDATE payment_allocations SET amount_fen = 1 WHERE payment_id = ?', paid.paymentId],
      ['DELETE FROM payment_allocations WHERE payment_id = ?', paid.paymentId],
      // Un-voiding by deleting the void row would bring the allocations back.
      ['DELETE FROM payment_voids WHERE payment_id = ?', paid.paymentId],
      ["UPDATE payment_voids SET reason = '' WHERE payment_id = ?", paid.paymentId],
      ["UPDATE payment_invoice_numbers SET invoice_no = 'x' WHERE payment_id = ?", paid.paymentId],
      ['DELETE FROM ledger_entries WHERE payment_id = ?', paid.paymentId],
    ] as const;
    for (const [statement, id] of attempts) expect(() => sqlite.prepare(statement).run(id), statement).toThrow(/append-only/);
    expect(snapshot()).toEqual(before);
    // The voided receipt keeps its number.
    expect(sqlite.prepare('SELECT receipt_no FROM payments WHERE id = ?').get(paid.paymentId)).toEqual({ receipt_no: 'SK2026-00001' });
  });
});
