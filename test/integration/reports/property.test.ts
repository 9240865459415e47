import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCheckLine } from '../../../db/reports/ledger';
import { demoBackend } from '../attendance/helpers';
import { books, type Method } from './fixtures';

type App = Awaited<ReturnType<typeof demoBackend>>;
let app: App;
beforeAll(async () => {
  app = await demoBackend();
});
afterAll(() => app?.backend.close());

const DAYS = Array.from({ length: 96 }, (_, i) => new Date(Date.UTC(2026, 7, 20 + i)).toISOString().slice(0, 10)).filter((d) => d <= '2026-11-23');
const METHODS: Method[] = ['cash', 'wechat', 'alipay', 'bank', 'pos'];
const op = fc.oneof(
  fc.record({ op: fc.constant('issue' as const), child: fc.nat(5), month: fc.constantFrom('2026-09', '2026-10', '2026-11', 'semester'), day: fc.nat(DAYS.length - 1), fees: fc.array(fc.integer({ min: 1, max: 80_000 }), { minLength: 1, maxLength: 3 }), reduce: fc.boolean() }),
  fc.record({ op: fc.constant('pay' as const), child: fc.nat(5), fen: fc.integer({ min: 1, max: 150_000 }), method: fc.constantFrom(...METHODS), day: fc.nat(DAYS.length - 1), allocate: fc.boolean() }),
  fc.record({ op: fc.constant('voidPayment' as const), pick: fc.nat(), day: fc.nat(DAYS.length - 1) }),
  fc.record({ op: fc.constant('voidBill' as const), pick: fc.nat(), day: fc.nat(DAYS.length - 1) }),
  fc.record({ op: fc.constant('settle' as const), month: fc.constantFrom('2026-09', '2026-10'), share: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ op: fc.constant('payout' as const), child: fc.nat(5), fen: fc.integer({ min: 1, max: 50_000 }), day: fc.nat(DAYS.length - 1) }),
);

describe('the check lines hold after any sequence of issue / pay / void / refund / payout', () => {
  it('for every report, month and the year, and each month closes where the next opens', async () => {
    const kids = app.sqlite
      .prepare(`SELECT id FROM children WHERE status = 'enrolled' GROUP BY household_id ORDER BY class_id, id LIMIT 6`)
      .all() as { id: number }[];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const b = books(app.backend);
        app.sqlite.exec('BEGIN');
        try {
          const issued: { billId: number; householdId: number; childId: number; first: string; last: string; day: string; net: number }[] = [];
          const paid: { id: number; day: string }[] = [];
          const settled = new Set<string>();
          const voidedBills = new Set<number>();
          for (const o of ops) {
            if (o.op === 'issue') {
              const childId = kids[o.child % kids.length]!.id;
              const [first, last] = o.month === 'semester' ? ['2026-09', '2027-01'] : [o.month, o.month];
              if (issued.some((x) => x.childId === childId && x.first === first)) continue;
              const charge = o.fees.reduce((a, f) => a + f, 0);
              const lines = o.fees.map((f, i) => ({ kind: 'charge' as const, item: (['education', 'meal', 'custody'] as const)[i]!, amountFen: f }));
              const reduction = o.reduce ? Math.floor(o.fees[0]! / 2) : 0;
              if (reduction > 0) lines.push({ kind: 'reduction' as never, item: 'education', amountFen: reduction, category: 'dibao' } as never);
              const bill = b.issueBill({ childId, periodFirst: first, periodLast: last, issuedOn: DAYS[o.day]!, dueOn: `${first}-10`, lines });
              issued.push({ billId: bill.billId, householdId: bill.householdId, childId, first, last, day: DAYS[o.day]!, net: charge - reduction });
            } else if (o.op === 'pay') {
              const householdId = b.householdOf(kids[o.child % kids.length]!.id);
              const bill = o.allocate ? issued.find((x) => x.householdId === householdId && !voidedBills.has(x.billId)) : undefined;
              const allocations = bill ? [{ billId: bill.billId, amountFen: Math.min(o.fen, bill.net) }].filter((a) => a.amountFen > 0) : [];
              paid.push({ id: b.pay({ householdId, amountFen: o.fen, method: o.method, paidOn: DAYS[o.day]!, allocations }), day: DAYS[o.day]! });
            } else if (o.op === 'voidPayment' && paid.length > 0) {
              const [p] = paid.splice(o.pick % paid.length, 1);
              b.voidPayment(p!.id, DAYS[o.day]! > p!.day ? DAYS[o.day]! : p!.day);
            } else if (o.op === 'voidBill') {
              const live = issued.filter((x) => !voidedBills.has(x.billId));
              const bill = live[o.pick % Math.max(1, live.length)];
              if (!bill) continue;
              voidedBills.add(bill.billId);
              b.voidBill(bill.billId, DAYS[o.day]! > bill.day ? DAYS[o.day]! : bill.day);
            } else if (o.op === 'settle' && !settled.has(o.month)) {
              settled.add(o.month);
              const covering = issued.filter((x) => !voidedBills.has(x.billId) && x.first <= o.month && x.last >= o.month);
              const refunds = covering.map((x) => ({ childId: x.childId, billId: x.billId, item: 'education', baseFen: x.net, refundFen: Math.floor((x.net * o.share) / 500) })).filter((r) => r.refundFen > 0);
              b.settle({ month: o.month, bookedOn: o.month === '2026-09' ? '2026-10-08' : '2026-11-02', refunds });
            } else if (o.op === 'payout') {
              b.payout({ householdId: b.householdOf(kids[o.child % kids.length]!.id), amountFen: o.fen, paidOn: DAYS[o.day]! });
            }
          }
          const months = ['2026-08', '2026-09', '2026-10', '2026-11'];
          for (const period of [...months, '2026']) {
            for (const kind of ['income', 'cashbook', 'reductions', 'annual', 'prepaid', 'arrears'] as const) {
              if (kind === 'annual' ? period !== '2026' : (kind === 'prepaid' || kind === 'arrears') && period === '2026') continue;
              const doc = await app.ok('reports.get', { kind, period });
              for (const check of doc.checks) expect(check.holds, `${kind} ${period}: ${check.zh.join(' / ')}`).toBe(true);
            }
          }
          const lines = months.map((m) => ledgerCheckLine(b.db, `${m}-01`, `${m}-31`).line);
          for (let i = 1; i < lines.length; i++) expect(lines[i]!.opening).toBe(lines[i - 1]!.closing);
          const total = (app.sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) AS s FROM ledger_entries').get() as { s: number }).s;
          expect(lines.at(-1)!.closing).toBe(ledgerCheckLine(b.db, '2000-01-01', '2099-12-31').line.closing);
          expect(ledgerCheckLine(b.db, '2000-01-01', '2099-12-31').closing.totalFen).toBe(total);
        } finally {
          app.sqlite.exec('ROLLBACK');
        }
      }),
      { numRuns: 30 },
    );
  });
});
