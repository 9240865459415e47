// biome-ignore-all lint/suspicious/noExplicitAny: API values are read loosely here; the assertions pin their shape
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE } from '../../../core/surveys';
import { type Cell, csv, WJX_META, wjxMeta, workbook } from '../../fixtures/real-files';
import { type DemoBackend, demoBackend } from '../families/helpers';

/**
 * Questionnaire exports as 问卷星 and schools produce them: the service's own
 * columns first, headings numbered and worded their way, 非常不满意 and other
 * wordings of the five levels, no class column, comment-only submissions.
 */
let kd: DemoBackend;
let questions: { id: number; kind: string; text: string; options: string[] }[];
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

async function newRun(title: string, classNames: string[]) {
  const overview = await kd.ok('surveys.overview', {});
  const { id } = await kd.ok('surveys.createRun', { template: 'builtin', title, semesterId: overview.semesters[0]!.id, classIds: classNames.map(kd.classId), anonymous: true });
  const run = await kd.ok('surveys.run', { runId: id });
  questions = run.questions;
  return run;
}

/** The built-in questions as another service words them: its numbering, 本园/我园, 满意吗, a type marker. */
function reworded(text: string, i: number, style = i): string {
  const number = [`${i + 1}、`, `Q${i + 1}. `, `第${i + 1}题 `, `${i + 1}. `, `(${i + 1}) `][style % 5];
  const body = text.replace('幼儿园', i % 2 ? '本园' : '我园').replace('是否满意？', i % 3 === 0 ? '满意吗？' : '是否满意？').replace('我园', '我园');
  const kind = BUILT_IN_TEMPLATE.questions[i]!.kind;
  const marker = kind === 'multi' ? '（多选题）' : kind === 'text' ? '（填空题）' : kind === 'nps' ? '（量表题）' : '（单选题）';
  return `${number}${body}${marker}`;
}

const WORDINGS = ['非常满意', '满意', '一般', '不满意', '非常不满意', '很满意', '比较满意', '不太满意', '很不满意', '5'];
const LEVEL: Record<string, number> = { 非常满意: 5, 满意: 4, 一般: 3, 不满意: 2, 非常不满意: 1, 很满意: 5, 比较满意: 4, 不太满意: 2, 很不满意: 1, '5': 5, 还算可以吧: 3 };

/** One answer sheet: rating questions cycle through the wordings (row r, question i), one unknown wording on purpose. */
function answerRow(r: number): Cell[] {
  return BUILT_IN_TEMPLATE.questions.map((q, i) => {
    if (q.kind === 'rating') return r === 3 && i === 0 ? '还算可以吧' : WORDINGS[(r + i) % WORDINGS.length]!;
    if (q.kind === 'nps') return String((r * 3) % 11);
    if (q.kind === 'single') return q.options[r % q.options.length]!;
    if (q.kind === 'multi') return `${q.options[r % q.options.length]}┋${q.options[(r + 2) % q.options.length]}`;
    return r % 4 === 0 ? '希望增加户外活动时间' : '(跳过)';
  });
}

describe('a 问卷星 export without a class column, worded differently, with 非常不满意', () => {
  const header = [...WJX_META, ...BUILT_IN_TEMPLATE.questions.map((q, i) => reworded(q.text, i))];
  const rows = Array.from({ length: 12 }, (_, r) => [...wjxMeta(r + 1, r), ...answerRow(r)]);
  let file: Buffer;
  let run: any;
  let read: any;

  beforeAll(async () => {
    run = await newRun('2025冬季满意度（问卷星）', ['苗苗班', '向日葵班']);
    file = await workbook({ sheet: '问卷数据', header, rows });
    read = await kd.ok('surveys.importRead', { runId: run.id, fileName: '123456789_2_家长满意度_12_12.xlsx', base64: file.toString('base64') });
  });

  it('matches every question column by meaning and leaves the service’s columns out', () => {
    expect(read.headerRow).toBe(1);
    expect(read.remembered).toBe(false);
    const mapping = read.settings.mapping;
    expect(mapping.slice(0, 6)).toEqual([{ field: 'serial' }, ...Array(5).fill({ field: 'ignore' })]);
    expect(mapping.slice(6)).toEqual(questions.map((q) => ({ question: q.id })));
  });

  it('asks for the class of the whole file (or “not known”) instead of refusing every row', async () => {
    const base = { runId: run.id, rows: read.rows, rowNumbers: read.rowNumbers, ...read.settings };
    const unset = await kd.ok('surveys.importCheck', base);
    expect(unset.mappingProblem).toContain('请选择整份文件属于哪个班');
    const check = await kd.ok('surveys.importCheck', { ...base, fileClass: 'unknown' });
    expect(check.mappingProblem).toBeNull();
    // Row 4 (the fourth sheet) has a wording nobody uses; everything else is read, 非常不满意 as 1.
    expect(check.bad).toEqual([{ row: 5, problems: ['第 1 题：「还算可以吧」不是已知的满意程度，请在上方“答案的写法”中指定它的意思'] }]);
    const use = (label: string) => check.labels.find((l: any) => l.label === label);
    expect(use('非常不满意')).toMatchObject({ scope: 'rating', value: 1, how: 'synonym' });
    expect(use('很满意')).toMatchObject({ value: 5, how: 'synonym' });
    expect(use('满意')).toMatchObject({ value: 4, how: 'label' });
    expect(use('5')).toMatchObject({ value: 5, how: 'number' });
    expect(use('还算可以吧')).toMatchObject({ value: null, how: 'unknown', count: 1 });
  });

  it('imports every row once the principal says what the unknown wording means', async () => {
    const settings = { ...read.settings, fileClass: 'unknown', labels: { 'rating:还算可以吧': 3 } };
    const check = await kd.ok('surveys.importCheck', { runId: run.id, rows: read.rows, rowNumbers: read.rowNumbers, ...settings });
    expect(check).toMatchObject({ good: 12, unknownClass: 12, bad: [], capacityProblem: null });
    expect(check.labels.find((l: any) => l.label === '还算可以吧')).toMatchObject({ value: 3, how: 'mapped' });
    await kd.ok('surveys.importCommit', { runId: run.id, fileName: 'x.xlsx', signature: read.signature, rows: read.rows, rowNumbers: read.rowNumbers, ...settings });
    expect(kd.sqlite.prepare('SELECT count(*) FROM survey_responses WHERE run_id = ? AND class_id IS NULL').pluck().get(run.id)).toBe(12);
  });

  it('brings the mapping back when the next export of the same survey is chosen', async () => {
    const again = await kd.ok('surveys.importRead', { runId: run.id, fileName: '123456789_2_家长满意度_12_19.xlsx', base64: file.toString('base64') });
    expect(again.remembered).toBe(true);
    // The class is the file's own (the next export may be another class's): it is asked again.
    expect(again.settings).toEqual({ mapping: read.settings.mapping, fileClass: null, labels: { 'rating:还算可以吧': 3 } });
  });

  it('counts 非常不满意 as 1 in the review once collection closes (an anonymous run shows no figures while open)', async () => {
    await kd.ok('surveys.setRunStatus', { runId: run.id, status: 'closed' });
    const review = await kd.ok('surveys.review', { runId: run.id });
    expect(review.review).toMatchObject({ responses: 12, unknownClass: 12, invited: 50, rate: 24 });
    expect(review.review!.classes.map((c: any) => c.responses)).toEqual([0, 0]);
    const ratingIds = questions.filter((q) => q.kind === 'rating').map((q) => q.id);
    const all = rows.flatMap((r) => r.slice(6).filter((_, i) => ratingIds.includes(questions[i]!.id)).map((cell) => LEVEL[String(cell)]!));
    const expected = Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 100) / 100;
    expect(review.review!.overall.mean).toBe(expected);
  });
});

describe('comment-only submissions', () => {
  it('are not imported as responses and do not block the full sheet with the same serial number', async () => {
    const run = await newRun('评论行测试', ['苗苗班']);
    const header = ['序号', '提交答卷时间', ...BUILT_IN_TEMPLATE.questions.map((q, i) => reworded(q.text, i))];
    const commentOnly = BUILT_IN_TEMPLATE.questions.map((q) => (q.kind === 'text' ? '午睡时间太短' : '(跳过)'));
    const sheet = [header, ['7', '2025/12/10 19:00:01', ...commentOnly], ['8', '2025/12/10 19:02:11', ...answerRow(1)], ['7', '2025/12/10 19:05:40', ...answerRow(2)]];
    const read = await kd.ok('surveys.importRead', { runId: run.id, fileName: 'wjx.csv', base64: csv(sheet).toString('base64') });
    const base = { runId: run.id, rows: read.rows, rowNumbers: read.rowNumbers, ...read.settings };
    const check = await kd.ok('surveys.importCheck', base);
    expect(check.notResponses).toEqual([{ row: 2, reason: '只回答了意见题，没有任何评分或选择，不作为一份答卷导入' }]);
    expect(check).toMatchObject({ good: 2, bad: [] });
    expect(await kd.ok('surveys.importCommit', { ...base, signature: read.signature })).toEqual({ imported: 2, skipped: 1 });
    const refs = kd.sqlite.prepare('SELECT source_ref AS ref FROM survey_responses WHERE run_id = ? ORDER BY source_ref').all(run.id);
    expect(refs).toEqual([{ ref: '7' }, { ref: '8' }]);
  });
});

describe('response rates', () => {
  it('refuse a whole-kindergarten file put into one class: “60 / 24 · 250%” cannot happen', async () => {
    const run = await newRun('小班调查', ['星星班']);
    const invited = run.classes[0]!.invited;
    const header = [...WJX_META, ...BUILT_IN_TEMPLATE.questions.map((q, i) => reworded(q.text, i))];
    const rows = Array.from({ length: invited + 4 }, (_, r) => [...wjxMeta(r + 1, r), ...answerRow(r === 3 ? 4 : r)]);
    const read = await kd.ok('surveys.importRead', { runId: run.id, fileName: '全园.xlsx', base64: (await workbook({ header, rows })).toString('base64') });
    // One class in the run: the file is taken as that class unless the principal says otherwise.
    expect(read.settings.fileClass).toBe(run.classes[0]!.id);
    const base = { runId: run.id, rows: read.rows, rowNumbers: read.rowNumbers, ...read.settings };
    const check = await kd.ok('surveys.importCheck', base);
    expect(check.capacityProblem).toBe(`星星班只有 ${invited} 名幼儿，导入后将有 ${invited + 4} 份答卷归入星星班（回收率会超过 100%）。如果这是全园或几个班的问卷，请选择“班级未知”或用班级列；如果有家庭重复填写，请先删去重复的行。`);
    const refused = await kd.call('surveys.importCommit', base);
    expect(refused.ok).toBe(false);
    const unknown = await kd.call('surveys.importCommit', { ...base, fileClass: 'unknown' });
    expect(!unknown.ok && unknown.error.message).toContain(`本次调查覆盖的班级共 ${invited} 名幼儿，导入后将有 ${invited + 4} 份答卷`);
    expect(kd.sqlite.prepare('SELECT count(*) FROM survey_responses WHERE run_id = ?').pluck().get(run.id)).toBe(0);
  });

  it('count children enrolled after the survey started in its denominator', async () => {
    const run = await newRun('新生调查', ['苗苗班']);
    const before = run.classes[0]!.invited;
    await kd.ok('families.create', {
      children: [{ name: '晚到', gender: 'F', birthDate: '2023-01-01', classId: kd.classId('苗苗班'), enrolledOn: '2026-11-19' }],
      guardians: [{ name: '晚到妈妈', relationship: '母亲', mobile: '13655550001' }],
    });
    await kd.ok('surveys.addResponse', { runId: run.id, classId: kd.classId('苗苗班'), responseNo: 1, answers: [{ questionId: questions[0]!.id, values: [4] }] });
    expect((await kd.ok('surveys.run', { runId: run.id })).classes[0]!.invited).toBe(before + 1);
  });
});

describe('a GB18030 CSV with a title row and a class column written without 班', () => {
  it('finds the header under the title, matches 苗苗 to 苗苗班 and takes a blank class as not known', async () => {
    const run = await newRun('CSV 调查', ['苗苗班', '向日葵班']);
    const header = ['答卷编号', '您孩子所在的班级：', ...BUILT_IN_TEMPLATE.questions.map((q, i) => reworded(q.text, i, i + 2))];
    const lines: Cell[][] = [['2025年秋季家长满意度调查答卷数据（导出于 2025-12-12）'], header, ['A1', '苗苗', ...answerRow(0)], ['A2', '', ...answerRow(1)], ['A3', '向日葵班', ...answerRow(2)]];
    const read = await kd.ok('surveys.importRead', { runId: run.id, fileName: '导出.csv', base64: csv(lines).toString('base64') });
    expect(read.headerRow).toBe(2);
    expect(read.rowNumbers).toEqual([3, 4, 5]);
    expect(read.settings.mapping.slice(0, 2)).toEqual([{ field: 'serial' }, { field: 'class' }]);
    const check = await kd.ok('surveys.importCheck', { runId: run.id, rows: read.rows, rowNumbers: read.rowNumbers, ...read.settings });
    expect(check).toMatchObject({ good: 3, unknownClass: 1, bad: [] });
  });
});

describe('the questionnaire list', () => {
  it('counts each questionnaire’s questions and runs', async () => {
    const overview = await kd.ok('surveys.overview', {});
    const builtIn = overview.templates.find((t: any) => t.builtIn);
    const runs = kd.sqlite.prepare('SELECT count(*) FROM survey_runs WHERE template_id = ?').pluck().get(builtIn!.id);
    expect(builtIn).toMatchObject({ questions: 15, runs });
    expect(runs).toBeGreaterThan(2);
  });
});
