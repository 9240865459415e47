// The settlement's figures are the refund engine's, child by child: each
// child's case is built here from the raw rows (bill lines, roll calls,
// closures) without the settlement code, and run through `kd refund` (a
// sample, spawned) and computeRefund (everyone). Meals a semester bill
// charged by the day are October's days x the daily rate (billing-model:
// refunded per day not present); the semester's education fee is divided by
// the engine.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledLegalCalendar, monthsBetween } from '../../../core/calendar';
import { computeRefund, type RefundCase } from '../../../core/refund';
import { billedDemo, runKd } from './helpers';

let demo: Awaited<ReturnType<typeof billedDemo>>;
beforeAll(async () => {
  demo = await billedDemo();
}, 120_000);
afterAll(() => demo?.backend.close());

const MONTH = '2026-10';
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

interface RawLine {
  item: string;
  kind: string;
  first: string;
  last: string;
  quantity: number;
  amount: number;
  unit: number;
  std: string | null;
}

const calendar = bundledLegalCalendar();

/** A per-day line over several months whose days are the calendar's: October's part of it. */
function october(l: RawLine): RawLine {
  if (l.std !== 'day' || l.first === l.last) return l;
  const days = monthsBetween(l.first, l.last).reduce((s, m) => s + calendar.legalWorkingDays(m), 0);
  if (days !== l.quantity) return l;
  const w = calendar.legalWorkingDays(MONTH);
  return { ...l, first: MONTH, last: MONTH, quantity: w, amount: w * l.unit };
}

/** The cases for one child, from the bill lines and roll calls alone. */
function casesOf(childId: number): RefundCase[] {
  const { sqlite } = demo;
  const lines = sqlite
    .prepare(
      `SELECT bl.item, bl.kind, bl.period_first AS first, bl.period_last AS last, bl.quantity, bl.amount_fen AS amount, bl.unit_price_fen AS unit, fs.unit AS std
       FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id LEFT JOIN fee_standards fs ON fs.id = bl.standard_id
       WHERE b.child_id = ? AND bl.period_first <= ? AND bl.period_last >= ? AND bl.item IN ('education', 'meal', 'accommodation', 'custody')
       ORDER BY bl.id`,
    )
    .all(childId, MONTH, MONTH)
    .map((l) => october(l as RawLine));
  const present = sqlite.prepare(`SELECT count(*) FROM attendance WHERE child_id = ? AND date LIKE '2026-10-%' AND status = 'present'`).pluck().get(childId) as number;
  const child = sqlite.prepare('SELECT status, status_since AS since FROM children WHERE id = ?').get(childId) as { status: string; since: string };
  const reason = child.status === 'withdrawn' && child.since > '2026-10-01' && child.since <= '2026-11-01' ? 'withdrawal' : 'leave';
  const periods = [...new Set(lines.map((l) => `${l.first}..${l.last}`))];
  return periods.map((period) => {
    const [first, last] = period.split('..') as [string, string];
    const items = ['education', 'meal', 'accommodation', 'custody'].filter((item) => lines.some((l) => l.item === item && `${l.first}..${l.last}` === period));
    return {
      policy: 'nantong-2018',
      month: MONTH,
      billing: first === last ? 'monthly' : 'semester',
      semester: first === last ? null : { first, last },
      fees: items.map((item) => {
        const mine = lines.filter((l) => l.item === item && `${l.first}..${l.last}` === period);
        const paid = mine.reduce((s, l) => s + (l.kind === 'charge' ? l.amount : -l.amount), 0);
        const daily = mine.find((l) => l.kind === 'charge' && l.std === 'day');
        return { item: item as RefundCase['fees'][number]['item'], paid: yuan(paid), dailyRate: daily ? yuan(daily.unit) : null };
      }),
      presentDays: present,
      closureDays: 0,
      reason,
    } satisfies RefundCase;
  });
}

describe('October 2026 on the demo: the settlement equals the refund engine, child by child', () => {
  it('for every child in process, and through `kd refund` for a sample', async () => {
    // No closure in October: closureDays is 0 for everyone.
    expect(demo.sqlite.prepare(`SELECT count(*) FROM closures WHERE first_date <= '2026-10-31' AND last_date >= '2026-10-01'`).pluck().get()).toBe(0);
    const view = await demo.ok('settlement.preview', { month: MONTH });
    expect(view.unsettled).toEqual([]);
    for (const child of view.children) {
      const lines = casesOf(child.childId).flatMap((c) => computeRefund(c, calendar).lines);
      const mine = child.lines.map((l) => [l.item, l.refund, l.clause, l.explanation]);
      expect(mine, child.name).toEqual(
        ['education', 'meal', 'accommodation', 'custody'].flatMap((item) => lines.filter((l) => l.item === item).map((l) => [l.item, l.refund, l.clause, l.explanation])),
      );
    }

    // The sample: a long illness, the child who left, semester payers and custody, with refunds.
    const withRefund = view.children.filter((c) => c.total !== '0.00');
    const sample = [
      withRefund.find((c) => c.presentDays <= 4),
      withRefund.find((c) => c.reason === 'withdrawal'),
      withRefund.find((c) => c.billing === 'semester' && c.reason === 'leave'),
      withRefund.find((c) => c.lines.some((l) => l.item === 'custody' && l.refund !== '0.00')),
      withRefund.find((c) => c.billing === 'monthly' && c.presentDays > 4),
    ].filter((c): c is (typeof view.children)[number] => c !== undefined);
    expect(sample.length).toBe(5);
    const dir = join(demo.path, '..');
    for (const child of sample) {
      const cases = casesOf(child.childId);
      const outputs = await Promise.all(
        cases.map(async (c, i) => {
          const file = join(dir, `case-${child.childId}-${i}.json`);
          writeFileSync(file, JSON.stringify(c));
          const run = await runKd(['refund', file]);
          expect(run.status, run.stderr).toBe(0);
          return JSON.parse(run.stdout) as { legalWorkingDays: number; lines: { item: string; refund: string; clause: string; explanation: string }[] };
        }),
      );
      const cli = outputs.flatMap((o) => o.lines);
      for (const line of child.lines) {
        expect(cli.find((l) => l.item === line.item), `${child.name} ${line.item}`).toEqual({ item: line.item, refund: line.refund, clause: line.clause, explanation: line.explanation });
      }
      expect(outputs[0]!.legalWorkingDays).toBe(view.legalWorkingDays);
    }
  }, 180_000);
});
