import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanKindergarten } from './clean';
import { books } from './fixtures';
import { knownDataset } from './known-dataset';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function readBack(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { ws, rows, texts: rows.map((r) => r.filter((c) => c !== null && c !== undefined).join(' ')) };
}

describe('reports exported to .xlsx', () => {
  it('has the same figures as the screen, money as numbers Excel can add, and the check line', async () => {
    const app = await cleanKindergarten();
    close = app.close;
    knownDataset(books(app.backend));
    const doc = await app.ok('reports.get', { kind: 'cashbook', period: '2026-11' });
    const file = await app.ok('reports.export', { kind: 'cashbook', period: '2026-11' });
    expect(file.fileName).toBe('收款日记账-2026-11.xlsx');
    const { rows, texts } = await readBack(file.base64);
    expect(rows[0]![0]).toBe('收款日记账');
    expect(texts[1]).toBe('南通市崇川区实验幼儿园　2026年11月　截至 2026-11-23　制表日期 2026-11-23');
    const cash = rows.find((r) => r[0] === '现金')!;
    expect(cash.slice(1, 4)).toEqual([735, 200, 535]);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total.slice(1, 4)).toEqual([635, 200, 435]);
    expect(texts).toContain(doc.checks[0]!.zh[0]);
    expect(texts).toContain(doc.checks[0]!.zh[1]);
    expect(texts.some((t) => t.startsWith('核对：账户核对'))).toBe(true);
    const audit = app.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'reports.export'").get() as { summary: string };
    expect(audit.summary).toBe('导出收款日记账（2026年11月）');
  });

  it('writes the empty state’s advice into the file when nothing is booked yet', async () => {
    const app = await cleanKindergarten();
    close = app.close;
    const { texts } = await readBack((await app.ok('reports.export', { kind: 'income', period: '2026-10' })).base64);
    expect(texts).toContain('本月尚未开具缴费通知单，请先到 收费 → 缴费通知单 开具。');
  });
});
