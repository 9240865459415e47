// biome-ignore-all lint/suspicious/noExplicitAny: API values are read loosely here; the assertions pin their shape
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Api, ApiName } from '../../../electron/api/index';
import { demoBackend } from '../../backend';

/** Typed by name and input; the value is read loosely and pinned by the assertions. */
type Call = <K extends ApiName>(name: K, input: Api[K]['input'], who?: string) => Promise<{ ok: boolean; value?: any; error?: any }>;

let call: Call;
let dbPath: string;
const sessions: Record<string, string> = {};
let run: any;

function count(table: string, where = '1=1'): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const env = await demoBackend();
  dbPath = env.backend.database().path;
  sessions.admin = env.session;
  call = (name, input, who = 'admin') => env.call(name, input, sessions[who]);
  for (const u of ['qiantai', 'laoshi']) {
    const r = await call('auth.login', { username: u, password: 'demo1234' });
    sessions[u] = r.value.session;
  }
  const overview = await call('surveys.overview', {});
  const classIds = overview.value.classes.slice(1, 3).map((c: { id: number }) => c.id);
  const created = await call('surveys.createRun', { template: 'builtin', title: '期末调查', semesterId: overview.value.semesters[0].id, classIds, anonymous: true });
  expect(created.ok).toBe(true);
  run = (await call('surveys.run', { runId: created.value.id }, 'qiantai')).value;
});

const answersFor = (run: any, rating: number, nps: number, text?: string) =>
  run.questions.map((q: any) =>
    q.kind === 'rating' ? { questionId: q.id, values: [rating] } : q.kind === 'nps' ? { questionId: q.id, values: [nps] } : q.kind === 'text' ? { questionId: q.id, text: text ?? '' } : { questionId: q.id, values: [] },
  );

describe('surveys', () => {
  it('starts a run from the built-in template, reusing the demo copy so runs compare', async () => {
    expect(run.questions).toHaveLength(15);
    expect(count('survey_templates', 'built_in = 1')).toBe(1);
    expect(run.classes.map((c: any) => c.invited)).toEqual([25, 25]);
  });

  it('lets the front desk enter a paper questionnaire, refusing a number entered twice', async () => {
    const classId = run.classes[0].id;
    const ok = await call('surveys.addResponse', { runId: run.id, classId, responseNo: 1, answers: answersFor(run, 4, 9, '很好') }, 'qiantai');
    expect(ok.ok).toBe(true);
    const before = count('survey_answers');
    const again = await call('surveys.addResponse', { runId: run.id, classId, responseNo: 1, answers: answersFor(run, 5, 9) }, 'qiantai');
    expect(again.error.message).toContain('编号 1 的问卷已经录入过了');
    const badScore = await call('surveys.addResponse', { runId: run.id, classId, responseNo: 2, answers: answersFor(run, 6, 9) }, 'qiantai');
    expect(badScore.error.message).toContain('第 1 题应为 1～5 分');
    expect(count('survey_answers')).toBe(before);
    expect(count('audit_log', "action = 'survey.response.add'")).toBe(1);
  });

  it('keeps teachers out of entry and review, but shows them their class response count', async () => {
    expect((await call('surveys.addResponse', { runId: run.id, classId: run.classes[0].id, responseNo: 3, answers: answersFor(run, 4, 9) }, 'laoshi')).error.code).toBe('forbidden');
    expect((await call('surveys.review', { runId: run.id }, 'laoshi')).error.code).toBe('forbidden');
    expect((await call('surveys.review', { runId: run.id }, 'qiantai')).error.code).toBe('forbidden');
    const mine = (await call('surveys.overview', {}, 'laoshi')).value.runs.find((r: any) => r.id === run.id);
    expect(mine).toMatchObject({ invited: 25, responses: 1 });
  });

  it('refuses to link an anonymous run to a family', async () => {
    const household = count('households');
    const r = await call('surveys.addResponse', { runId: run.id, classId: run.classes[0].id, householdId: household, answers: answersFor(run, 4, 9) }, 'qiantai');
    expect(r.error.message).toContain('匿名调查不能按家庭录入');
    expect((await call('surveys.findHouseholds', { runId: run.id, q: 'wang' }, 'qiantai')).ok).toBe(false);
    expect(count('survey_responses', 'household_id is not null')).toBe(0);
  });

  it('records named responses once per family in a named run', async () => {
    const overview = (await call('surveys.overview', {})).value;
    const created = await call('surveys.createRun', { template: 'builtin', title: '实名回访', semesterId: overview.semesters[0].id, classIds: [overview.classes[0].id], anonymous: false });
    const named = (await call('surveys.run', { runId: created.value.id })).value;
    const found = (await call('surveys.findHouseholds', { runId: named.id, q: 'a' }, 'qiantai')).value;
    const family = found[0];
    const first = await call('surveys.addResponse', { runId: named.id, classId: family.classId, householdId: family.householdId, answers: answersFor(named, 3, 6, '希望多沟通') }, 'qiantai');
    expect(first.ok).toBe(true);
    const second = await call('surveys.addResponse', { runId: named.id, classId: family.classId, householdId: family.householdId, answers: answersFor(named, 3, 6) }, 'qiantai');
    expect(second.error.message).toContain('已经填写过');
  });

  it('imports a spreadsheet all or nothing: bad rows must be acknowledged, then the rest lands in one go', async () => {
    const [a, b] = run.classes;
    const qs = run.questions;
    const headers = ['序号', '您孩子所在的班级', ...qs.map((q: any, i: number) => `${i + 1}、${q.text}`)];
    const row = (serial: number, cls: string, rating: string, nps: string) => [String(serial), cls, ...qs.map((q: any) => (q.kind === 'rating' ? rating : q.kind === 'nps' ? nps : q.kind === 'single' ? q.options[0] : q.kind === 'multi' ? `${q.options[0]}┋${q.options[5]}` : '(跳过)'))];
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('答卷');
    sheet.addRow(headers);
    for (let i = 1; i <= 6; i++) sheet.addRow(row(i, i % 2 ? a.name : b.name, '满意', '9'));
    sheet.addRow(row(7, '火星班', '满意', '9'));
    sheet.addRow(row(8, a.name, '满意', '11'));
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

    const read = await call('surveys.importRead', { runId: run.id, fileName: '问卷星导出.xlsx', base64 }, 'qiantai');
    expect(read.ok).toBe(true);
    expect(read.value.settings.mapping.filter((m: any) => 'question' in m)).toHaveLength(15);
    const file = { runId: run.id, rows: read.value.rows, rowNumbers: read.value.rowNumbers, ...read.value.settings };
    const check = (await call('surveys.importCheck', file, 'qiantai')).value;
    expect(check.good).toBe(6);
    expect(check.bad.map((x: any) => x.row)).toEqual([8, 9]);
    expect(check.bad[1].problems.join()).toContain('不是 0～10 分');

    const before = count('survey_responses');
    const refused = await call('surveys.importCommit', { ...file, skipRows: [8] }, 'qiantai');
    expect(refused.error.message).toContain('第 9 行有问题');
    expect(count('survey_responses')).toBe(before);

    const done = await call('surveys.importCommit', { ...file, fileName: 'x.xlsx', skipRows: [8, 9] }, 'qiantai');
    expect(done.value).toEqual({ imported: 6, skipped: 2 });
    expect(count('survey_responses')).toBe(before + 6);
    expect(count('audit_log', "action = 'survey.response.import'")).toBe(1);

    const twice = (await call('surveys.importCheck', file, 'qiantai')).value;
    expect(twice.good).toBe(0);
    expect(twice.bad[0].problems).toContain('序号 1 已经导入过');
  });

  it('hides a class with fewer than five responses in the review, in the backend', async () => {
    // An anonymous run shows its figures once collection has closed (see "survey anonymity").
    expect((await call('surveys.setRunStatus', { runId: run.id, status: 'closed' })).ok).toBe(true);
    // Class B has 3 imported responses, class A 1 paper + 3 imported = 4: both under five.
    const r = (await call('surveys.review', { runId: run.id })).value;
    expect(r.review.responses).toBe(7);
    expect(r.review.classes.every((c: any) => c.hidden && c.cells.every((x: any) => x.value === null))).toBe(true);
    expect(r.comments.every((c: any) => c.className === null && c.family === null)).toBe(true);
    expect(r.previous.title).toBe('2026秋季期中家长满意度调查');
  });

  it('shows the demo review with changes since the previous run and the actions taken then', async () => {
    const overview = (await call('surveys.overview', {})).value;
    const current = overview.runs.find((x: any) => x.title === '2026秋季期中家长满意度调查');
    const r = (await call('surveys.review', { runId: current.id })).value;
    const food = r.questions.find((q: any) => q.section === '伙食营养');
    expect(r.review.changes.find((c: any) => c.questionId === food.id).change.direction).toBe('up');
    const action = r.actions.find((a: any) => a.questionId === food.id);
    expect(action).toMatchObject({ fromPrevious: true, status: 'done' });
    expect(action.change.direction).toBe('up');
    expect(r.review.classes.filter((c: any) => c.hidden).map((c: any) => c.name)).toEqual(['星星班', '太阳班']);
  });

  it('creates and updates improvement actions and tags comments, each audited', async () => {
    const q = run.questions[7];
    const bad = await call('surveys.saveAction', { runId: run.id, questionId: q.id, title: '', owner: '赵师傅', dueDate: '2026-12-31', status: 'planned' });
    expect(bad.ok).toBe(false);
    const created = await call('surveys.saveAction', { runId: run.id, questionId: q.id, title: '每周公布食谱', owner: '赵师傅', dueDate: '2026-12-31', status: 'planned' });
    const updated = await call('surveys.saveAction', { id: created.value.id, runId: run.id, questionId: q.id, title: '每周公布食谱', owner: '赵师傅', dueDate: '2026-12-31', status: 'done' });
    expect(updated.value.status).toBe('done');
    const comments = (await call('surveys.review', { runId: run.id })).value.comments;
    const tagged = await call('surveys.tagComment', { runId: run.id, key: comments[0].key, tags: ['表扬', '表扬'] });
    expect(tagged.value.tags).toEqual(['表扬']);
    expect((await call('surveys.review', { runId: run.id })).value.comments[0].tags).toEqual(['表扬']);
    const unknown = await call('surveys.tagComment', { runId: run.id, key: 'not-a-comment', tags: ['x'] });
    expect(unknown.error.message).toContain('这条意见');
    expect(count('audit_log', "action like 'survey.action.%' or action = 'survey.comment.tag'")).toBe(3);
  });
});

/**
 * Anonymity, path by path: in an anonymous run nothing the principal or the
 * front desk can read ties an answer to a family or to a sheet, and nothing
 * is shown for a group under five.
 */
describe('survey anonymity', () => {
  let anon: any;
  const paper = async (runner: any, classId: number, responseNo: number, rating: number, comment: string) =>
    call('surveys.addResponse', { runId: runner.id, classId, responseNo, answers: answersFor(runner, rating, 9, comment) }, 'qiantai');
  const newRun = async (title: string) => {
    const overview = (await call('surveys.overview', {})).value;
    const [big, small] = overview.classes.slice(3, 5);
    const created = await call('surveys.createRun', { template: 'builtin', title, semesterId: overview.semesters[0].id, classIds: [big.id, small.id], anonymous: true });
    return (await call('surveys.run', { runId: created.value.id })).value;
  };

  beforeAll(async () => {
    anon = await newRun('匿名检查');
    const [big, small] = anon.classes;
    // Six sheets from the big class, three from the small one, comments typed in entry order A…I.
    for (let i = 0; i < 6; i++) expect((await paper(anon, big.id, i + 1, 4, `意见${'ABCDEF'[i]}`)).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await paper(anon, small.id, i + 7, 1, `意见${'GHI'[i]}`)).ok).toBe(true);
  });

  it('response list for entry corrections and the audit trail: sheet numbers but no answers', async () => {
    const detail = (await call('surveys.run', { runId: anon.id }, 'qiantai')).value;
    expect(detail.recent.length).toBeGreaterThan(0);
    for (const r of detail.recent) expect(Object.keys(r).sort()).toEqual(['className', 'enteredAt', 'id', 'responseNo', 'source']);
    const db = new Database(dbPath, { readonly: true });
    try {
      const trail = db.prepare("select after_json as after from audit_log where action = 'survey.response.add' and entity_id in (select id from survey_responses where run_id = ?)").all(anon.id) as { after: string }[];
      expect(trail).toHaveLength(9);
      for (const row of trail) {
        expect(row.after).not.toContain('意见');
        expect(row.after).not.toContain('"values"');
      }
    } finally {
      db.close();
    }
    // Deleting a sheet to re-enter it keeps the answers out of the trail too.
    const last = detail.recent[0];
    expect((await call('surveys.deleteResponse', { responseId: last.id }, 'qiantai')).ok).toBe(true);
    const db2 = new Database(dbPath, { readonly: true });
    try {
      const before = (db2.prepare("select before_json as before from audit_log where action = 'survey.response.delete' and entity_id = ?").get(String(last.id)) as { before: string }).before;
      expect(before).not.toContain('意见');
      expect(before).toContain('"responseNo":9');
    } finally {
      db2.close();
    }
    expect((await paper(anon, anon.classes[1].id, 9, 1, '意见I')).ok).toBe(true);
  });

  it('while collection is open, the review shows how many came back and nothing of what they say', async () => {
    const r = (await call('surveys.review', { runId: anon.id })).value;
    expect(r).toEqual({ held: true, run: expect.objectContaining({ id: anon.id, status: 'open' }), responses: 9, invited: expect.any(Number) });
    // Nor does the next run's comparison show it while it is open.
    const later = await newRun('匿名检查之后');
    const next = (await call('surveys.review', { runId: later.id })).value;
    expect(next.held).toBe(true);
    expect((await call('surveys.setRunStatus', { runId: later.id, status: 'closed' })).ok).toBe(true);
    expect((await call('surveys.review', { runId: later.id })).value.previous?.title).not.toBe('匿名检查');
    expect((await call('surveys.setRunStatus', { runId: anon.id, status: 'closed' })).ok).toBe(true);
  });

  it('review: hides the small class and the class that would give it away, and carries no family or sheet', async () => {
    const r = (await call('surveys.review', { runId: anon.id })).value;
    expect(r.review.responses).toBe(9);
    // 6 + 3: showing the class of six would let "total − six" reveal the three, so both are hidden.
    expect(r.review.classes.map((c: any) => c.hidden)).toEqual([true, true]);
    expect(r.review.classes.flatMap((c: any) => c.cells.map((x: any) => x.value)).every((v: any) => v === null)).toBe(true);
    // The whole run (9 ≥ 5) is still reported.
    expect(r.review.overall.mean).not.toBeNull();
    const json = JSON.stringify(r);
    for (const field of ['householdId', 'responseId', 'responseNo', 'answerId', 'enteredBy', 'enteredAt']) expect(json).not.toContain(field);
  });

  it('comments list: no class for hidden classes, no family, not in entry order, keyed without row ids', async () => {
    const r = (await call('surveys.review', { runId: anon.id })).value;
    expect(r.comments).toHaveLength(9);
    expect(r.comments.every((c: any) => c.className === null && c.family === null)).toBe(true);
    expect(r.comments.map((c: any) => c.text)).toEqual([...r.comments.map((c: any) => c.text)].sort((a: string, b: string) => a.localeCompare(b, 'zh-CN')));
    const ids = new Database(dbPath, { readonly: true });
    try {
      const answerIds = (ids.prepare('select a.id from survey_answers a join survey_responses r on r.id = a.response_id where r.run_id = ? and a.text is not null').all(anon.id) as { id: number }[]).map((x) => String(x.id));
      expect(r.comments.some((c: any) => answerIds.includes(c.key))).toBe(false);
    } finally {
      ids.close();
    }
    // Tagging goes through the key, and the audit trail names the run, not the answer row.
    await call('surveys.tagComment', { runId: anon.id, key: r.comments[0].key, tags: ['伙食'] });
    expect(count('audit_log', `action = 'survey.comment.tag' and entity = 'survey_run' and entity_id = ${anon.id}`)).toBe(1);
  });

  it('once its results have been seen, the run cannot be reopened to add one more questionnaire', async () => {
    const reopen = await call('surveys.setRunStatus', { runId: anon.id, status: 'open' });
    expect(reopen).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(reopen.error.message).toContain('结果已经查看过，不能再重新开启');
    expect((await paper(anon, anon.classes[0].id, 99, 5, '')).ok).toBe(false);
    // A run closed by mistake, whose results nobody has seen, may be reopened.
    const mistake = await newRun('误点结束');
    expect((await call('surveys.setRunStatus', { runId: mistake.id, status: 'closed' })).ok).toBe(true);
    expect((await call('surveys.setRunStatus', { runId: mistake.id, status: 'open' })).ok).toBe(true);
  });

  it('per-class breakdown: a class is shown once it and the rest both reach five', async () => {
    const five = await newRun('分班显示');
    const [big, small] = five.classes;
    for (let i = 0; i < 6; i++) expect((await paper(five, big.id, i + 1, 4, '')).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await paper(five, small.id, i + 7, 1, '')).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await paper(five, small.id, 20 + i, 2, '')).ok).toBe(true);
    expect((await call('surveys.setRunStatus', { runId: five.id, status: 'closed' })).ok).toBe(true);
    const r = (await call('surveys.review', { runId: five.id })).value;
    const [bigRow, smallRow] = r.review.classes;
    expect([bigRow.responses, smallRow.responses]).toEqual([6, 5]);
    expect(bigRow.hidden || smallRow.hidden).toBe(false);
    const q1 = r.questions[0].id;
    expect(bigRow.cells.find((c: any) => c.questionId === q1).value).toBe(4);
    // The small class: three sheets of 1 and two of 2.
    expect(smallRow.cells.find((c: any) => c.questionId === q1).value).toBe(1.4);
  });

  it('named runs are the only ones that show families, and the audit keeps their answers', async () => {
    const r = (await call('surveys.review', { runId: (await call('surveys.overview', {})).value.runs.find((x: any) => x.title === '实名回访').id })).value;
    expect(r.comments.map((c: any) => c.family)).toEqual([expect.any(String)]);
    expect(count('audit_log', "action = 'survey.response.add' and after_json like '%希望多沟通%'")).toBe(1);
  });
});
