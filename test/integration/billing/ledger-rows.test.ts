import { afterEach, describe, expect, it } from 'vitest';
import { householdBalanceFen, nextNumber, postEntries } from '../../../db/billing/ledger';
import type { Backend } from '../../../electron/backend';
import { demoBackend } from '../helpers';

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
    ({ backend } = await demoBackend());
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
    ({ backend } = await demoBackend());
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
    ({ backend } = await demoBackend());
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
