import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetFile } from '../../../electron/sheets/read';
import { demoBackend, type DemoBackend } from '../families/helpers';
import { xlsx, zip } from '../../fixtures/xlsx-parts';

/**
 * Spreadsheets that hung the importer and, with it, the whole backend: a
 * value in the sheet's last cell, formatting and validation reaching the
 * sheet's edge, a zip bomb. Each must be answered at once, through the API.
 */
let kd: DemoBackend;
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

/** GBK bytes for text (Node encodes only UTF-8): a reverse of TextDecoder's GBK table. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The time a call takes in this process's CPU, not on the wall: on a busy
 * machine the wall clock counts the other processes too, the CPU time only
 * the work done here (walking such a sheet cell by cell took hours of it).
 */
const AT_ONCE_MS = 1000;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(started);
  return { ms: (used.user + used.system) / 1000, result };
}

describe('a sheet with one value in its last cell (XFD1048576)', () => {
  const far = xlsx({ cells: { A1: '幼儿姓名', B1: '班级', XFD1048576: 'x' }, dimension: 'A1:XFD1048576' });

  it('is a few kilobytes', () => {
    expect(far.length).toBeLessThan(6 * 1024);
  });

  it('is refused by the roster import within a second, naming the cell, and the backend still answers', async () => {
    const { ms, result } = await timed(() => kd.call('families.importParse', { fileName: '花名册.xlsx', base64: b64(far) }));
    expect(ms).toBeLessThan(AT_ONCE_MS);
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid_input' });
    expect(!result.ok && result.error.message).toContain('XFD1048576 单元格有内容');
    expect((await kd.call('kindergarten.get', {})).ok).toBe(true);
  });

  it('is refused by the survey import within a second', async () => {
    const overview = await kd.ok('surveys.overview', {});
    const run = await kd.ok('surveys.createRun', { template: 'builtin', title: '边角测试', semesterId: overview.semesters[0]!.id, classIds: [overview.classes[0]!.id], anonymous: true });
    const { ms, result } = await timed(() => kd.call('surveys.importRead', { runId: run.id, fileName: '导出.xlsx', base64: b64(far) }));
    expect(ms).toBeLessThan(AT_ONCE_MS);
    expect(!result.ok && result.error.message).toContain('XFD1048576');
  });
});

describe('a sheet formatted and validated to its edge, with a few real rows', () => {
  it('reads the rows (dates as dates) and ignores the formatted emptiness', async () => {
    const edge = xlsx({
      cells: { A1: '幼儿姓名', B1: '出生日期', C1: '班级', A2: '林小雨', B2: 45058, C2: '苗苗班' },
      dateCells: ['B2'],
      dimension: 'A1:XFD1048576',
      colsXml: '<cols><col min="1" max="16384" width="12" style="1"/></cols>',
      rawRows: '<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row>',
      sheetExtra: '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"男,女"</formula1></dataValidation></dataValidations>',
    });
    const { ms, result } = await timed(() => readSheetFile('花名册.xlsx', edge));
    expect(ms).toBeLessThan(AT_ONCE_MS);
    expect(result.rows).toEqual([
      ['幼儿姓名', '出生日期', '班级'],
      ['林小雨', '2023-05-12', '苗苗班'],
    ]);
  });
});

describe('a zip bomb', () => {
  const rows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"/></row>`).join('');

  it('whose parts declare their true size is refused before inflating', async () => {
    const big = `<worksheet><sheetData>${' '.repeat(40 * 1024 * 1024)}</sheetData></worksheet>`;
    const bomb = zip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: big },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { ms, result } = await timed(() => kd.call('families.importParse', { fileName: 'a.xlsx', base64: b64(bomb) }));
    expect(ms).toBeLessThan(AT_ONCE_MS);
    expect(!result.ok && result.error.message).toContain('内容过大');
  });

  it('whose directory lies about the size is stopped at the declared size', async () => {
    const liar = xlsx({ cells: { A1: '姓名' }, rawRows: rows, sheetDeclaredSize: 2000 });
    const result = await kd.call('families.importParse', { fileName: 'a.xlsx', base64: b64(liar) });
    expect(!result.ok && result.error.message).toContain('无法读取这个 Excel 文件');
  });
});

describe('one reader for both imports', () => {
  it('reads a workbook exceljs wrote, from the first sheet that has content, naming every sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明');
    const sheet = wb.addWorksheet('答卷');
    sheet.addRow(['序号', '手机', '日期', '公式']);
    sheet.addRow([1, 13911112222, new Date(Date.UTC(2026, 8, 1)), { formula: 'A2*2', result: 2 }]);
    sheet.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
    const grid = await readSheetFile('x.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid).toEqual({ sheet: '答卷', sheets: ['说明', '答卷'], rows: [['序号', '手机', '日期', '公式'], ['1', '13911112222', '2026-09-01', '2']] });
  });

  it('reads the sample roster as .xlsx and as a GBK .csv (Excel on Chinese Windows) alike', async () => {
    const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
    const fromXlsx = await readSheetFile('r.xlsx', readFileSync(join(FIXTURES, 'roster-messy.xlsx')));
    const csv = readFileSync(join(FIXTURES, 'roster-messy.csv'), 'utf8').replace(/^\uFEFF/, '');
    const fromCsv = await readSheetFile('r.csv', encodeGbk(csv));
    expect(fromCsv.rows[0]).toEqual(fromXlsx.rows[1]);
    expect(fromCsv.rows[1]!.slice(0, 4)).toEqual(fromXlsx.rows[2]!.slice(0, 4));
  });
});
