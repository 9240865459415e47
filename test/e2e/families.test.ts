import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../core/calendar/dates';
import { type AppUnderTest, ROOT, startApp, waitForCount, waitForText } from './harness';

let app: AppUnderTest;
let page: Page;
const count = (table: string) => app.backend.database().sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const today = () => localDate(new Date());

async function choose(scope: Locator | Page, label: string, option: string) {
  await scope.getByLabel(label, { exact: false }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function typeDate(scope: Locator | Page, label: string, value: string) {
  const input = scope.getByLabel(label).first();
  await input.fill(value);
  await input.press('Escape');
}

beforeAll(async () => {
  app = await startApp({ demo: true });
  page = app.page;
  await app.signIn('qiantai', 'demo1234');
});
afterAll(async () => {
  await app?.close();
});

describe('families at the front desk', () => {
  it('adds a family with two children and two guardians', async () => {
    await page.getByTestId('nav-families').click();
    await page.getByRole('button', { name: '新增家庭' }).click();
    await page.getByLabel('家庭住址').fill('崇川区濠河路 66 号');

    const first = page.getByTestId('child-form-0');
    await first.getByLabel('幼儿姓名').fill('张小明');
    await choose(first, '性别', '男');
    await typeDate(first, '出生日期', '2023-05-06');
    await choose(first, '班级', '苗苗班');

    await page.getByRole('button', { name: '再添加一名幼儿（兄弟姐妹）' }).click();
    const second = page.getByTestId('child-form-1');
    await second.getByLabel('幼儿姓名').fill('张小红');
    await choose(second, '性别', '女');
    await typeDate(second, '出生日期', '2021/3/9');
    await choose(second, '班级', '太阳班');

    const father = page.getByTestId('guardian-form-0');
    await father.getByLabel('家长姓名').fill('张建军');
    await choose(father, '与幼儿关系', '父亲');
    await father.getByLabel('手机号').fill('137 0000 9321');
    await page.getByRole('button', { name: '再添加一位家长' }).click();
    const mother = page.getByTestId('guardian-form-1');
    await mother.getByLabel('家长姓名').fill('李芳');
    await choose(mother, '与幼儿关系', '母亲');
    // One digit short: the API's message appears under that guardian's mobile, and nothing is saved.
    await mother.getByLabel('手机号').fill('1390000246');
    const before = count('children');
    await page.getByRole('button', { name: '保存家庭' }).click();
    await mother.getByText('手机号应为 11 位数字').waitFor();
    expect(await father.getByText('手机号应为 11 位数字').count()).toBe(0);
    expect(count('children')).toBe(before);
    await app.screenshot('families-new-family-error');

    await mother.getByLabel('手机号').fill('13900002468');
    await app.screenshot('families-new-family-form');
    await page.getByRole('button', { name: '保存家庭' }).click();
    await page.getByText('张小红、张小明 的家庭').waitFor();
    expect(count('children')).toBe(before + 2);
    await waitForCount(page.getByTestId('child-card'), 2);
    // The opened record shows the full number.
    await page.getByTestId('guardians-table').getByText('13700009321').waitFor();
    await app.screenshot('families-household');
  });

  it('stops a guardian picking up, or removes someone entered by mistake after a reminder', async () => {
    const table = page.getByTestId('guardians-table');
    const fatherRow = table.getByRole('row').filter({ hasText: '张建军' });
    await fatherRow.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('可接送幼儿').uncheck();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await fatherRow.getByText('不可接送').waitFor();

    await table.getByRole('row').filter({ hasText: '李芳' }).getByRole('button', { name: '编辑' }).click();
    await dialog.getByRole('button', { name: '移除此家长' }).click();
    await dialog.getByText('只是不再允许接送？').waitFor();
    await app.screenshot('families-remove-guardian');
    await dialog.getByLabel('移除原因').fill('重复登记');
    await dialog.getByRole('button', { name: '确认移除 李芳' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('李芳').waitFor({ state: 'detached' });
    // The father stays on file, marked so the gate can see it.
    expect(await table.getByRole('row').count()).toBe(2);
  });

  it('finds the family by initials and by the last four phone digits, masked in the results', async () => {
    await page.getByRole('link', { name: '返回幼儿名单' }).or(page.getByText('返回幼儿名单')).first().click();
    const search = page.getByLabel('搜索幼儿或家长');
    await search.fill('zxm');
    await page.getByTestId('search-result').filter({ hasText: '张小明' }).waitFor();
    await app.screenshot('families-search-initials');

    await search.fill('9321');
    const hit = page.getByTestId('search-result').filter({ hasText: '张建军' });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('137****9321');
    await expect(hit.textContent()).resolves.not.toContain('13700009321');
    await app.screenshot('families-search-phone');
    await hit.click();
    await page.getByText('张小红、张小明 的家庭').waitFor();
  });

  it('logs a call with a follow-up and sees it in the due list', async () => {
    const form = page.getByTestId('contact-form');
    await form.getByLabel('主题').fill('午睡情况');
    await form.getByLabel('沟通内容摘要').fill('妈妈说孩子午睡难入睡，请老师多关注');
    await typeDate(form, '跟进日期', today());
    await form.getByRole('button', { name: '记录沟通' }).click();
    await page.getByTestId('contact-list').getByText('午睡情况').waitFor();

    await page.goto(`${app.server.url.split('#')[0]}#/families/followups`);
    const due = page.getByTestId('followups-today');
    await due.getByText('午睡情况').waitFor();
    await expect(due.textContent()).resolves.toContain('张小红、张小明');
    await app.screenshot('families-followups');
  });

  it('files a complaint and closes it with a reply', async () => {
    await page.getByTestId('followups-today').getByText('张小红、张小明').click();
    await page.getByRole('button', { name: '登记意见' }).click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, '类别', '伙食');
    await dialog.getByLabel('意见内容').fill('午餐的蔬菜太少，孩子回家说吃不饱');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('nav-families').click();
    await page.getByRole('tab', { name: '意见与投诉' }).click();
    const row = page.getByTestId('feedback-table').getByRole('row').filter({ hasText: '蔬菜太少' });
    await expect(row.textContent()).resolves.toContain('待处理');
    await row.click();
    const handle = page.getByRole('dialog');
    await handle.getByText('已关闭').click();
    await handle.getByLabel('答复或处理结果').fill('已与食堂调整菜谱，每餐增加一份时令蔬菜，并电话告知家长');
    await handle.getByRole('button', { name: '保存' }).click();
    await handle.waitFor({ state: 'hidden' });
    await page.getByText('全部', { exact: true }).click();
    await waitForText(page.getByTestId('feedback-table').getByRole('row').filter({ hasText: '蔬菜太少' }), '已关闭');
    await app.screenshot('families-feedback');
  });

  it('imports the messy roster: bad rows are reported and nothing is written until confirmed', async () => {
    const children = count('children');
    await page.getByRole('button', { name: '导入花名册' }).click();
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test', 'fixtures', 'roster-messy.xlsx'));
    const summary = page.getByTestId('import-summary');
    await summary.getByText('共 10 行：4 行可导入，6 行有问题，0 行已跳过').waitFor();
    await expect(page.getByTestId('import-row-6').textContent()).resolves.toContain('家长1手机号不正确');
    await expect(page.getByTestId('import-row-7').textContent()).resolves.toContain('没有名为“彩虹班”的班级');
    await expect(page.getByTestId('import-row-8').textContent()).resolves.toContain('缺少幼儿姓名');
    await expect(page.getByTestId('import-row-9').textContent()).resolves.toContain('重复');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await app.screenshot('families-import-preview');
    // On a 1024-wide screen a four-character name and a class read whole: 欧阳子墨, 向日葵班 (not 欧阳子 / 墨).
    await page.setViewportSize({ width: 1024, height: 700 });
    // Lines taken by the cell's first text (a name, not the health notes under it).
    const lineCount = (cell: Locator) =>
      cell.evaluate((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => ((n.textContent ?? '').trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
        const range = document.createRange();
        range.selectNodeContents(walker.nextNode() ?? el);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      });
    await waitForText(page.getByTestId('import-row-4'), '欧阳子墨');
    expect(await lineCount(page.getByTestId('import-row-4').locator('td:nth-child(2)'))).toBe(1);
    expect(await lineCount(page.getByTestId('import-row-6').locator('td:nth-child(4)'))).toBe(1);
    await app.screenshot('families-import-preview-1024', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 860 });
    expect(count('children')).toBe(children);

    // Fix the phone on row 6, skip the rest.
    await page.getByTestId('import-row-6').getByRole('button', { name: '修改' }).click();
    const fix = page.getByRole('dialog');
    await fix.getByLabel('家长1手机').fill('13812345670');
    await fix.getByRole('button', { name: '确定' }).click();
    await summary.getByText('共 10 行：5 行可导入，5 行有问题，0 行已跳过').waitFor();
    await page.getByRole('button', { name: '跳过所有有问题的行' }).click();
    await summary.getByText('共 10 行：5 行可导入，0 行有问题，5 行已跳过').waitFor();
    expect(count('children')).toBe(children);
    await page.getByTestId('import-commit').click();
    await page.getByText('已导入 5 名幼儿').waitFor();
    expect(count('children')).toBe(children + 5);
    await app.screenshot('families-import-done');
  });

  it('shows the import check and a family in English too', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Import roster' }).click();
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test', 'fixtures', 'roster-messy.xlsx'));
    await page.getByTestId('import-row-7').getByText('There is no class called “彩虹班”').waitFor();
    // The mapping step lists the file's real headings, each with where it goes.
    expect(await page.getByTestId('import-column-8').locator('input:not([type=hidden])').inputValue()).toBe('Guardian 1 mobile');
    await app.screenshot('families-import-preview-en');

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('Search children or guardians').fill('zxm');
    await page.getByTestId('search-result').filter({ hasText: '张小明' }).click();
    const guardians = page.getByTestId('guardians-table');
    await guardians.getByText('Father').waitFor();
    await guardians.getByText('May not pick up').waitFor();
    await app.screenshot('families-household-en');
    await page.getByText('中文', { exact: true }).click();
  });
});
