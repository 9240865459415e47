import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/server/http-server';
import { type AppUnderTest, SCREENSHOTS, startApp } from './harness';

// The backend's clock is fixed at Monday 2026-11-23 10:00
// Beijing time: the demo's roll calls end on Friday the 20th, and the screens
// take "today" from the backend, so this test means the same on any day.
const NOW = new Date('2026-11-23T02:00:00Z');

let app: AppUnderTest;
let page: Page;
let server: RunningServer;

const shot = (name: string) => app.screenshot(name);
const sqlite = () => app.backend.database().sqlite;
const classId = (name: string) => (sqlite().prepare('SELECT id FROM classes WHERE name = ?').get(name) as { id: number }).id;
const count = (childId: number, month: string, status: string) =>
  (sqlite().prepare(`SELECT count(*) AS n FROM attendance WHERE child_id = ? AND status = ? AND substr(date, 1, 7) = ?`).get(childId, status, month) as { n: number }).n;

beforeAll(async () => {
  app = await startApp({ demo: true, now: NOW, user: 'qiantai' });
  ({ page, server } = app);
});

afterAll(async () => {
  await app?.close();
});

async function chooseClass(name: string) {
  await page.getByLabel('班级', { exact: true }).first().click();
  await page.getByRole('option', { name }).click();
}

describe('attendance in the browser', () => {
  const star = () => classId('星星班');
  const kids = () => sqlite().prepare(`SELECT id, name, name_initials AS initials FROM children WHERE class_id = ? ORDER BY name_pinyin, id`).all(star()) as {
    id: number;
    name: string;
    initials: string;
  }[];

  it('takes a roll call keyboard-only: absences with reasons and a note, Enter to save', async () => {
    await page.goto(`${server.url.split('#')[0]}#/attendance`);
    await expect.poll(() => page.getByTestId('calendar-warning').isVisible()).toBe(true);
    await chooseClass('星星班');
    const [first, second, third] = kids();
    const filter = page.getByTestId('roll-filter');
    await filter.waitFor();
    await shot('attendance-roll-call-empty');

    const started = Date.now();
    await filter.focus();
    await page.keyboard.type(second!.initials);
    await page.keyboard.press('2'); // 病假
    await page.keyboard.type(third!.initials);
    await page.keyboard.press('3'); // 事假
    await page.keyboard.press('4'); // the first child (highlighted again): 其他
    await page.getByLabel(`${second!.name} 备注`).fill('发烧');
    await page.keyboard.press('Enter'); // back to the search box
    await page.keyboard.press('Enter'); // save
    await page.getByText(/已保存 星星班 2026-11-23 点名：出勤 17，病假 1，事假 1，其他 1/).waitFor();
    expect(Date.now() - started).toBeLessThan(60_000);

    const saved = sqlite().prepare(`SELECT child_id AS id, status, note FROM attendance WHERE date = '2026-11-23'`).all() as { id: number; status: string; note: string }[];
    expect(saved).toHaveLength(20);
    expect(saved.find((r) => r.id === second!.id)).toMatchObject({ status: 'sick', note: '发烧' });
    expect(saved.find((r) => r.id === third!.id)).toMatchObject({ status: 'personal' });
    expect(saved.find((r) => r.id === first!.id)).toMatchObject({ status: 'other' });
    await expect.poll(() => page.getByTestId(`roll-row-${second!.name}`).getAttribute('data-status')).toBe('sick');
    await shot('attendance-roll-call-saved');

    // A weekend is shown as such and cannot be marked.
    await page.getByRole('button', { name: '前一天' }).click();
    await page.getByTestId('not-working-day').waitFor();
    expect(await page.getByTestId('roll-filter').count()).toBe(0);
  });

  it('enters a week of sick leave ahead', async () => {
    const child = kids()[4]!;
    await page.getByRole('tab', { name: '请假登记' }).click();
    await chooseClass('星星班');
    await page.getByTestId('leave-child').click();
    await page.getByTestId('leave-child').fill(child.name);
    await page.getByRole('option', { name: new RegExp(child.name) }).click();
    await page.getByTestId('leave-first').fill('2026-11-30');
    await page.getByTestId('leave-last').fill('2026-12-06');
    await page.getByTestId('leave-submit').click();
    await page.getByTestId('leave-done').getByText('病假 5 天').waitFor();
    expect(count(child.id, '2026-12', 'sick')).toBe(4);
    expect(count(child.id, '2026-11', 'sick')).toBeGreaterThanOrEqual(1);
  });

  it('corrects a past day and shows the history (who, when, old, new)', async () => {
    const child = kids()[5]!;
    const before = sqlite().prepare(`SELECT status FROM attendance WHERE child_id = ? AND date = '2026-11-20'`).get(child.id) as { status: string };
    await page.goto(`${server.url.split('#')[0]}#/attendance/child/${child.id}/2026-11`);
    await page.getByTestId('day-2026-11-20').click();
    const target = before.status === 'personal' ? '病假' : '事假';
    await page.getByTestId('correct-status').getByText(target).click();
    await page.getByTestId('correct-reason').fill('家长补交请假条');
    await page.getByTestId('correct-save').click();
    const history = page.getByTestId('history-table');
    await history.getByText('家长补交请假条').waitFor();
    const row = history.locator('tr', { hasText: '2026-11-20' });
    expect(await row.innerText()).toMatch(new RegExp(`${{ present: '出勤', sick: '病假', personal: '事假', other: '其他' }[before.status]}[\\s\\S]*${target}[\\s\\S]*吴老师（前台）`));
    await shot('attendance-child-history');
  });

  it('records a closure day for a class', async () => {
    await page.goto(`${server.url.split('#')[0]}#/attendance/closures`);
    await chooseClass('星星班');
    await page.getByTestId('closure-first').fill('2026-11-24');
    await page.getByTestId('closure-last').fill('2026-11-24');
    await page.getByTestId('closure-reason').fill('水痛停课消毒');
    await page.getByTestId('closure-add').click();
    await page.getByTestId('closure-table').getByText('水痛停课消毒').waitFor();
  });

  it('shows a monthly summary that matches what was entered, and the rate chart', async () => {
    await page.goto(`${server.url.split('#')[0]}#/attendance/month?month=2026-11&class=${star()}`);
    const [first, second, third, , leave, corrected] = kids();
    const table = page.getByTestId('summary-table');
    await table.waitFor();
    for (const child of [first!, second!, third!, leave!, corrected!]) {
      const cells = (await page.getByTestId(`summary-row-${child.name}`).locator('td').allInnerTexts()).slice(2).map(Number);
      // present, sick, personal, other, closures, own holidays, not recorded, W
      expect(cells.slice(0, 4)).toEqual(['present', 'sick', 'personal', 'other'].map((s) => count(child.id, '2026-11', s)));
      expect(cells[4]).toBe(1);
      expect(cells[7]).toBe(21);
    }
    expect(count(second!.id, '2026-11', 'sick')).toBeGreaterThanOrEqual(1);
    await page.getByTestId('rate-chart').waitFor();
    await shot('attendance-month-summary');
  });

  it('prints the class sheet on A4 landscape with the right totals', async () => {
    // Same tab: the session lives in this tab's sessionStorage.
    await page.goto(`${server.url.split('#')[0]}#/print/attendance-sheet/${star()}/2026-11`);
    await page.reload(); // a fresh document, as the print window is: no leftover notifications
    await page.getByTestId('attendance-sheet').waitFor();
    const pdf = join(app.dir, 'sheet.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'attendance-sheet-pdf')]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/); // A4 landscape
    expect(info).toMatch(/Pages:\s+1\n/);
    const totals = sqlite()
      .prepare(
        `SELECT a.status, count(*) AS n FROM attendance a JOIN children c ON c.id = a.child_id
         WHERE c.class_id = ? AND a.date LIKE '2026-11-%' GROUP BY a.status`,
      )
      .all(star()) as { status: string; n: number }[];
    const n = (s: string) => totals.find((t) => t.status === s)?.n ?? 0;
    expect(text).toContain('星星班');
    expect(text).toContain('法定工作日 W：21 天');
    expect(text).toContain(`合计：出勤 ${n('present')} 人次，病假 ${n('sick')}，事假 ${n('personal')}，其他 ${n('other')}。`);
    const firstChild = kids()[0]!;
    const line = text.split('\n').find((l) => l.includes(firstChild.name))!;
    const tail = line.trim().split(/\s+/).slice(-5).map(Number);
    expect(tail).toEqual([count(firstChild.id, '2026-11', 'present'), count(firstChild.id, '2026-11', 'sick'), count(firstChild.id, '2026-11', 'personal'), count(firstChild.id, '2026-11', 'other'), 1]);
  });

  it('shows the legal calendar with holidays and make-up days, and a missing year', async () => {
    await page.goto(`${server.url.split('#')[0]}#/attendance/calendar`);
    await page.getByTestId('calendar-month').fill('2026-10');
    await page.getByTestId('calendar-w').getByText('2026-10 法定工作日 18 天').waitFor();
    expect(await page.getByTestId('cal-2026-10-10').getAttribute('data-kind')).toBe('makeup_workday');
    expect(await page.getByTestId('cal-2026-10-01').getAttribute('data-kind')).toBe('holiday');
    await shot('attendance-calendar');
    await page.getByTestId('calendar-month').fill('2027-01');
    await page.getByTestId('calendar-missing').waitFor();
  });
});
