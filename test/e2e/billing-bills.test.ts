import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountInWords } from '../../core/print/amount-words';
import { type AppUnderTest, ROOT, startApp, textOf, waitForCount, waitForText } from './harness';

// 1 December 2026, 09:30 in Nantong: the demo has bills for September to November; December is next.
let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp({ demo: true, viewport: { width: 1024, height: 700 }, now: new Date('2026-12-01T01:30:00Z'), user: 'caiwu' });
});
afterAll(async () => {
  await app?.close();
});

const PDF_DIR = join(ROOT, 'artifacts', 'pdf');

async function choose(label: string, option: string) {
  const dialog = app.page.getByRole('dialog');
  await dialog.getByLabel(label, { exact: true }).click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

describe('fee standards and the month’s bills in the browser', () => {
  it('sets a standard through the notice’s checks: a forbidden one is refused with its clause under the field', async () => {
    const { page } = app;
    await page.getByTestId('nav-billing').click();
    await page.getByRole('tab', { name: '收费标准' }).click();
    await page.getByTestId('standards-table').waitFor();
    await app.screenshot('billing-standards');

    await page.getByRole('button', { name: '新增收费标准' }).click();
    await choose('收费项目', '托管费');
    await page.getByRole('dialog').getByLabel('金额（元）').fill('150');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    const refusal = await waitForText(page.getByRole('dialog').getByText(/NT-1\.3/), '托管费每生每月最高 100.00 元');
    expect(refusal).toContain('【NT-1.3】');
    await app.screenshot('billing-standard-refused');

    // The meal cost went up from December (at cost, NT-1.4: not a raise NT-3.2 restricts to new pupils).
    await choose('收费项目', '伙食费');
    await page.getByRole('dialog').getByLabel('金额（元）').fill('16.00');
    await page.getByRole('dialog').getByRole('button', { name: '核对' }).click();
    await page.getByText('已按收费文件核对，未发现问题。').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const table = await waitForText(page.getByTestId('standards-table'), '16.00');
    expect(table).toMatch(/伙食费\s+16\.00 元\s+每天/);
    const saved = app.backend.database().sqlite.prepare("SELECT amount_fen, unit, applies_from FROM fee_standards WHERE item = 'meal' ORDER BY id DESC LIMIT 1").get();
    expect(saved).toEqual({ amount_fen: 1600, unit: 'day', applies_from: '2026-12-01' });
  });

  it('previews December’s bills, issues them, and prints one class’s notices to PDF with amounts in figures and 大写', async () => {
    const { page } = app;
    const db = app.backend.database().sqlite;
    await page.getByRole('tab', { name: '缴费通知单' }).click();
    // Semester payers were billed September to December in September: their bills are listed already.
    await waitForText(page.getByTestId('bills-table'), '2026年9月—2026年12月');
    // In English: periods, quantities and why a child cannot be billed, without Chinese app words.
    await page.getByText('English', { exact: true }).click();
    await waitForText(page.getByTestId('bills-table'), 'Sep 2026 – Dec 2026');
    await page.getByRole('button', { name: /Issue this month/ }).first().click();
    const preview = await waitForText(page.getByTestId('preview-table'), '23 days × 16.00 = 368.00');
    expect(preview).toContain('Dec 2026');
    expect(preview).not.toMatch(/\d{4}年|天 ×|\/月/);
    expect(await textOf(page.getByTestId('cannot-bill'))).toMatch(/Suspended since \d{4}-\d{2}-\d{2}: nothing is charged/);
    await app.screenshot('billing-run-preview-en');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('中文', { exact: true }).click();
    await waitForText(page.getByTestId('bills-table'), '2026年9月—2026年12月');
    await page.getByRole('button', { name: '开具本月缴费通知单' }).first().click();
    const summary = await waitForText(page.getByTestId('run-summary'), '将开具');
    const expected = db.prepare("SELECT count(*) AS n FROM children WHERE status = 'enrolled' AND billing_mode = 'monthly'").get() as { n: number };
    expect(summary).toContain(`将开具 ${expected.n} 份`);
    expect(await textOf(page.getByTestId('preview-table'))).toContain('23 天 × 16.00 = 368.00');
    expect(await textOf(page.getByTestId('cannot-bill'))).toContain('已休学');
    await app.screenshot('billing-run-preview');
    await page.getByRole('button', { name: `确认开具 ${expected.n} 份` }).click();
    await waitForText(page.getByText(/已开具 \d+ 份缴费通知单/), `已开具 ${expected.n} 份`);
    await page.getByTestId('bills-table').waitFor();
    const issued = db.prepare("SELECT count(*) AS n FROM bills WHERE period_first = '2026-12'").get() as { n: number };
    expect(issued.n).toBe(expected.n);
    await app.screenshot('billing-bills-issued');
    await page.screenshot({ path: join(ROOT, 'artifacts', 'screenshots', 'billing-bills-1024x700.png') });

    // 星星班 is the toddler class: 500.00 education (托班) + 23 days x 16.00 meals.
    const star = db.prepare("SELECT id FROM classes WHERE name = '星星班'").get() as { id: number };
    const kids = db
      .prepare(`SELECT c.name, b.number, b.total_due_fen FROM bills b JOIN children c ON c.id = b.child_id WHERE b.period_first = '2026-12' AND c.class_id = ? ORDER BY c.name_pinyin`)
      .all(star.id) as { name: string; number: string; total_due_fen: number }[];
    expect(kids.length).toBeGreaterThan(5);
    await page.getByLabel('班级', { exact: true }).first().click();
    await page.getByRole('option', { name: '星星班' }).click();
    await page.getByRole('button', { name: `打印本班通知单（${kids.length} 份）` }).click();
    await waitForCount(page.getByTestId('fee-notice'), kids.length);
    await app.screenshot('billing-fee-notices');

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(PDF_DIR, { recursive: true });
    const file = join(PDF_DIR, 'fee-notices-star-class.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(new RegExp(`Pages:\\s+${Math.ceil(kids.length / 2)}\\b`));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text.match(/缴费通知单/g)?.length).toBe(kids.length);
    for (const kid of kids) {
      expect(text).toContain(kid.name);
      expect(text).toContain(kid.number);
    }
    expect(text).toContain('保教费（托班）');
    expect(text).toContain('23 天 × 16.00');
    // A toddler without reduction: 500.00 + 368.00.
    expect(text).toContain('868.00');
    expect(text).toContain(`人民币（大写）：${amountInWords('868.00')}`);
    expect(amountInWords('868.00')).toBe('捌佰陆拾捌元整');
    expect(text).toContain('缴费截止日期：2026-12-10');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(PDF_DIR, 'fee-notices-star-class')]);
  });
});
