/**
 * The spreadsheet reader on the largest files its budgets admit, and on a
 * real-sized roster: how long one read takes (the importer answers while
 * other requests wait their turn between chunks). Target: under a second for
 * anything the budgets admit. Run: npx tsx bench/sheets.ts
 */
import { readSheetFile } from '../electron/sheets/read';
import { xlsx } from '../test/fixtures/xlsx-parts';

async function time(label: string, fileName: string, bytes: Uint8Array) {
  const started = performance.now();
  let outcome: string;
  try {
    const grid = await readSheetFile(fileName, bytes);
    outcome = `${grid.rows.length} rows × ${grid.rows[0]?.length ?? 0} columns`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 40)}…`;
  }
  console.log(`${label.padEnd(48)} ${(bytes.length / 1024).toFixed(0).padStart(7)} KB  ${(performance.now() - started).toFixed(0).padStart(5)} ms  ${outcome}`);
}

const roster: Record<string, string | number> = {};
for (let r = 1; r <= 3000; r++) {
  for (let c = 0; c < 12; c++) roster[`${String.fromCharCode(65 + c)}${r}`] = c === 8 ? 13_900_000_000 + r : `单元格${r}-${c}`;
}
await time('roster: 3,000 rows × 12 columns', 'roster.xlsx', xlsx({ cells: roster }));

const csv = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 40 }, (_, c) => `"答案 ${r},${c}"`).join(',')).join('\r\n');
await time('CSV: 5,000 rows × 40 quoted columns', 'survey.csv', new TextEncoder().encode(csv));

// Formatted to the sheet's edge within the sheet budget: rows of styled empty cells.
const colName = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const styledRow = (r: number) => `<row r="${r}">${Array.from({ length: 60 }, (_, c) => `<c r="${colName(c + 1)}${r}" s="1"/>`).join('')}</row>`;
const parts: string[] = [];
for (let r = 2, size = 0; size < 30 * 1024 * 1024; r++) {
  const row = styledRow(r);
  parts.push(row);
  size += row.length;
}
await time('styled empty cells: a 30 MB sheet', 'styled.xlsx', xlsx({ cells: { A1: '姓名' }, rawRows: parts.join('') }));

// A value in the last cell, a column range and a data validation over the whole sheet.
await time(
  'one value in XFD1048576, whole-sheet validation',
  'edge.xlsx',
  xlsx({
    cells: { A1: '姓名', XFD1048576: 'x' },
    dimension: 'A1:XFD1048576',
    colsXml: '<cols><col min="1" max="16384" style="1"/></cols>',
    sheetExtra: '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"男,女"</formula1></dataValidation></dataValidations>',
  }),
);

// The most work the budgets admit: a sheet part at its budget, every cell a number, within the row/column limits.
const dense: string[] = [];
for (let r = 1, size = 0; size < 31 * 1024 * 1024; r++) {
  const row = `<row r="${r}">${Array.from({ length: 300 }, (_, c) => `<c r="${colName(c + 1)}${r}"><v>${c}</v></c>`).join('')}</row>`;
  dense.push(row);
  size += row.length;
}
await time('dense numbers: a 31 MB sheet', 'dense.xlsx', xlsx({ cells: {}, rawRows: dense.join('') }));

// Shared strings at their budget: a million distinct strings.
const strings = Array.from({ length: 280_000 }, (_, i) => `<si><t>问卷答案第${i}条，说明文字</t></si>`).join('');
await time('shared strings: 280,000 (about 15 MB)', 'strings.xlsx', xlsx({ cells: { A1: 'x' }, extraStrings: strings }));
