import ExcelJS from 'exceljs';
import { Decimal } from '../../../core/money';
import { type Cell, type ReportDoc, zhOf } from '../../../core/reports/document';

/**
 * A report as one worksheet: title, period, each table with its header and
 * total, then the check lines and notes, in Chinese (the document goes to
 * finance and the authorities). Money cells are numbers with two decimals so
 * that Excel can add them; they are written from the exact decimal string.
 */
export async function reportWorkbook(doc: ReportDoc): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '园务通 KinderDesk';
  const ws = workbook.addWorksheet(doc.title[0].slice(0, 31));
  const widest = Math.max(2, ...doc.tables.map((t) => t.columns.length));
  ws.columns = Array.from({ length: widest }, (_, i) => ({ width: i === 0 ? 22 : 14 }));
  const title = ws.addRow([doc.title[0]]);
  title.font = { bold: true, size: 14 };
  ws.addRow([`${doc.kindergartenName}　${doc.periodLabel[0]}　截至 ${doc.asOf}　制表日期 ${doc.generatedOn}`]);
  if (doc.empty) ws.addRow([doc.empty.hint[0]]);
  for (const table of doc.tables) {
    ws.addRow([]);
    ws.addRow([table.title[0]]).font = { bold: true };
    const header = ws.addRow(table.columns.map((c) => c.label[0]));
    header.font = { bold: true };
    const write = (row: Record<string, Cell>, bold: boolean) => {
      const added = ws.addRow(table.columns.map((c) => excelValue(row[c.key] ?? null, c.kind)));
      table.columns.forEach((c, i) => {
        if (c.kind === 'money') added.getCell(i + 1).numFmt = '#,##0.00';
      });
      if (bold) added.font = { bold: true };
    };
    if (table.rows.length === 0 && table.emptyText) ws.addRow([table.emptyText[0]]);
    for (const row of table.rows) write(row, false);
    if (table.total && table.rows.length > 0) write(table.total, true);
  }
  ws.addRow([]);
  for (const check of doc.checks) {
    ws.addRow([`核对：${check.label[0]}`]).font = { bold: true };
    for (const line of check.zh) ws.addRow([line]);
  }
  for (const note of doc.notes) ws.addRow([`说明：${note[0]}`]);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}

function excelValue(cell: Cell, kind: string): string | number | null {
  const value = zhOf(cell);
  // "1234.50" -> 1234.5, through decimal.js, never parseFloat.
  if (kind === 'money' && typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value)) return new Decimal(value).toNumber();
  return value;
}
