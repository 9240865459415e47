// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
// A refund paid out by mistake is voided by reversal: the TK receipt keeps
// its number and prints 作废, the refund is owed again, a retry books once.
import { afterEach, describe, expect, it } from 'vitest';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { type BillingDemo, billingDemo, key } from '../billing/helpers';

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** A family that paid 200.00 more than it owed and asked for it back: the payout recorded. */
async function paidOut(d: BillingDemo) {
  const householdId = d.one("SELECT household_id AS id FROM children WHERE status = 'enrolled' ORDER BY id LIMIT 1").id as number;
  const owed = Math.max(0, householdBalanceFen(d.backend.database().db, householdId));
  await d.ok('payments.record', { householdId, amount: yuan(owed + 20000), method: 'wechat', reference: 'WX0001', paidOn: '2026-11-30', idempotencyKey: key() });
  await d.ok('settlement.setRefundDestination', { householdId, mode: 'payout', idempotencyKey: key() });
  expect((await d.ok('settlement.payoutsDue', {})).find((p: any) => p.householdId === householdId)).toMatchObject({ credit: '200.00' });
  const payout = await d.ok('settlement.recordPayout', { householdId, amount: '200.00', method: 'cash', reference: '', paidOn: '2026-12-01', payee: '家长', note: '', idempotencyKey: key() });
  expect((await d.ok('settlement.payoutsDue', {})).some((p: any) => p.householdId === householdId)).toBe(false);
  return { householdId, payout };
}

describe('voiding a refund paid out', () => {
  it('reverses it: the TK receipt keeps its number and prints 作废, the refund is owed again, the accounts check clean', async () => {
    demo = await billingDemo();
    const { householdId, payout } = await paidOut(demo);
    const db = demo.backend.database().db;
    expect(householdBalanceFen(db, householdId)).toBe(0);

    const input = { paymentId: payout.paymentId, reason: '重复登记，实际未付款', idempotencyKey: key() };
    const voided = await demo.ok('settlement.voidPayout', input);
    expect(voided).toMatchObject({ receiptNo: payout.receiptNo, owed: '200.00', balance: '-200.00' });
    expect(householdBalanceFen(db, householdId)).toBe(-20000);
    // Owed again: the family is back among the refunds to pay out.
    expect((await demo.ok('settlement.payoutsDue', {})).find((p: any) => p.householdId === householdId)).toMatchObject({ credit: '200.00' });
    const receipt = await demo.ok('settlement.payoutReceipt', { paymentId: payout.paymentId }, 'qiantai');
    expect(receipt).toMatchObject({ receiptNo: payout.receiptNo, voided: true, voidReason: '重复登记，实际未付款', voidedOn: '2026-12-01', amount: '200.00' });
    const listed = (await demo.ok('settlement.payouts', {})).find((p: any) => p.paymentId === payout.paymentId);
    expect(listed).toMatchObject({ voided: true, receiptNo: payout.receiptNo });
    const entries = demo.sql('SELECT kind, amount_fen AS fen, reverses_entry_id AS reverses FROM ledger_entries WHERE payment_id = ? ORDER BY id', payout.paymentId);
    expect(entries.map((e: any) => [e.kind, e.fen])).toEqual([['payout', 20000], ['reversal', -20000]]);
    const check = await demo.ok('ledger.check', {});
    expect(check.problems).toEqual([]);
    const audit = demo.one("SELECT kind, summary, s.username FROM audit_log l JOIN staff s ON s.id = l.staff_id WHERE action = 'settlement.voidPayout'");
    expect(audit).toMatchObject({ kind: 'money', username: 'caiwu' });
    expect(audit.summary).toContain(payout.receiptNo);

    // The same submission again returns the first result and books nothing; another one is refused.
    const rows = demo.one('SELECT count(*) AS n FROM ledger_entries').n;
    expect(await demo.ok('settlement.voidPayout', input)).toEqual(voided);
    const twice = await demo.call('settlement.voidPayout', { ...input, idempotencyKey: key() });
    expect(twice.error.code).toBe('conflict');
    expect(twice.error.message).toContain('已于 2026-12-01 作废');
    expect(demo.one('SELECT count(*) AS n FROM ledger_entries').n).toBe(rows);

    // Paid out again for real: the next TK number, none skipped, none reused.
    const again = await demo.ok('settlement.recordPayout', { householdId, amount: '200.00', method: 'bank', reference: 'ZZ01', paidOn: '2026-12-01', payee: '家长', note: '', idempotencyKey: key() });
    expect(Number(again.receiptNo.slice(-5))).toBe(Number(payout.receiptNo.slice(-5)) + 1);
    expect(householdBalanceFen(db, householdId)).toBe(0);
    expect((await demo.ok('ledger.check', {})).problems).toEqual([]);
  });

  it('only finance and the principal may void; a payment in is not a payout; a reason is required', async () => {
    demo = await billingDemo();
    const { payout } = await paidOut(demo);
    const before = demo.counts();
    expect((await demo.call('settlement.voidPayout', { paymentId: payout.paymentId, reason: '错了', idempotencyKey: key() }, 'qiantai')).error.code).toBe('forbidden');
    expect((await demo.call('settlement.voidPayout', { paymentId: payout.paymentId, reason: '', idempotencyKey: key() })).error.fields.reason).toBeTruthy();
    const paymentIn = demo.one("SELECT id FROM payments WHERE direction = 'in' ORDER BY id LIMIT 1").id;
    expect((await demo.call('settlement.voidPayout', { paymentId: paymentIn, reason: '错了', idempotencyKey: key() })).error.code).toBe('not_found');
    expect(demo.counts()).toEqual(before);
  });
});
