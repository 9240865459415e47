import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppUnderTest, startApp, textOf, waitForText } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// Each area's heading, and what it shows once its data has arrived (the picture is taken then).
const AREAS: [id: string, heading: string, loaded: (page: Page) => Locator][] = [
  ['families', '幼儿与家长', (page) => page.getByTestId('roster-table').getByRole('row').nth(1)],
  ['attendance', '考勤', (page) => page.getByTestId('roll-filter')],
  ['billing', '收费', (page) => page.getByRole('tab', { name: '缴费登记' })],
  ['surveys', '满意度调查', (page) => page.getByTestId('run-list').getByText('2026秋季期中家长满意度调查')],
  ['reports', '报表', (page) => page.getByTestId('report-export')],
  ['settings', '设置', (page) => page.getByLabel('幼儿园名称')],
];

describe('browser mode, first start', () => {
  it('sets up a kindergarten through the wizard and lands in the app as its principal', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('button', { name: '开始设置' }).click();
    await page.getByLabel('幼儿园名称').fill('南通市崇川区实验幼儿园');
    await app.screenshot('setup-profile');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('学年', { exact: true }).waitFor();
    await app.screenshot('setup-school-year');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '添加班级' }).click();
    await page.getByLabel('班级名称').last().fill('托一班');
    await app.screenshot('setup-classes');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('姓名').fill('陈园长');
    await page.getByLabel('登录名').fill('chen');
    await page.getByLabel(/^密码/).fill('short');
    await page.getByLabel('再次输入密码').fill('short');
    await page.getByRole('button', { name: '完成设置' }).click();
    // The backend's rule comes back in Chinese, and nothing is created.
    await waitForText(page.getByTestId('setup-error'), '密码至少 8 位');
    const db = app.backend.database().sqlite;
    expect(db.prepare('SELECT count(*) AS n FROM kindergarten').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM classes').get()).toEqual({ n: 0 });

    await page.getByLabel(/^密码/).fill('kinder2026');
    await page.getByLabel('再次输入密码').fill('kinder2026');
    await page.getByRole('button', { name: '完成设置' }).click();
    expect(await waitForText(page.getByTestId('current-user'), '陈园长')).toContain('园长');
    expect(await textOf(page.getByRole('heading', { level: 4 }))).toBe('南通市崇川区实验幼儿园');

    expect(db.prepare('SELECT name FROM classes ORDER BY id').all()).toEqual([
      { name: '小一班' },
      { name: '中一班' },
      { name: '大一班' },
      { name: '托一班' },
    ]);
    expect(db.prepare('SELECT first_month, last_month FROM semesters ORDER BY id').all()).toHaveLength(2);
    expect(db.prepare("SELECT role FROM staff WHERE username = 'chen'").get()).toEqual({ role: 'principal' });

    await page.getByTestId('nav-settings').click();
    await page.getByRole('tab', { name: '班级' }).click();
    await page.getByRole('cell', { name: '托一班' }).waitFor();
    await app.screenshot('settings-classes');
  });

  it('loads the demo kindergarten and opens every area in Chinese', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('button', { name: '载入演示幼儿园' }).waitFor();
    await app.screenshot('welcome');
    await page.getByRole('button', { name: '载入演示幼儿园' }).click();
    expect(await textOf(page.getByTestId('demo-badge'))).toBe('演示数据');
    expect(await textOf(page.getByTestId('current-user'))).toContain('周园长');
    for (const [id, label, loaded] of AREAS) {
      await page.getByTestId(`nav-${id}`).click();
      expect(await textOf(page.getByRole('heading', { level: 2 }))).toBe(label);
      await loaded(page).first().waitFor();
      await app.screenshot(`area-${id}`);
    }
    const db = app.backend.database().sqlite;
    expect(db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 120 });
    expect(db.prepare('SELECT count(*) AS n FROM classes').get()).toEqual({ n: 5 });
  });

  it('refuses a wrong password, signs in, switches to English and signs out', async () => {
    app = await startApp({ demo: true });
    const { page } = app;
    await page.getByText('演示账号（点击填入）').waitFor();
    await app.screenshot('login-demo');
    await app.trySignIn('qiantai', 'wrong-password');
    await page.getByText('登录名或密码不正确。').waitFor();
    await app.signIn('qiantai', 'demo1234');
    expect(await textOf(page.getByTestId('current-user'))).toContain('前台');
    // Front desk has no reports area.
    expect(await page.getByTestId('nav-reports').count()).toBe(0);
    await page.getByText('English').click();
    await waitForText(page.getByTestId('nav-families'), 'Children & families');
    await app.screenshot('shell-english');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
