import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { documentNumber } from '../../../core/billing/payments';
import { nextNumber } from '../../../db/billing/ledger';
import { bills } from '../../../db/schema';
import type { Backend } from '../../../electron/backend';
import { caller, demoHouseholds, EDUCATION, issueTestBill, key, MEALS, moneyBackend } from './fixtures';

let backend: Backend | undefined;
afterEach(() => backend?.close());

async function household() {
  const env = await moneyBackend();
  backend = env.backend;
  const call = caller(env.backend, env.sessions.desk);
  const { siblings } = demoHouseholds(env.backend);
  const [older, younger] = siblings.children as [number, number];
  const sep = issueTestBill(env.backend, { childId: older, period: '2026-09', dueOn: '2026-09-10', lines: [EDUCATION(), MEALS()] });
  const oct = issueTestBill(env.backend, { childId: older, period: '2026-10', dueOn: '2026-10-10', lines: [EDUCATION(), MEALS(), { kind: 'reduction', item: 'education', label: '保教费减免（低保 50%）', amountFen: 21000 }] });
  const octYounger = issueTestBill(env.backend, { childId: younger, period: '2026-10', dueOn: '2026-10-10', lines: [EDUCATION()] });
  await call('payments.record', { idempotencyKey: key(), householdId: siblings.id, amount: '690', method: 'cash', paidOn: '2026-09-08', allocations: [{ billId: sep.id, amount: '690' }] });
  return { ...env, call, householdId: siblings.id, older, younger, sep, oct, octYounger };
}

describe('the family ledger (家庭账户)', () => {
  it('lists every entry in business-date order with the running balance, who did it and when', async () => {
    const { call, householdId } = await household();
    const s = await call('ledger.account', { householdId });
    expect(s.entries.map((e) => [e.entryDate, e.kind, e.amount, e.balance])).toEqual([
      ['2026-09-01', 'charge', '420.00', '420.00'],
      ['2026-09-01', 'charge', '270.00', '690.00'],
      ['2026-09-08', 'payment', '-690.00', '0.00'],
      ['2026-10-01', 'charge', '420.00', '420.00'],
      ['2026-10-01', 'charge', '270.00', '690.00'],
      ['2026-10-01', 'reduction', '-210.00', '480.00'],
      ['2026-10-01', 'charge', '420.00', '900.00'],
    ]);
    expect(s.entries[2]).toMatchObject({ receiptNo: 'SK2026-00001', createdByName: '吴老师（前台）' });
    expect(s).toMatchObject({ opening: '0.00', closing: '900.00' });
  });

  it('filters by period (opening balance = everything before) and by child', async () => {
    const { call, householdId, younger } = await household();
    const october = await call('ledger.account', { householdId, from: '2026-10-01', to: '2026-10-31' });
    expect(october).toMatchObject({ opening: '0.00', closing: '900.00', debits: '1110.00', credits: '210.00' });
    const sept = await call('ledger.account', { householdId, from: '2026-09-05', to: '2026-09-30' });
    expect(sept).toMatchObject({ opening: '690.00', closing: '0.00' });
    const one = await call('ledger.account', { householdId, childId: younger });
    expect(one.entries.map((e) => e.amount)).toEqual(['420.00']);
  });

  it('exports the statement to .xlsx with money as numbers shown to the fen', async () => {
    const { call, householdId } = await household();
    const file = await call('ledger.exportAccount', { householdId, from: '2026-10-01', to: '2026-10-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('家庭账户')!;
    expect(ws.getRow(1).values).toContain('金额（元）');
    expect(ws.getRow(2).getCell(2).value).toBe('期初余额');
    const reduction = ws.getRow(5);
    expect(reduction.getCell(2).value).toBe('减免');
    expect(reduction.getCell(5).value).toBe(-210);
    expect(reduction.getCell(5).numFmt).toBe('0.00');
    expect(ws.getRow(ws.rowCount).getCell(6).value).toBe(900);
    expect(file.fileName).toMatch(/^家庭账户-.+-2026-12-01\.xlsx$/);
  });
});

describe('arrears (欠费)', () => {
  it('lists overdue bills with days and bucket, the guardian to call masked, by class', async () => {
    const env = await household();
    const list = await env.call('ledger.arrears', {});
    const mine = list.rows.filter((r) => r.householdId === env.householdId);
    expect(mine.map((r) => [r.number, r.outstanding, r.daysOverdue, r.bucket])).toEqual(
      expect.arrayContaining([
        [env.oct.number, '480.00', 52, 'd31_60'],
        [env.octYounger.number, '420.00', 52, 'd31_60'],
      ]),
    );
    expect(mine).toHaveLength(2);
    expect(mine[0]!.guardian?.mobileMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(list.total).toMatchObject({ count: 2, households: 1, outstanding: '900.00' });
    expect(list.buckets.find((b) => b.bucket === 'd31_60')).toMatchObject({ count: 2, outstanding: '900.00' });
    const byClass = await env.call('ledger.arrears', { classId: mine[0]!.classId });
    expect(byClass.rows.every((r) => r.classId === mine[0]!.classId)).toBe(true);
  });

  it('never shows a household owing more than its account: money paid ahead is set against the oldest bill', async () => {
    const env = await household();
    // 500 paid without choosing a bill: it stays as credit on the account.
    await env.call('payments.record', { idempotencyKey: key(), householdId: env.householdId, amount: '500', method: 'cash', paidOn: '2026-11-30' });
    const list = await env.call('ledger.arrears', {});
    const owed = list.rows.filter((r) => r.householdId === env.householdId).map((r) => r.outstanding);
    expect(owed).toEqual(['400.00']);
    expect((await env.call('payments.household', { householdId: env.householdId })).balance).toBe('400.00');
  });

  it('exports to .xlsx', async () => {
    const env = await household();
    const file = await env.call('ledger.exportArrears', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('欠费明细')!;
    // The household's two overdue bills, 52 days each (their order between them is not part of the contract).
    const rows = [ws.getRow(2), ws.getRow(3)];
    expect(rows.map((r) => r.getCell(10).value).sort()).toEqual([420, 480]);
    for (const row of rows) expect(row.getCell(12).value).toMatch(/\*{4}/);
    expect(wb.getWorksheet('按账龄汇总')!.getRow(5).values).toEqual([undefined, '合计', 2, 900]);
  });
});

describe('the account-integrity check', () => {
  it('passes on what the app wrote and names a bill whose cached total disagrees with its lines', async () => {
    const env = await household();
    const check = caller(env.backend, env.sessions.finance);
    expect((await check('ledger.check', {})).problems).toEqual([]);
    // A bill row written behind the app's back: the total says 999.00, it has no lines and no entries.
    const { db, sqlite } = env.backend.database();
    const number = sqlite.transaction(() => {
      const n = documentNumber('JF', '2026', nextNumber(db, 'bill:2026'));
      db.insert(bills)
        .values({ number: n, childId: env.older, householdId: env.householdId, billing: 'monthly', periodFirst: '2026-11', periodLast: '2026-11', dueOn: '2026-11-10', chargesFen: 99900, reductionsFen: 0, totalDueFen: 99900, issuedAt: '2026-11-01T00:00:00Z' })
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
