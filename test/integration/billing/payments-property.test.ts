import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestFirst } from '../../../core/billing/allocate';
import { formatFen, parseFen } from '../../../core/money';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { caller, demoHouseholds, EDUCATION, issueTestBill, key, MEALS, moneyBackend } from './fixtures';

type Op =
  | { kind: 'issue'; child: number; month: number; educationFen: number; mealFen: number }
  | { kind: 'pay'; household: number; amountFen: number; allocate: boolean }
  | { kind: 'void'; payment: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), child: fc.nat(2), month: fc.integer({ min: 9, max: 12 }), educationFen: fc.integer({ min: 0, max: 80_000 }), mealFen: fc.integer({ min: 1, max: 40_000 }) }),
  fc.record({ kind: fc.constant('pay' as const), household: fc.nat(1), amountFen: fc.integer({ min: 1, max: 150_000 }), allocate: fc.boolean() }),
  fc.record({ kind: fc.constant('void' as const), payment: fc.nat(20) }),
);

describe('the family ledger under any sequence of issue / pay / void', () => {
  it('keeps each balance equal to the sum of its entries and to what the documents say, with sound caches and numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const env = await moneyBackend();
        try {
          const call = caller(env.backend, env.sessions.finance);
          const { siblings, single } = demoHouseholds(env.backend);
          const households = [siblings.id, single.id];
          const kids = [
            { id: siblings.children[0]!, household: siblings.id },
            { id: siblings.children[1]!, household: siblings.id },
            { id: single.children[0]!, household: single.id },
          ];
          // The model, kept independently of the database.
          const bills: { id: number; household: number; netFen: number; dueOn: string; number: string; periodFirst: string }[] = [];
          const payments: { id: number; household: number; amountFen: number; allocations: { billId: number; amountFen: number }[]; voided: boolean }[] = [];
          const issued = new Set<string>();
          const outstanding = (billId: number) =>
            bills.find((b) => b.id === billId)!.netFen -
            payments.filter((p) => !p.voided).reduce((s, p) => s + p.allocations.filter((a) => a.billId === billId).reduce((t, a) => t + a.amountFen, 0), 0);

          for (const op of ops) {
            if (op.kind === 'issue') {
              const child = kids[op.child]!;
              const period = `2026-${String(op.month).padStart(2, '0')}`;
              if (issued.has(`${child.id}/${period}`)) continue;
              issued.add(`${child.id}/${period}`);
              const bill = issueTestBill(env.backend, { childId: child.id, period, dueOn: `${period}-10`, lines: [EDUCATION(op.educationFen), MEALS(op.mealFen)] });
              bills.push({ id: bill.id, household: child.household, netFen: op.educationFen + op.mealFen, dueOn: bill.dueOn, number: bill.number, periodFirst: period });
            } else if (op.kind === 'pay') {
              const household = households[op.household]!;
              const open = bills.filter((b) => b.household === household).map((b) => ({ billId: b.id, number: b.number, dueOn: b.dueOn, periodFirst: b.periodFirst, outstandingFen: outstanding(b.id) }));
              const allocations = op.allocate ? allocateOldestFirst(op.amountFen, open.filter((b) => b.outstandingFen > 0)).allocations : [];
              const result = await call('payments.record', {
                idempotencyKey: key(),
                householdId: household,
                amount: formatFen(op.amountFen),
                method: 'cash',
                paidOn: '2026-12-01',
                allocations: allocations.map((a) => ({ billId: a.billId, amount: formatFen(a.amountFen) })),
              });
              payments.push({ id: result.paymentId, household, amountFen: op.amountFen, allocations, voided: false });
            } else {
              const payment = payments.filter((p) => !p.voided)[op.payment];
              if (!payment) continue;
              await call('payments.void', { idempotencyKey: key(), paymentId: payment.id, reason: '测试作废' });
              payment.voided = true;
            }
          }

          const { db, sqlite } = env.backend.database();
          for (const household of households) {
            const sum = (sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) AS s FROM ledger_entries WHERE household_id = ?').get(household) as { s: number }).s;
            const expected =
              bills.filter((b) => b.household === household).reduce((s, b) => s + b.netFen, 0) -
              payments.filter((p) => p.household === household && !p.voided).reduce((s, p) => s + p.amountFen, 0);
            expect(householdBalanceFen(db, household)).toBe(sum);
            expect(sum).toBe(expected);
            const account = await call('payments.household', { householdId: household });
            expect(account.balance).toBe(formatFen(expected));
            for (const b of account.bills) expect(b.outstanding, b.number).toBe(formatFen(Math.max(0, outstanding(b.id))));
          }
          const arrears = await call('ledger.arrears', {});
          for (const household of households) {
            const owed = arrears.rows.filter((r) => r.householdId === household).reduce((s, r) => s + parseFen(r.outstanding), 0);
            expect(owed).toBeLessThanOrEqual(Math.max(0, householdBalanceFen(db, household)));
          }
          const receipts = (sqlite.prepare('SELECT receipt_no AS n FROM payments ORDER BY id').all() as { n: string }[]).map((r) => r.n);
          expect(receipts).toEqual(payments.map((_, i) => `SK2026-${String(i + 1).padStart(5, '0')}`));
          expect((await call('ledger.check', {})).problems).toEqual([]);
        } finally {
          env.backend.close();
        }
      }),
      { seed: 20261201, numRuns: 25 },
    );
  }, 120_000);
});
