import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppUnderTest, SCREENSHOTS, startApp, textOf, waitForText } from './harness';

// A Monday a few weeks before a year without a legal calendar: the warning is on screen.
const NOW = new Date('2026-11-23T02:00:00Z');
const SMALL = { width: 1024, height: 700 };
const LARGE = { width: 1366, height: 768 };

let app: AppUnderTest;
let page: Page;
const go = (hash: string) => page.goto(`${app.server.url.split('#')[0]}#${hash}`);
const box = async (locator: Locator) => (await locator.boundingBox())!;

beforeAll(async () => {
  app = await startApp({ demo: true, now: NOW, user: 'admin', viewport: SMALL });
  page = app.page;
});
afterAll(async () => {
  await app?.close();
});

/** Texts of the cells whose text runs onto a second line (a name broken letter by letter). */
function wrappedCells(cells: Locator): Promise<string[]> {
  return cells.evaluateAll((tds) =>
    tds.flatMap((td) => {
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
      }
      // A rect that starts below the bottom of the first one is on another line.
      const first = rects[0];
      return first && rects.some((r) => r.top >= first.bottom - 1) ? [td.textContent ?? ''] : [];
    }),
  );
}

describe('the screens at 1024x700 and 1366x768', () => {
  it('collapses the menu to icons with tooltips on a 1024-wide screen, and shows the names on a wider one', async () => {
    await go('/families');
    await page.getByTestId('roster-table').waitFor();
    const nav = page.locator('.mantine-AppShell-navbar');
    expect((await box(nav)).width).toBeLessThanOrEqual(80);
    const families = page.getByTestId('nav-families');
    expect((await families.innerText()).trim()).toBe('');
    expect(await families.getAttribute('aria-label')).toBe('幼儿与家长');
    await page.getByTestId('nav-attendance').hover();
    expect(await textOf(page.getByRole('tooltip'))).toBe('考勤');
    await app.screenshot('layout-nav-tooltip-1024', { fullPage: false });
    await page.getByTestId('nav-attendance').click();
    expect(await textOf(page.getByRole('heading', { level: 2 }))).toBe('考勤');

    await page.setViewportSize(LARGE);
    await waitForText(families, '幼儿与家长');
    expect((await box(nav)).width).toBe(200);
    await app.screenshot('layout-attendance-1366', { fullPage: false });
    await page.setViewportSize(SMALL);
    await families.getByText('幼儿与家长').waitFor({ state: 'detached' });
  });

  it('keeps names, classes and statuses of the English roster whole at 1024 wide', async () => {
    await go('/families');
    await page.getByText('English', { exact: true }).click();
    try {
      const table = page.getByTestId('roster-table');
      await table.getByText('Enrolled', { exact: true }).first().waitFor();
      const rows = table.locator('tbody tr');
      // Name, gender, born, class, status: one line each; the guardians column takes the rest.
      for (const column of [1, 2, 3, 4, 5]) expect(await wrappedCells(rows.locator(`td:nth-child(${column})`))).toEqual([]);
      const cut = await table.locator('.mantine-Badge-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
      expect(cut).toEqual([]);
      await app.screenshot('layout-roster-en-1024', { fullPage: false });
      await page.setViewportSize(LARGE);
      await waitForText(page.getByTestId('nav-families'), 'Children & families');
      await app.screenshot('layout-roster-en-1366', { fullPage: false });
    } finally {
      await page.setViewportSize(SMALL);
      await page.getByText('中文', { exact: true }).click();
      await waitForText(page.getByTestId('roster-table').locator('thead'), '姓名');
    }
  });

  it('keeps a household’s guardians, relationships and pick-up badges whole at 1024 wide, in Chinese and English', async () => {
    const badgesCut = (table: Locator) => table.locator('.mantine-Badge-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
    await go('/families/household/1');
    const table = page.getByTestId('guardians-table');
    await table.getByText('紧急联系人', { exact: true }).waitFor();
    const rows = table.locator('tbody tr');
    // Name, relationship, mobile: one line each (外祖母 was broken into 外祖 / 母); the address takes what is left.
    for (const column of [1, 2, 3]) expect(await wrappedCells(rows.locator(`td:nth-child(${column})`))).toEqual([]);
    expect(await badgesCut(table)).toEqual([]);
    await app.screenshot('layout-guardians-1024', { fullPage: false });
    await page.getByText('English', { exact: true }).click();
    try {
      await table.getByText('Emergency contact', { exact: true }).waitFor();
      for (const column of [1, 2, 3]) expect(await wrappedCells(rows.locator(`td:nth-child(${column})`))).toEqual([]);
      expect(await badgesCut(table)).toEqual([]);
      await app.screenshot('layout-guardians-en-1024', { fullPage: false });
    } finally {
      await page.getByText('中文', { exact: true }).click();
      await table.getByText('紧急联系人', { exact: true }).waitFor();
    }
  });

  it('shows the missing-calendar warning as one thin line on attendance and fees screens, with its action', async () => {
    const screens: [string, () => Locator][] = [
      ['/attendance', () => page.getByTestId('roll-filter')],
      ['/attendance/month?month=2026-11', () => page.getByTestId('summary-table')],
      ['/billing/refund', () => page.getByPlaceholder('输入姓名查找')],
    ];
    for (const [hash, loaded] of screens) {
      await go(hash);
      await loaded().waitFor();
      const warning = page.getByTestId('calendar-warning');
      expect(await textOf(warning)).toMatch(/还没有 2027 年的法定日历（39 天后就要用到）[\s\S]*从 2027 年 1 月 1 日起/);
      expect((await box(warning)).height, hash).toBeLessThanOrEqual(44);
    }
    await app.screenshot('layout-billing-1024', { fullPage: false });
    await page.setViewportSize(LARGE);
    await waitForText(page.getByTestId('nav-billing'), '收费');
    expect((await box(page.getByTestId('calendar-warning'))).height).toBeLessThanOrEqual(44);
    await app.screenshot('layout-billing-1366', { fullPage: false });
    await page.setViewportSize(SMALL);
    await page.getByTestId('nav-billing').getByText('收费').waitFor({ state: 'detached' });

    await go('/attendance');
    await page.getByTestId('calendar-warning').getByText('录入 2027 年日历').click();
    await page.getByTestId('calendar-year-form').waitFor();
    expect(await page.getByTestId('calendar-year').inputValue()).toBe('2027');
    await app.screenshot('layout-calendar-1024', { fullPage: false });
  });

  it('lists the fee notice clauses readable at 1024 wide', async () => {
    await go('/settings/policies');
    await page.getByTestId('clause-NT-3.3c').getByText('保教费退费：虚假招生等违规行为').waitFor();
    await app.screenshot('layout-policies-1024', { fullPage: false });
    await page.getByTestId('policy-clauses').screenshot({ path: join(SCREENSHOTS, 'layout-policy-clauses-1024.png'), animations: 'disabled' });
    await page.setViewportSize(LARGE);
    await waitForText(page.getByTestId('nav-settings'), '设置');
    await app.screenshot('layout-policies-1366', { fullPage: false });
    await page.setViewportSize(SMALL);

    // The printed notice carries the titles too.
    await go('/print/policy/nantong-2018');
    await page.getByText('保教费退费：幼儿园原因停课').waitFor();
    const pdf = join(app.dir, 'policy.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
    for (const title of ['保教费退费：请假、转园、退园', '保教费退费：幼儿园原因停课', '保教费退费：虚假招生等违规行为']) expect(text).toContain(title);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(SCREENSHOTS, 'policy-print')]);
  });

  it('opens the first tab, not a blank page, for an address that names no tab', async () => {
    await go('/billing/settlement/withdrawal');
    await page.getByRole('tab', { name: '月结', exact: true, selected: true }).waitFor();
    await page.getByTestId('settlement-sums').waitFor();
    await go('/attendance/rollcall');
    await page.getByRole('tab', { name: '每日点名', selected: true }).waitFor();
  });

  it('shows a reduction without a note as its category alone, never "(null)"', async () => {
    const id = app.backend.database().sqlite.prepare('SELECT household_id FROM children WHERE reduction_category IS NOT NULL AND reduction_note IS NULL LIMIT 1').pluck().get() as number;
    await go(`/families/household/${id}`);
    const card = page.getByTestId('child-card').first();
    await card.getByText('减免').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('null');
  });
});

