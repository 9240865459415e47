import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../../core/reports/document';
import { ledgerCheckLine } from '../../../db/reports/ledger';
import { copyBackend } from '../../backend';
import { cleanKindergarten } from './clean';
import { books, type Method } from './fixtures';

// One kindergarten with standards and three children (B pays by semester), copied for every run.
let template = '';
beforeAll(async () => {
  const app = await cleanKindergarten();
  app.sqlite.exec(`INSERT INTO fee_standards (item, label, amount_fen, unit, applies_from, level) VALUES
    ('education', '保教费', 42000, 'month', '2026-09-01', NULL), ('education', '保教费（托班）', 50000, 'month', '2026-09-01', 'toddler'),
    ('meal', '伙食费', 1500, 'day', '2026-09-01', NULL);
    UPDATE children SET billing_mode = 'semester' WHERE name = '李小红';`);
  // A consistent copy made by SQLite itself: closing the kindergarten removes its folder.
  template = join(mkdtempSync(join(tmpdir(), 'kd-prop-template-')), 'template.sqlite');
  app.sqlite.prepare('VACUUM INTO ?').run(template);
  app.close();
});

const DAYS = Array.from({ length: 96 }, (_, i) => new Date(Date.UTC(2026, 7, 25 + i)).toISOString().slice(0, 10)).filter((d) => d <= '2026-11-23');
const METHODS: Method[] = ['cash', 'wechat', 'alipay', 'bank', 'pos'];
const day = fc.nat(DAYS.length - 1);
const op = fc.oneof(
  fc.record({ op: fc.constant('issue' as const), day, month: fc.constantFrom('2026-09', '2026-10', '2026-11') }),
  fc.record({ op: fc.constant('replace' as const), day, pick: fc.nat(), toggle: fc.constantFrom('meals' as const, 'reduction' as const) }),
  fc.record({ op: fc.constant('voidBill' as const), day, pick: fc.nat() }),
  fc.record({ op: fc.constant('pay' as const), day, child: fc.nat(2), fen: fc.integer({ min: 1, max: 250_000 }), method: fc.constantFrom(...METHODS), allocate: fc.boolean() }),
  fc.record({ op: fc.constant('voidPayment' as const), day, pick: fc.nat() }),
  fc.record({ op: fc.constant('settle' as const), day, month: fc.constantFrom('2026-09', '2026-10'), share: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ op: fc.constant('payout' as const), day, child: fc.nat(2), fen: fc.integer({ min: 1, max: 50_000 }) }),
);

describe('the check lines hold after any sequence of issue / replace / void / pay / refund / payout', () => {
  it('for every report, month and the year, and each month closes where the next opens', async () => {
    // The real billing handlers did their part in the runs (not every attempt is allowed: a refusal is a run too).
    const done = { issued: 0, replaced: 0, voided: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (unsorted) => {
        const ops = [...unsorted].sort((a, b) => a.day - b.day);
        let clock = new Date(`${DAYS[0]}T02:00:00Z`);
        const env = await copyBackend(template, { now: () => clock });
        const { backend } = env;
        try {
          env.session = await env.signIn('admin', 'kinder2026');
          const { call } = env;
          const b = books(backend);
          const kids = b.sqlite.prepare('SELECT id, household_id AS householdId FROM children ORDER BY id').all() as { id: number; householdId: number }[];
          const liveBills = () =>
            b.sqlite
              .prepare(
                `SELECT b.id, b.household_id AS householdId, b.child_id AS childId, b.period_first AS first, b.period_last AS last, b.total_due_fen AS due, b.issued_at AS at
                 FROM bills b WHERE NOT EXISTS (SELECT 1 FROM bill_voids v WHERE v.bill_id = b.id) AND NOT EXISTS (SELECT 1 FROM bills r WHERE r.replaces_bill_id = b.id) ORDER BY b.id`,
              )
              .all() as { id: number; householdId: number; childId: number; first: string; last: string; due: number }[];
          const paid: { id: number; day: string }[] = [];
          const settled = new Set<string>();
          let key = 0;
          for (const o of ops) {
            const today = DAYS[o.day]!;
            clock = new Date(`${today}T02:00:00Z`);
            if (o.op === 'issue') {
              if ((await call('bills.issue', { month: o.month, dueOn: today > `${o.month}-10` ? today : `${o.month}-10`, idempotencyKey: `prop-${key++}-issue` })).ok) done.issued++;
            } else if (o.op === 'replace' || o.op === 'voidBill') {
              const live = liveBills();
              const bill = live[o.pick % Math.max(1, live.length)];
              if (!bill) continue;
              if (o.op === 'voidBill') {
                if ((await call('bills.void', { billId: bill.id, reason: '开具错误', idempotencyKey: `prop-${key++}-void` })).ok) done.voided++;
                continue;
              }
              b.sqlite
                .prepare(
                  o.toggle === 'meals'
                    ? 'UPDATE children SET meals = 1 - meals WHERE id = ?'
                    : "UPDATE children SET reduction_category = CASE WHEN reduction_category IS NULL THEN 'dibao' ELSE NULL END, reduction_note = '低保证' WHERE id = ?",
                )
                .run(bill.childId);
              if ((await call('bills.replace', { billId: bill.id, reason: 'other', note: '资料更正', idempotencyKey: `prop-${key++}-replace` })).ok) done.replaced++;
            } else if (o.op === 'pay') {
              const kid = kids[o.child % kids.length]!;
              const bill = o.allocate ? liveBills().find((x) => x.householdId === kid.householdId && x.due > 0) : undefined;
              const allocations = bill ? [{ billId: bill.id, amountFen: Math.min(o.fen, bill.due) }] : [];
              paid.push({ id: b.pay({ householdId: kid.householdId, amountFen: o.fen, method: o.method, paidOn: today, allocations }), day: today });
            } else if (o.op === 'voidPayment' && paid.length > 0) {
              const [p] = paid.splice(o.pick % paid.length, 1);
              b.voidPayment(p!.id, today);
            } else if (o.op === 'settle' && !settled.has(o.month) && today > `${o.month}-31`) {
              settled.add(o.month);
              const refunds = liveBills()
                .filter((x) => x.first <= o.month && x.last >= o.month && x.due > 0)
                .map((x) => ({ childId: x.childId, billId: x.id, item: 'education', baseFen: x.due, refundFen: Math.floor((x.due * o.share) / 500) }))
                .filter((r) => r.refundFen > 0);
              b.settle({ month: o.month, bookedOn: today, refunds });
            } else if (o.op === 'payout') {
              b.payout({ householdId: kids[o.child % kids.length]!.householdId, amountFen: o.fen, paidOn: today });
            }
          }
          clock = new Date('2026-11-23T02:00:00Z');
          for (const period of ['2026-08', '2026-09', '2026-10', '2026-11', '2026']) {
            for (const kind of ['income', 'cashbook', 'reductions', 'annual', 'prepaid', 'arrears'] as const) {
              if (kind === 'annual' ? period !== '2026' : (kind === 'prepaid' || kind === 'arrears') && period === '2026') continue;
              const result = await call('reports.get', { kind, period });
              if (!result.ok) throw new Error(`${kind} ${period}: ${result.error.message}`);
              for (const check of (result.value as ReportDoc).checks) expect(check.holds, `${kind} ${period}: ${check.zh.join(' / ')}`).toBe(true);
            }
          }
          const months = ['2026-08', '2026-09', '2026-10', '2026-11'].map((m) => ledgerCheckLine(b.db, `${m}-01`, `${m}-31`).line);
          for (let i = 1; i < months.length; i++) expect(months[i]!.opening).toBe(months[i - 1]!.closing);
          const total = (b.sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) AS s FROM ledger_entries').get() as { s: number }).s;
          expect(ledgerCheckLine(b.db, '2000-01-01', '2099-12-31').closing.totalFen).toBe(total);
        } finally {
          env.close();
        }
      }),
      { numRuns: 25 },
    );
    expect(done.issued).toBeGreaterThan(0);
    expect(done.replaced).toBeGreaterThan(0);
    expect(done.voided).toBeGreaterThan(0);
  });
});
