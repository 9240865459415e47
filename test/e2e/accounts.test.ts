import { closeSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppUnderTest, apiCall, startApp, waitForText } from './harness';
import { callBackend } from '../backend';

let app: AppUnderTest;

async function choose(label: string, option: string) {
  await app.page.getByLabel(label, { exact: false }).first().click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  app = await startApp({ demo: true });
  await app.signIn('admin', 'demo1234');
});
afterAll(async () => {
  await app?.close();
});

describe('accounts, audit trail, backups and the idle lock', () => {
  it('the principal creates a teacher account with a class, resets a password and disables an account', async () => {
    const page = app.page;
    await page.goto(`${app.server.url.split('#')[0]}#/settings/accounts`);
    await page.getByTestId('accounts-table').waitFor();
    await page.getByTestId('account-create').click();
    await page.getByLabel('登录名').fill('zhanglaoshi');
    await page.getByLabel('姓名').fill('张敏');
    await choose('角色', '教师');
    await page.getByRole('button', { name: '创建账号' }).click();
    // A teacher without a class is refused with the reason next to the field.
    await waitForText(page.getByRole('alert'), '教师账号须选择所带班级');
    await app.screenshot('account-create-form');
    await choose('所带班级', '向日葵班');
    await page.getByRole('button', { name: '创建账号' }).click();
    const notice = await waitForText(page.getByTestId('account-notice'), '已创建账号');
    expect(notice).toMatch(/临时密码 [a-z]{4}\d{4}/);
    await waitForText(page.getByTestId('account-zhanglaoshi'), '向日葵班');

    const desk = page.getByTestId('account-qiantai');
    await desk.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
    await waitForText(page.getByTestId('account-notice'), '已重置密码');

    await page.getByTestId('account-caiwu').getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await waitForText(page.getByTestId('account-caiwu'), '已停用');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await app.screenshot('accounts-list');
  });

  it('the audit trail shows who changed what, with old and new values, and filters by kind', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: '操作记录' }).click();
    await page.getByTestId('audit-table').waitFor();
    await waitForText(page.getByTestId('audit-table'), '停用账号 孙会计');
    // The disabled account's change shows as a readable field diff, not JSON.
    const diff = await waitForText(page.getByTestId('audit-diff').first(), '已停用');
    expect(diff).toContain('否 → 是');
    expect((await page.getByTestId('audit-table').textContent()) ?? '').not.toContain('{"');
    // The list is read once the filter has been applied, not while the unfiltered one is still shown.
    await choose('类别', '系统');
    await waitForText(page.getByTestId('audit-table'), '载入演示数据', { without: '停用账号' });
    await choose('类别', '账号');
    await waitForText(page.getByTestId('audit-table'), '新建账号', { without: '载入演示数据' });
    await app.screenshot('audit-trail');
    // The demo's month-end settlement reads in words and yuan, not as stored (totalFen 294272, source app).
    await choose('类别', '钱款');
    const settlement = await waitForText(page.getByTestId('audit-table'), '月结', { without: '新建账号' });
    const total = /退费合计 (\d+\.\d{2}) 元/.exec(settlement)![1];
    expect(settlement).toMatch(new RegExp(`合计\\s+${total} 元`));
    expect(settlement).toMatch(/来源\s+本软件[\s\S]*幼儿人数\s+120/);
    expect(settlement).not.toMatch(/totalFen|ledgerEntries|unsettled|children|\bapp\b/);
    await app.screenshot('audit-trail-settlement');
  });

  it('backs up now into a chosen folder, refuses a corrupt backup and restores a good one', async () => {
    const page = app.page;
    const usb = join(app.dir, 'U盘备份');
    mkdirSync(usb);
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByTestId('backup-folder').fill(usb);
    await page.getByRole('button', { name: '使用此文件夹' }).click();
    await waitForText(page.getByTestId('backup-list'), '手动');
    await page.getByTestId('backup-now').click();
    await waitForText(page.getByTestId('backup-done'), usb);
    await app.screenshot('backup-list');

    // The older of the two backups gets damaged on the drive: it is refused and nothing changes.
    const [older, newer] = readdirSync(usb).sort();
    const restoreButton = (file: string) => page.getByTestId('backup-list').getByRole('row').filter({ hasText: file }).getByRole('button', { name: '恢复…' });
    const fd = openSync(join(usb, older!), 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 4);
    closeSync(fd);
    const staffBefore = app.backend.database().sqlite.prepare('SELECT count(*) AS n FROM staff').get();
    await restoreButton(older!).click();
    await waitForText(page.getByTestId('restore-refused'), '损坏');
    await app.screenshot('backup-restore-refused');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(app.backend.database().sqlite.prepare('SELECT count(*) AS n FROM staff').get()).toEqual(staffBefore);

    // A new account after the backup; the restore takes the data back to before it.
    const created = await callBackend(app.backend, 'auth.login', { username: 'admin', password: 'demo1234' });
    const session = created.ok ? (created.value as { session: string }).session : null;
    await callBackend(app.backend, 'staff.create', { username: 'houlai', displayName: '后来的人', role: 'finance', password: 'abcd1234' }, session);

    await restoreButton(newer!).click();
    await waitForText(page.getByRole('dialog'), '完整性检查通过');
    await app.screenshot('backup-restore-confirm');
    await page.getByTestId('restore-understood').click();
    await page.getByTestId('restore-confirm').click();
    await waitForText(page.getByTestId('restore-done'), '已恢复');
    await app.screenshot('backup-restored');
    const live = app.backend.database().sqlite;
    expect(live.prepare("SELECT 1 FROM staff WHERE username = 'houlai'").get()).toBeUndefined();
    await page.getByRole('button', { name: '重新登录' }).click();
    await page.getByLabel('登录名').waitFor();
  });

  it('locks the screen after the idle minutes and unlocks with the password', async () => {
    const page = app.page;
    await app.signIn('admin', 'demo1234');
    await page.clock.install();
    // The clock moves only once the page has read the minutes in force (10, the default).
    const setting = apiCall(page, 'staff.idleLock');
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    expect((await setting).value).toEqual({ minutes: 10 });
    await page.clock.fastForward('10:10');
    await page.getByTestId('idle-lock').waitFor();
    await app.screenshot('idle-lock');
    await page.getByTestId('idle-lock').getByLabel('密码').fill('wrong-pass1');
    await page.getByRole('button', { name: '解锁' }).click();
    await waitForText(page.getByTestId('idle-lock'), '登录名或密码不正确');
    await page.getByTestId('idle-lock').getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByTestId('idle-lock').waitFor({ state: 'detached' });
    await page.getByTestId('current-user').waitFor();
  });

  it('new idle-lock minutes apply at once, without signing in again', async () => {
    const page = app.page;
    await page.goto(`${app.server.url.split('#')[0]}#/settings/accounts`);
    const field = page.getByTestId('idle-minutes');
    await field.fill('3');
    const saved = apiCall(page, 'staff.setIdleLock');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await saved).toMatchObject({ ok: true, value: { minutes: 3 } });
    await waitForText(page.locator('.mantine-Notification-root'), '立即生效');
    // The new minutes are in effect: read back from the backend into the field, nothing left to save.
    await page.getByRole('button', { name: '保存' }).and(page.locator(':disabled')).waitFor();
    expect(await field.inputValue()).toBe('3 分钟');
    await page.clock.fastForward('03:10');
    await waitForText(page.getByTestId('idle-lock'), '3 分钟无操作');
    await page.getByTestId('idle-lock').getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByTestId('idle-lock').waitFor({ state: 'detached' });
  });

  it('a teacher sees no account, audit or backup tabs, and changes her own password', async () => {
    const page = app.page;
    await page.getByRole('button', { name: '退出' }).click();
    await app.signIn('laoshi', 'demo1234');
    await page.goto(`${app.server.url.split('#')[0]}#/settings/me`);
    await page.getByRole('tab', { name: '我的账号' }).waitFor();
    const tabs = (await page.getByRole('tablist').textContent()) ?? '';
    for (const hidden of ['账号管理', '操作记录', '备份与恢复']) expect(tabs).not.toContain(hidden);
    await page.getByLabel('当前密码').fill('demo1234');
    await page.getByLabel('新密码').first().fill('lina2026');
    await page.getByLabel('再输入一次新密码').fill('lina2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await waitForText(page.getByTestId('password-changed'), '密码已修改');
    await app.screenshot('my-account');
    const check = await callBackend(app.backend, 'auth.login', { username: 'laoshi', password: 'lina2026' });
    expect(check.ok).toBe(true);
  });

  it('after the principal resets a password, the person must choose their own before the app opens', async () => {
    const page = app.page;
    await page.getByRole('button', { name: '退出' }).click();
    const principal = await callBackend(app.backend, 'auth.login', { username: 'admin', password: 'demo1234' });
    const session = principal.ok ? (principal.value as { session: string }).session : null;
    const id = (app.backend.database().sqlite.prepare("SELECT id FROM staff WHERE username = 'laoshi'").get() as { id: number }).id;
    const reset = await callBackend(app.backend, 'staff.resetPassword', { id, password: 'temp2026' }, session);
    expect(reset.ok).toBe(true);

    await page.getByLabel('登录名').waitFor();
    await app.trySignIn('laoshi', 'temp2026');
    await waitForText(page.getByTestId('choose-own-password'), '请设置您自己的密码');
    await app.screenshot('choose-own-password');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await page.getByLabel('新密码').first().fill('mine2026');
    await page.getByLabel('再输入一次新密码').fill('mine2026');
    await page.getByRole('button', { name: '保存新密码并继续' }).click();
    await page.getByTestId('current-user').waitFor();
    const check = await callBackend(app.backend, 'auth.login', { username: 'laoshi', password: 'mine2026' });
    expect(check.ok && (check.value as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
  });
});
