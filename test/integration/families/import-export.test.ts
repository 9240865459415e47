import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMapping, type RosterMapping } from '../../../core/families/roster';
import { type DemoBackend, demoBackend } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
type Parsed = { headers: string[]; headerRow: number; columns: { heading: string; sample: string }[]; rows: { sheetRow: number; cells: string[] }[]; mapping: RosterMapping };

let kd: DemoBackend;
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

async function parse(file: string): Promise<Parsed> {
  return kd.ok('families.importParse', { fileName: file, base64: readFileSync(join(FIXTURES, file)).toString('base64') });
}
const records = (p: Parsed) => p.rows.map((r) => ({ sheetRow: r.sheetRow, record: applyMapping(r.cells, p.mapping, p.headers) }));

describe('importing the messy sample roster', () => {
  it.each(['roster-messy.xlsx', 'roster-messy.csv'])('%s: finds the header, maps the columns and reports every bad row', async (file) => {
    const parsed = await parse(file);
    expect(parsed.rows).toHaveLength(10);
    expect(parsed.mapping).toEqual([null, 'childName', 'gender', 'birthDate', 'idNumber', 'className', 'guardian1Name', 'guardian1Relationship', 'guardian1Mobile', 'guardian2Name', 'guardian2Mobile', 'address']);
    const before = kd.counts();
    const preview = await kd.ok('families.importPreview', { rows: records(parsed) });
    const problemsOf = (i: number) => preview[i]!.problems.map((p) => p.message).join(' | ');
    expect(preview.map((r) => r.ok)).toEqual([true, true, true, false, false, false, false, false, false, true]);
    expect(problemsOf(3)).toContain('家长1手机号不正确：1381234567');
    expect(problemsOf(4)).toContain('没有名为“彩虹班”的班级');
    expect(problemsOf(5)).toContain('缺少幼儿姓名');
    expect(problemsOf(6)).toContain(`与第 ${file.endsWith('.xlsx') ? 4 : 3} 行重复`);
    expect(problemsOf(7)).toContain('出生日期 2030-01-01 晚于今天');
    expect(problemsOf(8)).toContain('身份证号校验位不正确');
    // Row numbers are the spreadsheet's own (a title row sits above the header).
    expect(preview[0]!.sheetRow).toBe(file.endsWith('.xlsx') ? 3 : 2);
    expect(kd.counts()).toEqual(before);
  });

  it('writes nothing while bad rows remain, then imports the good rows at once with siblings in one household', async () => {
    const parsed = await parse('roster-messy.xlsx');
    const all = records(parsed);
    const before = kd.counts();
    const refused = await kd.call('families.importCommit', { rows: all });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^还有 6 行有问题，未导入任何数据。第 6 行：/);
    expect(kd.counts()).toEqual(before);

    // Fix the bad phone, skip the rest.
    const fixed = all.map((r) => (r.sheetRow === 6 ? { ...r, record: { ...r.record, guardian1Mobile: '13812345670' } } : r));
    const chosen = fixed.filter((r) => [3, 4, 5, 6, 12].includes(r.sheetRow));
    const result = await kd.ok('families.importCommit', { rows: chosen });
    expect(result).toEqual({ children: 5, guardians: 5, households: 4 });
    const after = kd.counts();
    expect(after.children).toBe(before.children + 5);
    expect(after.households).toBe(before.households + 4);

    const yu = (await kd.ok('families.search', { q: '林小雨' }))[0]!;
    const feng = (await kd.ok('families.search', { q: 'lxf' }))[0]!;
    expect(feng.name).toBe('林小风');
    expect(feng.householdId).toBe(yu.householdId);
    const zheng = await kd.ok('families.search', { q: '1234' });
    expect(zheng.some((r: { name: string }) => r.name === '郑重')).toBe(true);

    // The same roster again: every child is now a duplicate of one on file.
    const again = await kd.ok('families.importPreview', { rows: chosen });
    expect(again.every((r) => r.problems.some((p) => p.message.includes('园内已有同名同生日的幼儿')))).toBe(true);
  });

  it('refuses files it cannot read, in Chinese', async () => {
    const xls = await kd.call('families.importParse', { fileName: 'old.xls', base64: Buffer.from('x').toString('base64') });
    expect(!xls.ok && xls.error.message).toContain('.xlsx');
    const broken = await kd.call('families.importParse', { fileName: 'a.xlsx', base64: Buffer.from('not a zip').toString('base64') });
    expect(!broken.ok && broken.error.message).toContain('无法读取这个 Excel 文件');
  });
});

describe('export', () => {
  it('writes every child and guardian to an .xlsx with full numbers, for finance too', async () => {
    const finance = await kd.signIn('caiwu');
    const out = await kd.ok('families.export', {}, finance);
    expect(out.fileName).toBe('幼儿与家长-2026-11-20.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const kids = wb.getWorksheet('幼儿')!;
    const adults = wb.getWorksheet('家长')!;
    expect(kids.actualRowCount - 1).toBe(out.children);
    expect(adults.actualRowCount - 1).toBe(out.guardians);
    expect(out.children).toBe(kd.counts().children);
    const mobile = String(adults.getRow(2).getCell(5).value);
    expect(mobile).toMatch(/^1[3-9]\d{9}$/);
    const teacher = await kd.signIn('laoshi');
    expect((await kd.call('families.export', {}, teacher)).ok).toBe(false);
  });
});
