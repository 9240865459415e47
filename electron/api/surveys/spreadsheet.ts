import ExcelJS from 'exceljs';
import { parseCsv } from '../../../core/surveys';
import { invalid } from '../errors';

export async function readSpreadsheet(fileName: string, base64: string): Promise<string[][]> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('文件是空的', 'The file is empty.');
  if (/\.csv$/i.test(fileName)) {
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    // Some services still export CSV in GBK for older Excel versions.
    const text = utf8.includes('\uFFFD') ? new TextDecoder('gbk').decode(bytes) : utf8;
    return parseCsv(text);
  }
  if (!/\.xlsx$/i.test(fileName)) throw invalid('只能导入 .xlsx 或 .csv 文件（在问卷平台选择“按选项文本导出”）', 'Only .xlsx or .csv files can be imported.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取这个 Excel 文件，请确认文件没有损坏、不是旧版 .xls 格式', 'The Excel file cannot be read.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('Excel 文件中没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
