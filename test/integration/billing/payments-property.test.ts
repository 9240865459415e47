import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestFirst } from '../../../core/billing/allocate';
import { formatFen, parseFen } from '../../../core/money';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { caller, demoHouseholds, key, moneyBackend } from './fixtures';

type Op =
  | { kind: 'issue'; month: '2026-12' | '2027-01' }
  | { kind: 'pay'; household: number; amountFen: number; allocate: boolean }
  | { kind: 'voidPayment'; pick: number }
  | { kind: 'voidBill'; pick: number }
  | { kind: 'replaceBill'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('issue' as const), month: fc.constantFrom('2026-12' as const, '2027-01' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pay' as const), household: fc.nat(2), amountFen: fc.integer({ min: 1, max: 300_000 }), allocate: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('voidPayment' as const), pick: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('voidBill' as const), pick: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replaceBill' as const), pick: fc.nat(30) }) },
);

interface BillRow {
  id: number;
  household_id: number;
  child_id: number;
  number: string;
  due_on: string;
  period_first: string;
  replaces_bill_id: number | null;
  total_due_fen: number;
  net_fen: number;
  voided: number;
  replaced: number;
}

/** What the sequences did, over all runs: the property must have exercised every operation. */
const done = { issued: 0, paid: 0, voidedPayments: 0, voidedBills: 0, replaced: 0 };

describe('the family ledger under any sequence of issue / pay / void / replace', () => {
  it('keeps each balance equal to the sum of its entries and to what the documents say, with sound caches and numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const env = await moneyBackend();
        try {
          const desk = caller(env.backend, env.sessions.desk);
          const finance = caller(env.backend, env.sessions.finance);
          const { sqlite, db } = env.backend.database();
          const { siblings, single, other } = demoHouseholds(env.backend);
          const households = [siblings.id, single.id, other.id];
          // The bills as issued by the bill run (the billing area's), read from the database.
          const billRows = () =>
            sqlite
              .prepare(
                `SELECT b.id, b.household_id, b.child_id, b.number, b.due_on, b.period_first, b.replaces_bill_id, b.total_due_fen,
                   b.charges_fen - b.reductions_fen AS net_fen,
                   (b.id IN (SELECT bill_id FROM bill_voids)) AS voided,
                   (b.id IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL)) AS replaced
                 FROM bills b WHERE b.household_id IN (${households.join(',')}) ORDER BY b.id`,
              )
              .all() as BillRow[];
          // The payments side, kept independently of the database.
          const payments: { id: number; household: number; amountFen: number; allocations: { billId: number; amountFen: number }[]; voided: boolean }[] = [];
          const chainAllocated = (bill: BillRow, all: BillRow[]) => {
            let total = 0;
            for (let b: BillRow | undefined = bill; b; b = all.find((x) => x.id === b!.replaces_bill_id)) {
              total += payments.filter((p) => !p.voided).reduce((s, p) => s + p.allocations.filter((a) => a.billId === b!.id).reduce((t, a) => t + a.amountFen, 0), 0);
            }
            return total;
          };
          const expectedOutstanding = (bill: BillRow, all: BillRow[]) => (bill.voided || bill.replaced ? 0 : Math.max(0, bill.total_due_fen - chainAllocated(bill, all)));
          const liveBills = () => billRows().filter((b) => !b.voided && !b.replaced);

          for (const op of ops) {
            if (op.kind === 'issue') {
              // Refused when the month is already billed: then nothing is booked.
              if (await finance('bills.issue', { month: op.month, dueOn: '2026-12-10', idempotencyKey: key() }).catch(() => null)) done.issued++;
            } else if (op.kind === 'pay') {
              const household = households[op.household]!;
              const all = billRows();
              const open = all
                .filter((b) => b.household_id === household)
                .map((b) => ({ billId: b.id, number: b.number, dueOn: b.due_on, periodFirst: b.period_first, outstandingFen: expectedOutstanding(b, all) }))
                .filter((b) => b.outstandingFen > 0);
              const allocations = op.allocate ? allocateOldestFirst(op.amountFen, open).allocations : [];
              const result = await desk('payments.record', {
                idempotencyKey: key(),
                householdId: household,
                amount: formatFen(op.amountFen),
                method: 'cash',
                paidOn: '2026-12-01',
                allocations: allocations.map((a) => ({ billId: a.billId, amount: formatFen(a.amountFen) })),
              });
              payments.push({ id: result.paymentId, household, amountFen: op.amountFen, allocations, voided: false });
              done.paid++;
            } else if (op.kind === 'voidPayment') {
              const live = payments.filter((p) => !p.voided);
              const payment = live[op.pick % Math.max(1, live.length)];
              if (!payment) continue;
              await finance('payments.void', { idempotencyKey: key(), paymentId: payment.id, reason: '测试作废' });
              payment.voided = true;
              done.voidedPayments++;
            } else {
              const live = liveBills();
              const bill = live[op.pick % Math.max(1, live.length)];
              if (!bill) continue;
              if (op.kind === 'voidBill') {
                await finance('bills.void', { billId: bill.id, reason: '测试作废', idempotencyKey: key() });
                done.voidedBills++;
              } else {
                // What made it wrong: the child's meals changed after the bill was issued.
                sqlite.prepare('UPDATE children SET meals = 1 - meals WHERE id = ?').run(bill.child_id);
                // Refused when nothing would change (e.g. a semester bill with no meal line): nothing is booked.
                if (await finance('bills.replace', { billId: bill.id, reason: 'other', note: '测试更正', idempotencyKey: key() }).catch(() => null)) done.replaced++;
              }
            }
          }

          const all = billRows();
          for (const household of households) {
            const sum = (sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) AS s FROM ledger_entries WHERE household_id = ?').get(household) as { s: number }).s;
            const expected =
              all.filter((b) => b.household_id === household && !b.voided && !b.replaced).reduce((s, b) => s + b.net_fen, 0) -
              payments.filter((p) => p.household === household && !p.voided).reduce((s, p) => s + p.amountFen, 0);
            expect(householdBalanceFen(db, household)).toBe(sum);
            expect(sum).toBe(expected);
            const account = await desk('payments.household', { householdId: household });
            expect(account.balance).toBe(formatFen(expected));
            for (const b of account.bills) expect(b.outstanding, b.number).toBe(formatFen(expectedOutstanding(all.find((x) => x.id === b.id)!, all)));
          }
          const arrears = await desk('ledger.arrears', {});
          for (const household of households) {
            const owed = arrears.rows.filter((r) => r.householdId === household).reduce((s, r) => s + parseFen(r.outstanding), 0);
            expect(owed).toBeLessThanOrEqual(Math.max(0, householdBalanceFen(db, household)));
          }
          const receipts = (sqlite.prepare('SELECT receipt_no AS n FROM payments ORDER BY id').all() as { n: string }[]).map((r) => r.n);
          expect(receipts).toEqual(payments.map((_, i) => `SK2026-${String(i + 1).padStart(5, '0')}`));
          expect((await finance('ledger.check', {})).problems).toEqual([]);
        } finally {
          env.backend.close();
        }
      }),
      { seed: 20261201, numRuns: 20 },
    );
    for (const [op, n] of Object.entries(done)) expect(n, op).toBeGreaterThan(0);
  }, 180_000);
});
