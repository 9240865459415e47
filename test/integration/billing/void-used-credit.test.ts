// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
// Voiding a payment whose left-over credit a later bill already took off:
// the family owes that again, on that bill; the bills add up to the account,
// arrears show it, and the accounts check stays clean.
import { afterEach, describe, expect, it } from 'vitest';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { type BillingDemo, billingDemo, key } from './helpers';

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const fen = (yuan: string) => Math.round(Number(yuan) * 100);
const yuan = (f: number) => `${Math.trunc(f / 100)}.${String(f % 100).padStart(2, '0')}`;

describe('voiding a payment whose credit a later bill used', () => {
  it('puts the used credit back on that bill as owed, explains it, and keeps bills, account and check in agreement', async () => {
    demo = await billingDemo();
    const db = demo.backend.database().db;
    // A family with one child, a monthly payer not billed for December yet.
    const child = demo.one(`SELECT c.id, c.household_id AS householdId FROM children c WHERE c.status = 'enrolled' AND c.billing_mode = 'monthly'
      AND NOT EXISTS (SELECT 1 FROM children s WHERE s.household_id = c.household_id AND s.id <> c.id) ORDER BY c.id LIMIT 1`);
    const householdId = child.householdId as number;
    const before = await demo.ok('payments.household', { householdId });
    const owed = householdBalanceFen(db, householdId);
    // It pays everything open and 300.00 ahead: the 300.00 stays as credit.
    const allocations = before.openBills.map((b: any) => ({ billId: b.id, amount: b.outstanding }));
    const paid = await demo.ok('payments.record', { householdId, amount: yuan(Math.max(0, owed) + 30000), method: 'cash', paidOn: '2026-11-30', allocations, idempotencyKey: key() });
    expect(householdBalanceFen(db, householdId)).toBe(Math.min(owed, 0) - 30000);

    // December's bill takes the credit off.
    const preview = await demo.ok('bills.preview', { month: '2026-12' });
    await demo.ok('bills.issue', { month: '2026-12', dueOn: '2026-12-10', digest: preview.digest, idempotencyKey: key() });
    const december = demo.one("SELECT id, number, credit_applied_fen AS credit, total_due_fen AS due, charges_fen - reductions_fen AS net FROM bills WHERE child_id = ? AND period_first = '2026-12'", child.id);
    expect(december.credit).toBe(Math.min(december.net, 30000 - Math.min(owed, 0)));
    expect(december.credit).toBeGreaterThanOrEqual(30000);
    expect((await demo.ok('payments.household', { householdId })).openBills.find((b: any) => b.id === december.id).outstanding).toBe(yuan(december.due));

    // The payment was recorded by mistake: voided.
    const voided = await demo.ok('payments.void', { paymentId: paid.paymentId, reason: '重复登记', idempotencyKey: key() });
    const balance = householdBalanceFen(db, householdId);
    expect(voided.balance).toBe(yuan(balance));
    // The family owes December's full net again: the credit it was shown is gone.
    expect(voided.creditWithdrawn).toEqual([expect.objectContaining({ number: december.number, amount: yuan(december.credit) })]);
    expect(voided.explanation).toContain(`${december.number}`);
    expect(voided.explanation).toContain('重新计为该通知单的欠费');
    const after = await demo.ok('payments.household', { householdId });
    const decemberView = after.openBills.find((b: any) => b.id === december.id);
    expect(fen(decemberView.outstanding)).toBe(december.net);
    // The open bills add up to what the account says the family owes.
    expect(after.openBills.reduce((s: number, b: any) => s + fen(b.outstanding), 0)).toBe(balance);
    expect(decemberView.status).not.toBe('paid');
    expect((await demo.ok('ledger.check', {})).problems).toEqual([]);
    const audit = demo.one("SELECT summary FROM audit_log WHERE action = 'payment.void' ORDER BY id DESC LIMIT 1");
    expect(audit.summary).toContain(december.number);

    // Paying what is owed now settles every bill and the account at 0.
    const open = after.openBills.map((b: any) => ({ billId: b.id, amount: b.outstanding }));
    await demo.ok('payments.record', { householdId, amount: yuan(balance), method: 'cash', paidOn: '2026-12-01', allocations: open, idempotencyKey: key() });
    expect(householdBalanceFen(db, householdId)).toBe(0);
    expect((await demo.ok('payments.household', { householdId })).openBills).toEqual([]);
    expect((await demo.ok('ledger.check', {})).problems).toEqual([]);
  });
});
