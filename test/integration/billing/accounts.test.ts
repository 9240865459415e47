import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { documentNumber } from '../../../core/billing/payments';
import { formatFen, parseFen } from '../../../core/money';
import { nextNumber } from '../../../db/billing/ledger';
import { bills } from '../../../db/schema';
import type { Backend } from '../../../electron/backend';
import { caller, demoHouseholds, key, moneyBackend } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

/** The API's signed amounts ("-900.00") as fen. */
const fen = (amount: string) => (amount.startsWith('-') ? -parseFen(amount.slice(1)) : parseFen(amount));

/** The demo's two-child household as billed, with the older child's September paid on 8 September. */
async function household() {
  const env = await moneyBackend();
  backend = env.backend;
  const call = caller(env.backend, env.sessions.desk);
  const { siblings } = demoHouseholds(env.backend);
  const account = await call('payments.household', { householdId: siblings.id });
  const [older, younger] = siblings.children as [number, number];
  const sept = account.openBills.find((b) => b.childId === older && b.periodFirst === '2026-09')!;
  const paid = await call('payments.record', { idempotencyKey: key(), householdId: siblings.id, amount: sept.outstanding, method: 'cash', paidOn: '2026-09-08', allocations: [{ billId: sept.id, amount: sept.outstanding }] });
  return { ...env, call, householdId: siblings.id, older, younger, sept, paid };
}

describe('the family ledger (家庭账户)', () => {
  it('lists every entry in business-date order with the running balance, who did it and when', async () => {
    const { call, householdId, sept, paid } = await household();
    const s = await call('ledger.account', { householdId });
    expect(s.entries.map((e) => e.entryDate)).toEqual([...s.entries.map((e) => e.entryDate)].sort());
    let running = 0;
    for (const e of s.entries) {
      running += fen(e.amount);
      expect(e.balance, `entry ${e.id}`).toBe(formatFen(running));
    }
    expect(new Set(s.entries.map((e) => e.kind))).toEqual(new Set(['charge', 'payment']));
    const payment = s.entries.find((e) => e.kind === 'payment')!;
    expect(payment).toMatchObject({ entryDate: '2026-09-08', amount: formatFen(-fen(sept.outstanding)), receiptNo: paid.receiptNo, createdByName: '吴老师（前台）' });
    // The bill run's entries name the finance clerk who issued them.
    expect(s.entries.find((e) => e.kind === 'charge')!.createdByName).not.toBe('');
    expect(s).toMatchObject({ opening: '0.00', closing: paid.balance });
  });

  it('filters by period (opening balance = everything before) and by child', async () => {
    const { call, householdId, younger } = await household();
    const all = await call('ledger.account', { householdId });
    const october = await call('ledger.account', { householdId, from: '2026-10-01', to: '2026-10-31' });
    const before = all.entries.filter((e) => e.entryDate < '2026-10-01').reduce((s, e) => s + fen(e.amount), 0);
    expect(october.opening).toBe(formatFen(before));
    expect(october.entries.length).toBeGreaterThan(0);
    expect(october.entries.every((e) => e.entryDate >= '2026-10-01' && e.entryDate <= '2026-10-31')).toBe(true);
    expect(fen(october.opening) + fen(october.debits) - fen(october.credits)).toBe(fen(october.closing));
    const one = await call('ledger.account', { householdId, childId: younger });
    expect(one.entries.length).toBe(all.entries.filter((e) => e.childId === younger).length);
    expect(one.entries.every((e) => e.childId === younger)).toBe(true);
  });

  it('exports the statement to .xlsx with money as numbers shown to the fen', async () => {
    const { call, householdId } = await household();
    const s = await call('ledger.account', { householdId, from: '2026-10-01', to: '2026-10-31' });
    const file = await call('ledger.exportAccount', { householdId, from: '2026-10-01', to: '2026-10-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('家庭账户')!;
    expect(ws.getRow(1).values).toContain('金额（元）');
    expect(ws.getRow(2).getCell(2).value).toBe('期初余额');
    expect(ws.rowCount).toBe(s.entries.length + 3);
    const first = ws.getRow(3);
    expect(first.getCell(1).value).toBe(s.entries[0]!.entryDate);
    expect(formatFen(Math.round((first.getCell(5).value as number) * 100))).toBe(s.entries[0]!.amount);
    expect(first.getCell(5).numFmt).toBe('0.00');
    expect(formatFen(Math.round((ws.getRow(ws.rowCount).getCell(6).value as number) * 100))).toBe(s.closing);
    expect(file.fileName).toMatch(/^家庭账户-.+-2026-12-01\.xlsx$/);
  });
});

describe('arrears (欠费)', () => {
  it('ages every overdue bill 0-30 / 31-60 / over 60 days, with the guardian to call masked, by class', async () => {
    const env = await moneyBackend();
    backend = env.backend;
    const call = caller(env.backend, env.sessions.desk);
    const list = await call('ledger.arrears', {});
    const { sqlite } = env.backend.database();
    // Nothing is paid in this copy of the demo: every live bill is overdue on 1 December.
    const live = sqlite.prepare("SELECT period_first AS p, count(*) AS n FROM bills WHERE total_due_fen > 0 AND id NOT IN (SELECT bill_id FROM bill_voids) GROUP BY period_first").all() as { p: string; n: number }[];
    const count = (p: string) => live.find((r) => r.p === p)?.n ?? 0;
    expect(list.buckets.map((b) => [b.bucket, b.count])).toEqual([
      ['d0_30', count('2026-11')],
      ['d31_60', count('2026-10')],
      ['over_60', count('2026-09')],
    ]);
    const september = list.rows.find((r) => r.period === '2026年9月')!;
    expect(september).toMatchObject({ daysOverdue: 82, bucket: 'over_60', dueOn: '2026-09-10' });
    expect(september.guardian?.mobileMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const classId = september.classId;
    const byClass = await call('ledger.arrears', { classId });
    expect(byClass.rows.length).toBeGreaterThan(0);
    expect(byClass.rows.every((r) => r.classId === classId)).toBe(true);
    expect(byClass.classes).toEqual([expect.objectContaining({ classId, count: byClass.rows.length })]);
  });

  it('drops what is paid, and never shows a household owing more than its account: credit goes against the oldest bill', async () => {
    const env = await household();
    const mine = async () => (await env.call('ledger.arrears', {})).rows.filter((r) => r.householdId === env.householdId);
    const before = await mine();
    expect(before.some((r) => r.billId === env.sept.id)).toBe(false);
    // 100.00 paid without choosing a bill stays as credit on the account; arrears take it off the oldest bill.
    await env.call('payments.record', { idempotencyKey: key(), householdId: env.householdId, amount: '100', method: 'cash', paidOn: '2026-11-30' });
    const after = await mine();
    expect(after[0]).toMatchObject({ billId: before[0]!.billId, outstanding: formatFen(fen(before[0]!.outstanding) - 10000) });
    const owed = after.reduce((s, r) => s + fen(r.outstanding), 0);
    expect(formatFen(owed)).toBe((await env.call('payments.household', { householdId: env.householdId })).balance);
  });

  it('exports to .xlsx', async () => {
    const env = await household();
    const list = await env.call('ledger.arrears', {});
    const file = await env.call('ledger.exportArrears', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('欠费明细')!;
    expect(ws.rowCount).toBe(list.rows.length + 1);
    expect(ws.getRow(2).getCell(3).value).toBe(list.rows[0]!.number);
    expect(ws.getRow(2).getCell(12).value).toMatch(/\*{4}/);
    const total = wb.getWorksheet('按账龄汇总')!.getRow(5);
    expect(total.getCell(1).value).toBe('合计');
    expect(formatFen(Math.round((total.getCell(3).value as number) * 100))).toBe(list.total.outstanding);
  });
});

describe('the account-integrity check', () => {
  it('passes on what the bill run and the desk wrote, and names a bill whose cached total disagrees with its lines', async () => {
    const env = await household();
    const check = caller(env.backend, env.sessions.finance);
    expect((await check('ledger.check', {})).problems).toEqual([]);
    // A bill row written behind the app's back: the total says 999.00, it has no lines and no entries.
    const { db, sqlite } = env.backend.database();
    const number = sqlite.transaction(() => {
      const n = documentNumber('JF', '2026', nextNumber(db, 'bill:2026'));
      db.insert(bills)
        .values({ number: n, childId: env.older, householdId: env.householdId, billing: 'monthly', periodFirst: '2026-12', periodLast: '2026-12', dueOn: '2026-12-10', chargesFen: 99900, reductionsFen: 0, totalDueFen: 99900, issuedAt: '2026-12-01T00:00:00Z' })
        .run();
      // And a counter moved on with no document: a gap.
      nextNumber(db, 'receipt:2026');
      return n;
    })();
    const problems = (await check('ledger.check', {})).problems;
    expect(problems.map((p) => [p.code, p.ref])).toEqual([
      ['bill_cache', number],
      ['sequence_gap', 'receipt:2026'],
    ]);
  });
});
