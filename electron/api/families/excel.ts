import ExcelJS from 'exceljs';
import { invalid } from '../errors';

/**
 * Spreadsheet files in and out. A roster arrives as .xlsx or .csv (UTF-8 or
 * the GB18030 that Excel on Chinese Windows writes) and leaves as a table of
 * strings; dates become YYYY-MM-DD and numbers plain digits, so a phone
 * number typed as a number in Excel is not turned into 1.38E+10.
 */
export interface SheetTable {
  headers: string[];
  rows: { sheetRow: number; cells: string[] }[];
}

const MAX_ROWS = 3000;

export async function readRosterFile(fileName: string, base64: string): Promise<SheetTable> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('文件是空的，请重新选择', 'The file is empty.');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return tableFromMatrix(parseCsv(decodeText(bytes)));
  if (lower.endsWith('.xlsx')) return tableFromMatrix(await readXlsx(bytes));
  if (lower.endsWith('.xls')) throw invalid('暂不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入', 'Save the .xls file as .xlsx first.');
  throw invalid('请选择 .xlsx 或 .csv 文件', 'Choose an .xlsx or .csv file.');
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取这个 Excel 文件，请确认它是 .xlsx 格式且没有加密', 'Could not read the Excel file.');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw invalid('Excel 文件中没有数据', 'The workbook has no data.');
  const matrix: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    matrix[rowNumber - 1] = cells;
  });
  return Array.from(matrix, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

function tableFromMatrix(matrix: string[][]): SheetTable {
  // The header is the first row with at least two filled cells (titles like "2026 年花名册" sit above it).
  const headerAt = matrix.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
  if (headerAt < 0) throw invalid('文件中找不到表头行（如“幼儿姓名、班级、手机号”）', 'No header row found.');
  const headers = matrix[headerAt]!.map((h) => h.trim());
  const rows = matrix
    .slice(headerAt + 1)
    .map((cells, i) => ({ sheetRow: headerAt + 2 + i, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) throw invalid('表头下面没有数据行', 'No data rows under the header.');
  if (rows.length > MAX_ROWS) throw invalid(`一次最多导入 ${MAX_ROWS} 行，请分批导入`, `At most ${MAX_ROWS} rows at once.`);
  return { headers, rows };
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '园务通 KinderDesk';
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const row of spec.rows) ws.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}
