import ExcelJS from 'exceljs';
import { isRosterHeading, type SheetColumn, sheetColumns } from '../../../core/families/roster';
import { findHeaderRow, HEADER_SCAN_ROWS } from '../../../core/sheets';
import { base64Bytes, readSheetFile } from '../../sheets/read';
import { invalid } from '../errors';

/**
 * Roster files in and out. A roster arrives as .xlsx or .csv (read by the
 * app's one sheet reader, electron/sheets/read.ts) and leaves as a table of
 * strings under the header row found here.
 */
export interface SheetTable {
  headers: string[];
  /** The sheet's row number of the header (1-based, as Excel shows it). */
  headerRow: number;
  /** Each column's real heading and first value, for the mapping step. */
  columns: SheetColumn[];
  rows: { sheetRow: number; cells: string[] }[];
}

const MAX_ROWS = 3000;

export async function readRosterFile(fileName: string, base64: string): Promise<SheetTable> {
  const { rows } = await readSheetFile(fileName, base64Bytes(base64));
  return tableFromMatrix(rows);
}

function tableFromMatrix(matrix: string[][]): SheetTable {
  // The header is where the recognisable column names are, under any title rows.
  const headerAt = findHeaderRow(matrix, isRosterHeading);
  if (headerAt < 0) {
    throw invalid(
      `文件前 ${HEADER_SCAN_ROWS} 行中找不到表头行：至少要有两列是可识别的列名（如“幼儿姓名”“班级”“手机号”）`,
      'No header row found: at least two columns need recognisable names such as 幼儿姓名, 班级, 手机号.',
    );
  }
  const headers = matrix[headerAt]!.map((h) => h.trim());
  const rows = matrix
    .slice(headerAt + 1)
    .map((cells, i) => ({ sheetRow: headerAt + 2 + i, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) throw invalid('表头下面没有数据行', 'No data rows under the header.');
  if (rows.length > MAX_ROWS) throw invalid(`一次最多导入 ${MAX_ROWS} 行，请分批导入`, `At most ${MAX_ROWS} rows at once.`);
  return { headers, headerRow: headerAt + 1, columns: sheetColumns(headers, rows.map((r) => r.cells)), rows };
}

export interface SheetSpec {
  name: string;
  /** numFmt: how Excel shows the column's numbers, e.g. '0.00' for money. */
  columns: { header: string; width: number; numFmt?: string }[];
  rows: (string | number | null)[][];
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '园务通 KinderDesk';
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    ws.getRow(1).font = { bold: true };
    for (const row of spec.rows) ws.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer).toString('base64');
}
