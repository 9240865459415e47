// 自愿项目 (代收费 opted in, vacation days booked) billed and printed apart on
// the notice with the kindergarten's 缴费方式; a refund payout voided with its
// TK receipt printed 作废. The demo kindergarten in Chromium at 1024x700.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountInWords } from '../../core/print/amount-words';
import { type AppUnderTest, ROOT, startApp, textOf, waitForText } from './harness';
import type { Api, ApiName } from '../../electron/api/index';
import { callBackend } from '../backend';

let app: AppUnderTest;
let admin = '';
beforeAll(async () => {
  app = await startApp({ demo: true, viewport: { width: 1024, height: 700 }, now: new Date('2026-12-01T01:30:00Z'), user: 'admin' });
  const login = await callBackend(app.backend, 'auth.login', { username: 'admin', password: 'demo1234' });
  if (!login.ok) throw new Error(login.error.message);
  admin = (login.value as { session: string }).session;
});
afterAll(async () => {
  await app?.close();
});

const PDF_DIR = join(ROOT, 'artifacts', 'pdf');
const ACCOUNT = '现金、微信、支付宝请到财务室缴纳\n银行转账：南通农商银行崇川支行 户名：南通市示范幼儿园 账号 3206 0001 2345 6789';

async function backend<K extends ApiName>(name: K, input: Api[K]['input']) {
  const r = await callBackend(app.backend, name, input, admin);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

function pdfText(name: string, pdf: Buffer): string {
  mkdirSync(PDF_DIR, { recursive: true });
  const file = join(PDF_DIR, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(PDF_DIR, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

const db = () => app.backend.database().sqlite;

describe('items the family chooses, 缴费方式 and a voided payout in the browser', () => {
  it('the principal sets 缴费方式 in the profile', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('how-to-pay').fill(ACCOUNT);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await waitForText(page.getByText('已保存幼儿园资料'), '已保存');
    await app.screenshot('settings-how-to-pay', { fullPage: false });
    expect(db().prepare('SELECT how_to_pay FROM app_settings WHERE id = 1').pluck().get()).toBe(ACCOUNT);
  });

  it('records a family’s yes to insurance and 5 days of vacation care; the bill run charges them and the notice prints 代收费 apart and 缴费方式', async () => {
    const { page } = app;
    await backend('standards.save', { item: 'vacation_care', label: '冬季托管费', amount: '24.00', unit: 'day', appliesFrom: '2026-12-01', level: null, enrolledFrom: null, note: '', idempotencyKey: 'e2e-vacation-rate' });
    const kid = db()
      .prepare(`SELECT c.id, c.name, k.id AS classId, k.name AS className FROM children c JOIN classes k ON k.id = c.class_id
        WHERE c.status = 'enrolled' AND c.billing_mode = 'monthly' AND k.level <> 'toddler' ORDER BY k.id, c.name_pinyin LIMIT 1`)
      .get() as { id: number; name: string; classId: number; className: string };

    await page.getByTestId('nav-billing').click();
    await page.getByRole('tab', { name: '自愿项目' }).click();
    await page.getByLabel('班级', { exact: true }).first().click();
    await page.getByRole('option', { name: kid.className, exact: true }).click();
    await page.getByLabel(`${kid.name} 参加`).check();
    await page.getByLabel('依据（如：家长签字回执）').fill('家长签字回执');
    await page.getByTestId('agency-save').click();
    await waitForText(page.getByText('已保存代收费选择'), '已保存');
    await waitForText(page.getByTestId('agency-sheet'), '2026-12-01');
    await app.screenshot('billing-voluntary-agency', { fullPage: false });

    await page.getByText('寒暑假托管预订').click();
    await waitForText(page.getByTestId('vacation-sheet'), kid.name);
    await page.getByLabel(`${kid.name} 预订天数`).fill('5');
    await page.getByTestId('vacation-save').click();
    await waitForText(page.getByText('已保存托管预订'), '已保存');
    await app.screenshot('billing-voluntary-vacation', { fullPage: false });

    await page.getByRole('tab', { name: '缴费通知单' }).click();
    await page.getByRole('button', { name: '开具本月缴费通知单' }).first().click();
    const summary = await waitForText(page.getByTestId('run-summary'), '代收费 100.00 元');
    expect(summary).toContain('其中代收费 100.00 元');
    expect(await textOf(page.getByTestId('preview-table'))).toContain('5 天 × 24.00 = 120.00');
    await app.screenshot('billing-voluntary-preview', { fullPage: false });
    await page.getByRole('button', { name: /^确认开具 \d+ 份$/ }).click();
    await waitForText(page.getByText(/已开具 \d+ 份缴费通知单/), '已开具');

    const bill = db().prepare("SELECT number, total_due_fen AS due FROM bills WHERE child_id = ? AND period_first = '2026-12'").get(kid.id) as { number: string; due: number };
    await page.evaluate((id) => {
      window.location.hash = `/print/fee-notices/2026-12/child/${id}`;
    }, kid.id);
    await page.getByTestId('fee-notice').waitFor();
    await app.screenshot('billing-voluntary-notice');
    const text = pdfText('fee-notice-voluntary', await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(text).toContain(kid.name);
    expect(text).toContain(bill.number);
    expect(text).toContain('代收费（家长自愿参加');
    expect(text).toContain('幼儿意外伤害保险（代收）');
    expect(text).toContain('代收费小计');
    expect(text).toContain('冬季托管费');
    expect(text).toContain('5 天 × 24.00');
    expect(text).toContain('NT-3.6');
    expect(text).toContain('缴费方式：现金、微信、支付宝请到财务室缴纳');
    expect(text).toContain('账号 3206 0001 2345 6789');
    const due = `${Math.trunc(bill.due / 100)}.${String(bill.due % 100).padStart(2, '0')}`;
    expect(text).toContain(`人民币（大写）：${amountInWords(due)}`);
  });

  it('voids a refund paid out by mistake: the TK receipt keeps its number and prints 作废, the refund is owed again', async () => {
    const { page } = app;
    const householdId = db().prepare("SELECT household_id FROM children WHERE status = 'enrolled' ORDER BY id DESC LIMIT 1").pluck().get() as number;
    const owed = Math.max(0, db().prepare('SELECT coalesce(sum(amount_fen), 0) FROM ledger_entries WHERE household_id = ?').pluck().get(householdId) as number);
    const amount = `${Math.trunc((owed + 15000) / 100)}.${String((owed + 15000) % 100).padStart(2, '0')}`;
    await backend('payments.record', { householdId, amount, method: 'cash', reference: '', paidOn: '2026-11-30', idempotencyKey: 'e2e-overpay' });
    await backend('settlement.setRefundDestination', { householdId, mode: 'payout', idempotencyKey: 'e2e-mode' });
    const paid = (await backend('settlement.recordPayout', { householdId, amount: '150.00', method: 'cash', reference: '', paidOn: '2026-12-01', payee: '家长', note: '', idempotencyKey: 'e2e-payout' })) as { paymentId: number; receiptNo: string };

    await page.evaluate(() => {
      window.location.hash = '/billing/settlement/payouts';
    });
    await waitForText(page.getByTestId('payouts-made'), paid.receiptNo);
    await page.getByTestId(`void-payout-${paid.paymentId}`).click();
    await page.getByTestId('void-payout-reason').fill('重复登记，实际未付款');
    await app.screenshot('billing-payout-void-dialog', { fullPage: false });
    await page.getByTestId('void-payout-confirm').click();
    await waitForText(page.getByText('已作废，该笔退费重新记为应退'), '已作废');
    // Owed again: the family is back among the refunds to pay out, its credit 150.00 larger than after the payout.
    const credit = -(db().prepare('SELECT sum(amount_fen) FROM ledger_entries WHERE household_id = ?').pluck().get(householdId) as number);
    expect(credit).toBeGreaterThanOrEqual(15000);
    await waitForText(page.getByTestId('payouts-due'), `${Math.trunc(credit / 100)}.${String(credit % 100).padStart(2, '0')}`);
    await app.screenshot('billing-payout-voided', { fullPage: false });

    await page.evaluate((id) => {
      window.location.hash = `/print/payout-receipt/${id}`;
    }, paid.paymentId);
    await page.getByTestId('payout-void').waitFor();
    const text = pdfText('payout-receipt-void', await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(text).toContain(paid.receiptNo);
    expect(text).toContain('退费收据（作废）');
    expect(text).toContain('重复登记，实际未付款');
    expect(text).toContain('壹佰伍拾元整');
  });

  it('reads in English at 1024 wide: the fee tabs and the vacation sheet stay within the window', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.location.hash = '/billing/voluntary';
    });
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Vacation care bookings').click();
    await waitForText(page.getByTestId('vacation-sheet'), 'Days');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot('billing-voluntary-english', { fullPage: false });
    await page.getByText('中文', { exact: true }).click();
  });
});
