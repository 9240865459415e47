import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../core/families/id-number';
import { applyMapping, type RosterMapping, unkeptColumns } from '../../../core/families/roster';
import { type Cell, csv, excelSerial, workbook } from '../../fixtures/real-files';
import { type DemoBackend, demoBackend } from './helpers';

/**
 * Rosters as kindergartens really keep them (not the app's own export): title
 * rows merged across the top, a grouping row, columns named and ordered every
 * which way, extra columns, phones typed in full width or with 0086, and the
 * free-text columns where allergies and pick-up arrangements live.
 */
type Parsed = {
  headers: string[];
  headerRow: number;
  columns: { heading: string; sample: string }[];
  rows: { sheetRow: number; cells: string[] }[];
  mapping: RosterMapping;
};

const id = (area: string, birth: string, seq: string) => `${area}${birth}${seq}${idCheckChar(`${area}${birth}${seq}`)}`;

let kd: DemoBackend;
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

const parse = (fileName: string, bytes: Buffer) => kd.ok('families.importParse', { fileName, base64: bytes.toString('base64') });
const records = (p: Parsed) => p.rows.map((r) => ({ sheetRow: r.sheetRow, record: applyMapping(r.cells, p.mapping, p.headers) }));

describe('a roster with two merged title rows, a blank row, synonyms, extra columns and health columns', () => {
  const header = ['序号', '班级', '孩子姓名', '性别', '民族', '出生年月日', '公民身份号码', '监护人', '与幼儿关系', '联系方式', '过敏史', '用药情况', '接送说明', '家庭地址', '血型'];
  const rows: Cell[][] = [
    [1, '向日葵班', '钟语桐', '女', '汉族', new Date(Date.UTC(2021, 4, 17)), `${id('320602', '20210517', '128').slice(0, 6)} ${id('320602', '20210517', '128').slice(6, 14)} ${id('320602', '20210517', '128').slice(14)}`, '钟山', '父亲', '１３７ ０００１ ２２３４', '花生、芒果', '', '只由爸爸或奶奶接', '崇川区钟秀路9号', 'A'],
    [2, '蒲公英班', '潘一诺', '男', '回族', '2021/2/3', '', '潘慧', '母亲', '0086-139-0000-5678', '', '哮喘，书包里有喷雾', '', '崇川区青年路1号', 'O'],
    [3, '太阳班', '沈星河', '男', '汉族', '2020.11.30', id('320611', '20201130', '157').toLowerCase(), '沈立', '父亲', '+86 (158) 0000 1111', '无', '', '', '开发区通盛大道2号', ''],
    [4, '向日葵班', '柏芊芊', '女', '汉族', excelSerial('2021-07-08'), '', '柏涛', '父亲', '137.0000.2222', '', '', '周三由外婆接', '', 'B'],
  ];

  it('finds the header under the titles and shows each real column with a value from it', async () => {
    const file = await workbook({ titles: ['南通市崇川区阳光幼儿园2025年秋季学期在园幼儿花名册', ['填表日期：2025年9月1日', '填表人：李老师', '审核：周园长']], blankRows: 1, header, rows });
    const parsed = await parse('2025秋季花名册.xlsx', file);
    expect(parsed.headerRow).toBe(4);
    expect(parsed.headers).toEqual(header);
    expect(parsed.columns.map((c) => c.heading)).toEqual(header);
    expect(parsed.columns[2]).toEqual({ heading: '孩子姓名', sample: '钟语桐' });
    expect(parsed.columns[9]).toEqual({ heading: '联系方式', sample: '１３７ ０００１ ２２３４' });
    expect(parsed.rows.map((r) => r.sheetRow)).toEqual([5, 6, 7, 8]);
    expect(parsed.mapping).toEqual([
      null, 'className', 'childName', 'gender', null, 'birthDate', 'idNumber', 'guardian1Name', 'guardian1Relationship', 'guardian1Mobile',
      'healthNotes', 'healthNotes', 'healthNotes', 'address', null,
    ]);
    // Nothing is dropped without being named: 序号, 民族 and 血型 are listed with a sample.
    expect(unkeptColumns(parsed.columns, parsed.mapping).map((c) => `${c.heading}=${c.sample}`)).toEqual(['序号=1', '民族=汉族', '血型=A']);

    const preview = await kd.ok('families.importPreview', { rows: records(parsed) });
    expect(preview.map((r) => r.problems.map((p) => p.message))).toEqual([[], [], [], []]);

    const before = kd.counts();
    expect(await kd.ok('families.importCommit', { rows: records(parsed) })).toEqual({ children: 4, guardians: 4, households: 4 });
    expect(kd.counts().children).toBe(before.children + 4);
    const stored = kd.sqlite
      .prepare("SELECT c.name, c.id_number AS idNumber, c.birth_date AS birth, c.health_notes AS notes, g.mobile FROM children c JOIN guardians g ON g.household_id = c.household_id WHERE c.name IN ('钟语桐','潘一诺','沈星河','柏芊芊') ORDER BY c.id")
      .all();
    expect(stored).toEqual([
      { name: '钟语桐', idNumber: id('320602', '20210517', '128'), birth: '2021-05-17', notes: '过敏史：花生、芒果；接送说明：只由爸爸或奶奶接', mobile: '13700012234' },
      { name: '潘一诺', idNumber: null, birth: '2021-02-03', notes: '用药情况：哮喘，书包里有喷雾', mobile: '13900005678' },
      { name: '沈星河', idNumber: id('320611', '20201130', '157'), birth: '2020-11-30', notes: '过敏史：无', mobile: '15800001111' },
      { name: '柏芊芊', idNumber: null, birth: '2021-07-08', notes: '接送说明：周三由外婆接', mobile: '13700002222' },
    ]);
  });

  it('shows the health notes where a teacher needs them: the roll call row and the household', async () => {
    const child = kd.sqlite.prepare("SELECT id, household_id AS householdId, class_id AS classId FROM children WHERE name = '钟语桐'").get() as { id: number; householdId: number; classId: number };
    const roll = await kd.ok('attendance.rollCall', { classId: child.classId, date: '2026-11-20' });
    expect(roll.children.find((c) => c.id === child.id)?.healthNotes).toBe('过敏史：花生、芒果；接送说明：只由爸爸或奶奶接');
    const household = await kd.ok('families.household', { id: child.householdId });
    expect(household.children[0]?.healthNotes).toContain('花生');
  });
});

describe('a GB18030 CSV with one title row and father / mother columns', () => {
  const lines: Cell[][] = [
    ['星星班幼儿信息登记表（2025年秋）', '', '', '', '', '', '', '', '', ''],
    ['学生姓名', '出生日期', '性别', '班级名称', '父亲姓名', '父亲电话', '母亲姓名', '母亲电话', '住址', '备注'],
    ['褚安然', '2023年6月7日', '女', '星星班', '褚卫东', '139–0000–5679', '葛敏', '１８６００００３３３３', '港闸区深南路3号', '对花生过敏，午餐需替换'],
    ['卫子轩', '2023.2.14', '男', '星星班', '卫强', '0086 13900005680', '', '', '', ''],
  ];

  it('reads the encoding, finds the header on row 2 and takes the relationship from 父亲/母亲', async () => {
    const parsed = await parse('星星班.csv', csv(lines));
    expect(parsed.headerRow).toBe(2);
    expect(parsed.columns[9]).toEqual({ heading: '备注', sample: '对花生过敏，午餐需替换' });
    const recs = records(parsed);
    expect(recs[0]!.record).toMatchObject({ childName: '褚安然', guardian1Name: '褚卫东', guardian1Relationship: '父亲', guardian2Name: '葛敏', guardian2Relationship: '母亲', healthNotes: '对花生过敏，午餐需替换' });
    const preview = await kd.ok('families.importPreview', { rows: recs });
    expect(preview.every((r) => r.ok)).toBe(true);
    await kd.ok('families.importCommit', { rows: recs });
    const mobiles = kd.sqlite.prepare("SELECT g.name, g.relationship, g.mobile FROM guardians g JOIN children c ON c.household_id = g.household_id WHERE c.name = '褚安然' ORDER BY g.id").all();
    expect(mobiles).toEqual([
      { name: '褚卫东', relationship: '父亲', mobile: '13900005679' },
      { name: '葛敏', relationship: '母亲', mobile: '18600003333' },
    ]);
  });
});

describe('a roster with a grouping row above the header', () => {
  it('takes the row with the column names, not the 幼儿信息 / 家长信息 row above it', async () => {
    const file = await workbook({
      groups: [['幼儿信息', 4], ['家长信息', 3]],
      header: ['姓名', '性别', '出生日期', '班级', '家长姓名', '关系', '手机号'],
      rows: [['蒋沐阳', '男', '2022-03-03', '苗苗班', '蒋峰', '父亲', '13511112222']],
    });
    const parsed = await parse('名单.xlsx', file);
    expect(parsed.headerRow).toBe(2);
    expect(parsed.mapping).toEqual(['childName', 'gender', 'birthDate', 'className', 'guardian1Name', 'guardian1Relationship', 'guardian1Mobile']);
  });

  it('says which row it looked for when there is no header at all', async () => {
    const file = await workbook({ header: ['a', 'b'], rows: [['1', '2']] });
    const r = await kd.call('families.importParse', { fileName: 'x.xlsx', base64: file.toString('base64') });
    expect(!r.ok && r.error.message).toContain('找不到表头行');
  });
});
