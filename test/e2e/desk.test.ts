import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE } from '../../core/surveys';
import { type Cell, WJX_META, wjxMeta, workbook } from '../fixtures/real-files';
import { type AppUnderTest, SCREENSHOTS, startApp, waitForText } from './harness';
import { callBackend } from '../backend';

/**
 * A day at the desk in Chromium, at the two screen sizes kindergartens have:
 * forms that say what is wrong at the field, a roster with title rows and
 * health columns, health notes where the teacher looks, leave by name, a
 * questionnaire export without a class column, the audit trail and the
 * refund in English. The backend's clock is Monday 2026-11-23, 10:00 Beijing.
 */
const NOW = new Date('2026-11-23T02:00:00Z');
const VIEWPORTS = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
];

describe.each(VIEWPORTS)('a day at the desk at $width×$height', (viewport) => {
  let app: AppUnderTest;
  let page: Page;
  const size = `${viewport.width}`;
  const shot = (name: string) => app.screenshot(`desk-${name}-${size}`);
  const sqlite = () => app.backend.database().sqlite;
  const go = (hash: string) => page.goto(`${app.server.url.split('#')[0]}#${hash}`);
  const choose = async (input: Locator, option: string | RegExp) => {
    await input.click();
    await page.getByRole('option', { name: option }).first().click();
  };
  const typeDate = async (input: Locator, value: string) => {
    await input.fill(value);
    await input.press('Escape');
  };
  /** The red message Mantine puts under the field labelled `label`. */
  const errorUnder = (scope: Locator | Page, label: string) =>
    scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).first().locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]').locator('.mantine-InputWrapper-error');

  beforeAll(async () => {
    app = await startApp({ demo: true, now: NOW, viewport, user: 'admin' });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });
  // What the screen showed when a step failed, to look at.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app.screenshot(`desk-failed-${size}-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });

  it('shows its own red message under each empty or wrong field, never the browser’s bubble', async () => {
    await go('/families/new');
    const child = page.getByTestId('child-form-0');
    const guardian = page.getByTestId('guardian-form-0');
    await child.waitFor();
    expect(await page.locator('form').first().evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);
    await page.getByRole('button', { name: '保存家庭' }).click();
    // Every empty required field at once, each under itself.
    expect(await textOfError(errorUnder(child, '幼儿姓名'))).toBe('请填写幼儿姓名');
    expect(await textOfError(errorUnder(child, '性别'))).toBe('请选择性别');
    expect(await textOfError(errorUnder(child, '出生日期'))).toBe('请填写出生日期');
    expect(await textOfError(errorUnder(child, '班级'))).toBe('请选择班级');
    expect(await textOfError(errorUnder(guardian, '家长姓名'))).toBe('请填写家长姓名');
    expect(await textOfError(errorUnder(guardian, '与幼儿关系'))).toBe('请选择与幼儿关系');
    expect(await textOfError(errorUnder(guardian, '手机号'))).toBe('请填写手机号');
    await shot('form-required');

    // A birth date in the future is the birth date's problem (not "入园日期不能早于出生日期").
    await child.getByLabel('幼儿姓名').fill('岳未来');
    await choose(child.getByLabel('性别'), '女');
    await typeDate(child.getByLabel('出生日期'), '2027-03-01');
    await choose(child.getByLabel('班级'), '苗苗班');
    await guardian.getByLabel('家长姓名').fill('岳峰');
    await choose(guardian.getByLabel('与幼儿关系'), '父亲');
    await guardian.getByLabel('手机号').fill('１３６ ５５５５ ０１０１');
    await page.getByRole('button', { name: '保存家庭' }).click();
    expect(await textOfError(errorUnder(child, '出生日期'))).toContain('出生日期 2027-03-01 晚于今天');
    expect(await errorUnder(child, '入园日期').count()).toBe(0);
    await shot('form-errors');
  });

  it('imports a roster with two title rows, synonyms and health columns, and names what it leaves out', async () => {
    const names = ['薛诗涵', '温子墨'].map((n) => `${n}${size === '1024' ? '' : '二'}`);
    const file = await workbook({
      titles: ['崇川区阳光幼儿园2025年秋季学期在园幼儿花名册', ['填表日期：2025年9月1日', '填表人：吴老师']],
      header: ['序号', '班级', '孩子姓名', '性别', '民族', '出生年月日', '监护人', '与幼儿关系', '联系方式', '过敏史', '接送说明'],
      rows: [
        [1, '苗苗班', names[0]!, '女', '汉族', '2023-02-14', '薛强', '父亲', `１３９ ０${size.slice(0, 3)} ７７０１`, '花生、鸡蛋', '只由爸爸或奶奶接'],
        [2, '苗苗班', names[1]!, '男', '回族', '2023/5/2', '温静', '母亲', `0086-139-0${size.slice(0, 3)}-7702`, '', ''],
      ],
    });
    await go('/families/import');
    await page.locator('input[type=file]').setInputFiles({ name: '2025秋花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    const columns = page.getByTestId('import-columns');
    await columns.getByText('孩子姓名', { exact: true }).waitFor();
    expect(await page.getByText('表头在第 3 行').count()).toBe(1);
    expect(await page.getByTestId('import-column-2').innerText()).toContain(names[0]!);
    expect(await page.getByTestId('import-column-9').locator('input:not([type=hidden])').inputValue()).toMatch(/^健康与安全提示/);
    expect(await waitForText(page.getByTestId('import-unkept'), '民族')).toMatch(/以下 2 列不会导入[\s\S]*序号[\s\S]*民族/);
    await waitForText(page.getByTestId('import-summary'), '2 行可导入');
    expect(await page.getByTestId('import-health-notes').first().innerText()).toBe('过敏史：花生、鸡蛋；接送说明：只由爸爸或奶奶接');
    await shot('roster-import');
    await page.getByTestId('import-commit').click();
    await page.getByText('已导入 2 名幼儿').waitFor();

    // The household shows the notes, and the child form edits them.
    const householdId = sqlite().prepare('SELECT household_id FROM children WHERE name = ?').pluck().get(names[0]) as number;
    await go(`/families/household/${householdId}`);
    await waitForText(page.getByTestId('child-health-notes-card'), '花生、鸡蛋');
    await page.getByTestId('child-card').getByRole('button', { name: '编辑' }).click();
    expect(await page.getByTestId('child-health-notes').inputValue()).toContain('只由爸爸或奶奶接');
    await page.keyboard.press('Escape');
    await shot('household-health');
  });

  it('offers the family’s address for a new guardian, records whom a call was with, and files a complaint with its child, handler and deadline', async () => {
    const child = sqlite().prepare("SELECT c.name, c.household_id AS householdId FROM children c JOIN households h ON h.id = c.household_id WHERE h.address != '' AND c.status = 'enrolled' ORDER BY c.id LIMIT 1").get() as { name: string; householdId: number };
    const address = sqlite().prepare('SELECT address FROM households WHERE id = ?').pluck().get(child.householdId) as string;
    const guardian = sqlite().prepare('SELECT name FROM guardians WHERE household_id = ? ORDER BY id LIMIT 1').pluck().get(child.householdId) as string;
    await go(`/families/household/${child.householdId}`);
    await page.getByTestId('guardians-table').waitFor();
    await page.getByRole('button', { name: '添加家长' }).click();
    const modal = page.getByRole('dialog');
    expect(await modal.getByLabel('住址').inputValue()).toBe(address);
    await shot('guardian-address');
    await page.keyboard.press('Escape');

    const contact = page.getByTestId('contact-form');
    await choose(contact.getByTestId('contact-guardian'), new RegExp(`^${guardian}`));
    await contact.getByLabel('主题').fill('过敏药');
    await contact.getByRole('button', { name: '记录沟通' }).click();
    await waitForText(page.getByTestId('contact-list'), `与 ${guardian} 沟通`);

    await page.getByRole('button', { name: '登记意见' }).click();
    const form = page.getByRole('dialog');
    await choose(form.getByLabel('类别'), '伙食');
    await form.getByLabel('意见内容').fill('午饭分量不够');
    await choose(form.getByTestId('feedback-child'), child.name);
    expect(await form.getByTestId('feedback-class').inputValue()).not.toBe('');
    await choose(form.getByTestId('feedback-handler'), '吴老师（前台）');
    expect(await form.getByTestId('feedback-due').inputValue()).toBe('2026-11-30');
    await shot('complaint-form');
    await form.getByRole('button', { name: '保存' }).click();
    await go('/families/feedback');
    const row = page.getByTestId('feedback-table').getByRole('row').filter({ hasText: '午饭分量不够' });
    expect(await waitForText(row, '吴老师')).toMatch(new RegExp(`${child.name}[\\s\\S]*吴老师（前台）[\\s\\S]*2026-11-30 前`));
  });

  it('shows a child’s health notes in the roll call row', async () => {
    await go('/attendance');
    await page.getByLabel('班级', { exact: true }).first().click();
    await page.getByRole('option', { name: '苗苗班' }).click();
    const name = `薛诗涵${size === '1024' ? '' : '二'}`;
    const row = page.getByTestId(`roll-row-${name}`);
    expect(await waitForText(row.getByTestId('roll-health-notes'), '花生')).toBe('过敏史：花生、鸡蛋；接送说明：只由爸爸或奶奶接');
    await shot('roll-call-health');
  });

  it('enters leave by name, refuses "to" before "from" at the field, lists it and cancels it', async () => {
    const name = `温子墨${size === '1024' ? '' : '二'}`;
    const initials = sqlite().prepare('SELECT name_initials FROM children WHERE name = ?').pluck().get(name) as string;
    await go('/attendance/leave');
    const picker = page.getByTestId('leave-child');
    await picker.click();
    await picker.fill(initials);
    await page.getByRole('option', { name: `${name}（苗苗班）` }).waitFor();
    await page.keyboard.press('Enter');
    expect(await picker.inputValue()).toBe(`${name}（苗苗班）`);
    await typeDate(page.getByTestId('leave-first'), '2026-11-26');
    await typeDate(page.getByTestId('leave-last'), '2026-11-24');
    // Nothing moved behind the person's back: the "to" date stays and says what is wrong.
    expect(await page.getByTestId('leave-last').inputValue()).toBe('2026-11-24');
    expect(await textOfError(errorUnder(page, '到'))).toBe('结束日期 2026-11-24 早于开始日期 2026-11-26');
    await typeDate(page.getByTestId('leave-last'), '2026-11-27');
    await page.getByTestId('leave-submit').click();
    await waitForText(page.getByTestId('leave-done'), '病假 2 天');
    const listed = page.getByTestId(`upcoming-${name}`);
    expect(await waitForText(listed, '2026-11-26')).toMatch(/2026-11-26 ～ 2026-11-27[\s\S]*2 天[\s\S]*病假/);
    await shot('leave-upcoming');
    await page.getByTestId(`cancel-leave-${name}`).click();
    await page.getByTestId('cancel-leave-confirm').click();
    await listed.waitFor({ state: 'detached' });
    expect(sqlite().prepare("SELECT count(*) FROM attendance WHERE child_id = (SELECT id FROM children WHERE name = ?) AND date >= '2026-11-23'").pluck().get(name)).toBe(0);

    // Into a year without a calendar: the message says what can be done and links to where.
    await typeDate(page.getByTestId('leave-first'), '2026-12-28');
    await typeDate(page.getByTestId('leave-last'), '2027-01-05');
    await page.getByTestId('leave-submit').click();
    const link = page.getByTestId('error-link');
    expect(await waitForText(link, '录入 2027 年法定日历')).toBe('录入 2027 年法定日历');
    expect(await textOfError(errorUnder(page, '到'))).toBe('2027 年的法定日历还没有录入');
    await shot('leave-no-calendar');
    await link.click();
    await page.getByText('录入一年的法定日历').waitFor();
  });

  it('imports a 问卷星 export without a class column, asks once about an unknown wording, and reviews it with two decimals', async () => {
    const overview = (await callBackend(app.backend, 'surveys.overview', {}, await session(page))) as { ok: true; value: { semesters: { id: number }[]; classes: { id: number; name: string }[] } };
    const classIds = overview.value.classes.filter((c) => ['苗苗班', '向日葵班'].includes(c.name)).map((c) => c.id);
    const created = (await callBackend(app.backend, 'surveys.createRun', { template: 'builtin', title: `冬季调查${size}`, semesterId: overview.value.semesters[0]!.id, classIds, anonymous: true }, await session(page))) as { ok: true; value: { id: number } };
    const runId = created.value.id;
    const levels = ['非常满意', '满意', '一般', '不满意', '非常不满意', '很满意', '比较满意', '不太满意'];
    const header = [...WJX_META, ...BUILT_IN_TEMPLATE.questions.map((q, i) => `${i + 1}、${q.text.replace('幼儿园', '本园')}（${q.kind === 'multi' ? '多选题' : q.kind === 'text' ? '填空题' : '单选题'}）`)];
    const rows: Cell[][] = Array.from({ length: 12 }, (_, r) => [
      ...wjxMeta(r + 1, r),
      ...BUILT_IN_TEMPLATE.questions.map((q, i) =>
        q.kind === 'rating' ? (r === 0 && i === 0 ? '还行吧' : levels[(r + i) % levels.length]!) : q.kind === 'nps' ? String((r * 7) % 11) : q.kind === 'single' ? q.options[r % q.options.length]! : q.kind === 'multi' ? q.options[r % q.options.length]! : '(跳过)',
      ),
    ]);
    await go(`/surveys/run/${runId}/entry`);
    await page.getByRole('tab', { name: '导入线上问卷表格' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: '家长满意度_问卷星.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook({ header, rows }) });
    await page.getByTestId('import-columns').waitFor();
    await waitForText(page.getByTestId('import-preview'), '请选择整份文件属于哪个班');
    await choose(page.getByTestId('import-file-class').locator('input:not([type=hidden])'), '班级未知（只计入全园总数）');
    const labels = page.getByTestId('import-labels');
    await waitForText(labels, '有 1 种写法没有识别');
    expect(await labels.getByTestId('label-非常不满意').innerText()).toMatch(/非常不满意[\s\S]*同义词/);
    await shot('survey-import');
    await choose(labels.getByTestId('label-还行吧').locator('input:not([type=hidden])'), '3 一般');
    await waitForText(page.getByTestId('import-summary'), '可以导入 12 份（其中 12 份班级未知）');
    await page.getByTestId('import-commit').click();
    await page.getByText('已导入 12 份答卷').waitFor();

    await go(`/surveys/run/${runId}/review`);
    // Anonymous: while collecting, only the count shows; the figures come once the principal closes it.
    await waitForText(page.getByTestId('review-held'), '结束收集');
    await page.getByRole('button', { name: '结束调查' }).click();
    await waitForText(page.getByTestId('summary-unknown-class'), '其中 12 份班级未知');
    const invited = sqlite().prepare('SELECT sum(invited) FROM survey_run_classes WHERE run_id = ?').pluck().get(runId) as number;
    expect(await page.getByTestId('summary-responses').innerText()).toContain(`12 / ${invited}`);
    const means = [...(await page.getByTestId('lowest-first').getByTestId('mean').allInnerTexts()), await page.getByTestId('summary-overall').getByTestId('mean').innerText()];
    expect(means.length).toBeGreaterThan(5);
    for (const m of means) expect(m).toMatch(/^\d\.\d\d$/);
    // The 0–10 chart counts in nice steps.
    const nps = page.locator('[data-testid^="review-q-"]', { hasText: '推荐' }).first();
    const tickLabels = nps.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await tickLabels.nth(1).waitFor();
    // The 0 tick is left blank by the chart's value formatter (empty bars show no "0" either).
    const ticks = (await tickLabels.evaluateAll((els) => els.map((e) => e.textContent ?? ''))).map(Number);
    expect(ticks[0]).toBe(0);
    expect(new Set(ticks.slice(1).map((v, i) => v - ticks[i]!)).size).toBe(1);
    expect([1, 2, 5, 10]).toContain(ticks[1]);
    await shot('survey-review');

    await go(`/print/survey-report/${runId}`);
    await page.getByTestId('report-ready').waitFor();
    const pdf = join(app.dir, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SCREENSHOTS, `desk-survey-report-${size}`)]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
    // Long question texts wrap in the class table instead of being cut.
    expect(text).toContain('您对家园沟通（家长会、班级群、联系手册）是否满意？');

    await go('/surveys');
    const builtIn = page.getByRole('row', { name: /家长满意度调查（园所标准版）/ }).filter({ hasText: '已用于' });
    expect(await waitForText(builtIn, '15 题')).toMatch(/15 题[\s\S]*已用于 [3-9] 次调查/);
  });

  it('reads the audit trail and the refund in English in the English interface', async () => {
    await go('/settings/audit');
    await page.getByText('English', { exact: true }).click();
    const table = page.getByTestId('audit-table');
    const text = await waitForText(table, 'Leave cancelled');
    expect(text).toContain('Leave recorded');
    expect(text).toMatch(/not recorded → Sick|Sick → not recorded/);
    expect(text).not.toMatch(/staffId|未记录|（空）/);
    await shot('audit-en');

    await go('/billing/refund');
    await page.getByLabel('Education fee paid').fill('520');
    await page.getByLabel('Meal fee paid').fill('-300');
    await page.getByLabel('Days present').fill('6');
    await page.getByRole('button', { name: /Compute|Calculate/ }).click();
    expect(await textOfError(page.locator('.mantine-InputWrapper-root', { has: page.getByLabel('Meal fee paid') }).locator('.mantine-InputWrapper-error'))).toBe('The amount cannot be negative');
    await page.getByLabel('Meal fee paid').fill('300');
    await page.getByRole('button', { name: /Compute|Calculate/ }).click();
    const lines = await waitForText(page.getByTestId('refund-lines'), 'yuan');
    expect(lines).toMatch(/days present this month[\s\S]*refunds 50% of the education fee, 260\.00 yuan/);
    expect(lines).not.toMatch(/[\u4e00-\u9fff]{4,}/);
    await shot('refund-en');

    // Paper entry's keyboard hint names the keys in English too (it showed 空格 for Space).
    await go('/surveys/run/2/entry');
    const hint = await waitForText(page.getByText(/^Keyboard:/), 'then Space');
    expect(hint).not.toMatch(/[\u4e00-\u9fff]/);

    // A family's account sums up in words a desk reads (it said "up 2415.00 · down 2415.00").
    await go('/billing/ledger/1');
    expect(await waitForText(page.getByTestId('account-summary'), 'charged')).toMatch(/^Opening [\d.]+ · charged [\d.]+ · paid or credited [\d.]+ · closing/);
    await page.getByText('中文', { exact: true }).click();
  });
});

async function textOfError(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().innerText()).trim();
}

/** The signed-in session of the page (sessionStorage), to set up data through the same backend. */
function session(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('kd.session') ?? '');
}
