import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, formatAmount } from '../../core/money';
import { REPORT_KINDS, type ReportDoc, zhOf } from '../../core/reports/document';
import type { Api, ApiName } from '../../electron/api/index';
import { type AppUnderTest, ROOT, startApp, textOf, waitForText } from './harness';
import { callBackend } from '../backend';

/** Monday 2026-11-23, 10:00 in Beijing. */
const NOW = new Date('2026-11-23T02:00:00Z');
const PDF_DIR = join(ROOT, 'artifacts', 'pdf');

let app: AppUnderTest;
let session = '';
/** What the backend says, to compare with what the page shows. */
async function backend<K extends ApiName>(name: K, input: Api[K]['input']): Promise<Api[K]['output']> {
  const result = await callBackend(app.backend, name, input, session);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Api[K]['output'];
}
beforeAll(async () => {
  app = await startApp({ demo: true, now: NOW, viewport: { width: 1024, height: 700 } });
  const login = await callBackend(app.backend, 'auth.login', { username: 'admin', password: 'demo1234' });
  session = (login as { value: { session: string } }).value.session;
  mkdirSync(PDF_DIR, { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

async function pdfText(name: string): Promise<string> {
  const file = join(PDF_DIR, `${name}.pdf`);
  writeFileSync(file, await app.page.pdf({ preferCSSPageSize: true, printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(PDF_DIR, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

describe('reports, the fee board and the home screen in the browser', () => {
  it('opens on the home screen after sign-in, with today’s roll call and the money waiting', async () => {
    const { page } = app;
    await app.signIn('admin', 'demo1234');
    const home = await backend('home.today', {});
    expect(await textOf(page.getByRole('heading', { level: 2 }))).toBe('今天 2026年11月23日 星期一');
    // The demo's roll calls end on Friday the 20th: every class still has to take Monday's.
    expect(await textOf(page.getByTestId('home-class-苗苗班'))).toContain('去点名');
    expect(await textOf(page.getByTestId('home-arrears'))).toContain(`¥${home.arrears!.total}`);
    expect(await textOf(page.getByTestId('home-unsettled'))).toContain(home.unsettled![0]!);
    await app.screenshot('home-principal');
    // The tile and the arrears screen it opens give one figure: credit on a family's account is set against its bills on both.
    const tileTotal = /¥([\d.]+)/.exec(await textOf(page.getByTestId('home-arrears')))![1]!;
    await page.getByTestId('home-arrears').click();
    expect(await textOf(page.getByTestId('arrears-total'))).toBe(tileTotal);
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-class-苗苗班').getByRole('link', { name: '苗苗班' }).click();
    await waitForText(page.getByTestId('current-user'), '周园长');
    expect(page.url()).toContain('#/attendance/roll?class=');
  });

  it('opens each report with its check line, and exports the cash book to .xlsx', async () => {
    const { page } = app;
    await page.getByTestId('nav-reports').click();
    for (const kind of REPORT_KINDS) {
      await page.getByTestId(`report-tab-${kind}`).click();
      const checks = await textOf(page.getByTestId('check-lines'));
      expect(checks, kind).toContain('核对一致');
      if (kind === 'income') expect(checks).toContain((await backend('reports.get', { kind, period: '2026-11' })).checks[0]!.zh[1]!);
      if (kind === 'income' || kind === 'prepaid' || kind === 'attendance') await app.screenshot(`report-${kind}`);
    }
    await page.getByTestId('report-tab-income').click();
    await waitForText(page.getByTestId('report-table-items'), '保教费');
    const doc: ReportDoc = await backend('reports.get', { kind: 'income', period: '2026-11' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toBe('收费与退费汇总表-2026-11.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const education = doc.tables[0]!.rows.find((r) => zhOf(r.item ?? null) === '保教费')!;
    const excelRow = values.find((r) => r[0] === '保教费')!;
    // Money comes back as numbers Excel can add, equal to the screen's figures.
    expect(excelRow.slice(1, 5).map((v) => formatAmount(new Decimal(v as number)))).toEqual([education.charges, education.reductions, education.refunds, education.net]);
    expect(values.some((r) => r[0] === doc.checks[0]!.zh[1])).toBe(true);
  });

  it('keeps the month picker keyboard-friendly: the arrow buttons step months and the year toggle switches period', async () => {
    const { page } = app;
    await page.getByTestId('report-tab-income').click();
    await page.getByRole('button', { name: '上个月' }).click();
    await waitForText(page.getByTestId('report'), '2026年10月');
    expect(await textOf(page.getByTestId('check-lines'))).toContain((await backend('reports.get', { kind: 'income', period: '2026-10' })).checks[0]!.zh[0]!);
    await page.getByText('按年', { exact: true }).click();
    await waitForText(page.getByTestId('report'), '2026年度');
    expect(page.url()).toContain('#/reports/income/2026');
  });

  it('prints a report to PDF with its check line', async () => {
    const { page } = app;
    await page.goto(`${app.server.url.split('#')[0]}#/reports/prepaid/2026-10`);
    await page.getByTestId('report-print').click();
    await waitForText(page.getByTestId('print-check').first(), '核对');
    const text = (await pdfText('report-prepaid')).replace(/\s+/g, '');
    const doc = await backend('reports.get', { kind: 'prepaid', period: '2026-10' });
    expect(text).toContain('预收款（未服务）明细表');
    for (const line of doc.checks.flatMap((c) => c.zh)) expect(text).toContain(line.replace(/\s+/g, ''));
  });

  it('prints the public fee board with items, basis, the complaint telephone and the date', async () => {
    const { page } = app;
    await page.goto(`${app.server.url.split('#')[0]}#/settings/profile`);
    await page.getByLabel('收费监督电话').fill('园长室 0513-85000000；价格举报 12315');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存幼儿园资料').waitFor();
    await page.goto(`${app.server.url.split('#')[0]}#/billing/board`);
    expect(await textOf(page.getByTestId('fee-board-items'))).toContain('南通市收费文件第一条第1款（NT-1.1）');
    await app.screenshot('billing-fee-board');
    await page.getByTestId('print-fee-board').click();
    expect(await textOf(page.getByTestId('board-phone'))).toBe('收费监督电话：园长室 0513-85000000；价格举报 12315');
    await app.screenshot('print-fee-board');
    const text = await pdfText('fee-board');
    expect(text).toContain('收费公示');
    expect(text).toContain('420.00');
    expect(text).toContain('NT-3.7');
    expect(text).toContain('12315');
    expect(text).toContain('2026年11月23日');
  });

  it('prints a child’s fee agreement from the household view', async () => {
    const { page } = app;
    const child = app.backend.database().sqlite.prepare("SELECT id, name, household_id AS h FROM children WHERE status = 'enrolled' ORDER BY id LIMIT 1").get() as { id: number; name: string; h: number };
    await page.goto(`${app.server.url.split('#')[0]}#/families/household/${child.h}`);
    await page.getByTestId('child-card').filter({ hasText: child.name }).getByTestId('print-fee-agreement').click();
    await waitForText(page.locator('.kd-fee-agreement'), '收费协议');
    await app.screenshot('print-fee-agreement');
    const text = await pdfText('fee-agreement');
    expect(text).toContain(child.name);
    expect(text).toContain('收费方式');
    expect(text).toContain('乙方（签字）');
  });

  it('shows a teacher only her class on the home screen', async () => {
    const { page } = app;
    await page.goto(`${app.server.url.split('#')[0]}#/home`);
    await page.getByRole('button', { name: '退出' }).click();
    await app.signIn('laoshi', 'demo1234');
    await page.getByTestId('home-roll-call').waitFor();
    expect(await page.locator('[data-testid^="home-class-"]').count()).toBe(1);
    expect(await page.getByTestId('home-arrears').count()).toBe(0);
    await app.screenshot('home-teacher');
  });
});
