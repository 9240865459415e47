import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import {
  dateStyles,
  readZipDirectory,
  type SheetGrid,
  type SheetLimits,
  sharedStrings,
  sheetError,
  sheetRows,
  workbookSheets,
  type ZipEntry,
} from '../../core/sheets';

/**
 * Reads the first sheet with content (or the named one) of an .xlsx without
 * ever holding more than the budgets allow. The zip's central directory is
 * read first; only the parts a sheet needs are inflated, each held to the
 * size the directory declares and to a budget, so a zip bomb stops after a
 * few megabytes. The XML is then scanned in core/sheets/ooxml.ts, which
 * visits only cells present in the file: a sheet "formatted to its last
 * cell" costs what its few cells cost.
 *
 * exceljs is not used for reading: its whole-workbook loader expands column
 * ranges and data-validation ranges cell by cell (it hangs on a validation
 * over A1:XFD1048576), and its streaming reader spends ~5 µs per cell and
 * writes the sheet to a temporary file when the shared strings come after it.
 */
const BUDGET = {
  workbook: 2 * 1024 * 1024,
  styles: 8 * 1024 * 1024,
  strings: 16 * 1024 * 1024,
  sheet: 32 * 1024 * 1024,
};

const inflate = promisify(inflateRaw);

export async function readXlsx(bytes: Uint8Array, limits: SheetLimits, wanted?: string): Promise<SheetGrid> {
  const entries = readZipDirectory(bytes);
  const part = async (name: string, budget: number) => {
    const entry = entries.get(name);
    return entry ? inflateEntry(bytes, entry, budget) : null;
  };
  const workbookXml = await part('xl/workbook.xml', BUDGET.workbook);
  const relsXml = await part('xl/_rels/workbook.xml.rels', BUDGET.workbook);
  if (workbookXml === null || relsXml === null) notAWorkbook();
  const book = workbookSheets(workbookXml, relsXml);
  const styles = { dates: dateStyles((await part('xl/styles.xml', BUDGET.styles)) ?? ''), date1904: book.date1904 };
  const strings = sharedStrings((await part('xl/sharedStrings.xml', BUDGET.strings)) ?? '');

  const visible = book.sheets.filter((s) => !s.hidden);
  const names = visible.map((s) => s.name);
  const candidates = wanted === undefined ? visible : visible.filter((s) => s.name === wanted);
  if (wanted !== undefined && candidates.length === 0) sheetError(`Excel 文件中没有名为「${wanted}」的工作表`, `No sheet named ${wanted}.`);
  for (const sheet of candidates) {
    const xml = await part(sheet.path, BUDGET.sheet);
    if (xml === null) continue;
    const rows = sheetRows(xml, strings, styles, limits);
    if (rows.length > 0 || wanted !== undefined) return { sheet: sheet.name, sheets: names, rows };
  }
  return sheetError('Excel 文件中没有数据', 'The workbook has no data.');
}

async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Promise<string> {
  if (entry.size > budget) {
    sheetError('这个 Excel 文件的内容过大，无法一次读取。请只保留需要导入的工作表和行，另存后再导入。', 'The workbook is too large to read.');
  }
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // Held to the declared size: a part that inflates to more is a lie (a zip bomb) and stops here.
      out = await inflate(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      return notAWorkbook();
    }
  } else return notAWorkbook();
  if (out.length !== entry.size) notAWorkbook();
  return new TextDecoder('utf-8').decode(out);
}

function notAWorkbook(): never {
  return sheetError('无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式。请在 Excel 中打开后“另存为” .xlsx 再导入。', 'The Excel file cannot be read.');
}
