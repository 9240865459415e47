import { DEFAULT_SHEET_LIMITS, decodeText, parseCsv, type SheetGrid, type SheetLimits, SheetFileError } from '../../core/sheets';
import { invalid } from '../api/errors';
import { readXlsx } from './xlsx';

/**
 * The one way the app reads a spreadsheet someone chose (roster import,
 * survey import): .xlsx or .csv in, one sheet of displayed text out. Any
 * problem with the file becomes a Chinese message that says what to do.
 */
export async function readSheetFile(fileName: string, bytes: Uint8Array, options: { limits?: SheetLimits; sheet?: string } = {}): Promise<SheetGrid> {
  const limits = options.limits ?? DEFAULT_SHEET_LIMITS;
  if (bytes.length === 0) throw invalid('文件是空的，请重新选择', 'The file is empty.');
  const lower = fileName.toLowerCase();
  try {
    if (lower.endsWith('.csv')) return { sheet: '', sheets: [], rows: parseCsv(decodeText(bytes), limits) };
    if (lower.endsWith('.xlsx')) return await readXlsx(bytes, limits, options.sheet);
  } catch (error) {
    if (error instanceof SheetFileError) throw invalid(error.messageZh, error.message);
    throw invalid('无法读取这个文件，请确认它是 .xlsx 或 .csv 格式且没有损坏', 'The file cannot be read.');
  }
  if (lower.endsWith('.xls')) throw invalid('暂不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入', 'Save the .xls file as .xlsx first.');
  throw invalid('请选择 .xlsx 或 .csv 文件', 'Choose an .xlsx or .csv file.');
}

/** The base64 the API carries, as bytes. */
export function base64Bytes(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}
