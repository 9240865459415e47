import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../core/money';
import { type AppUnderTest, ROOT, startApp, textOf, waitForText } from './harness';

let app: AppUnderTest;
const PDF_DIR = join(ROOT, 'artifacts', 'pdf');

/** A family in arrears with one child and two or more unpaid monthly bills. */
function familyInArrears() {
  const { sqlite } = app.backend.database();
  return sqlite
    .prepare(
      `SELECT c.household_id AS householdId, c.name, sum(b.total_due_fen) AS dueFen, count(*) AS bills,
         min(b.total_due_fen) AS firstFen
       FROM bills b JOIN children c ON c.id = b.child_id
       WHERE b.billing = 'monthly' AND NOT EXISTS (SELECT 1 FROM payment_allocations a WHERE a.bill_id = b.id)
         AND (SELECT count(*) FROM children s WHERE s.household_id = c.household_id) = 1
       GROUP BY c.household_id HAVING count(*) >= 2 ORDER BY c.household_id LIMIT 1`,
    )
    .get() as { householdId: number; name: string; dueFen: number; bills: number; firstFen: number };
}

async function savePdf(name: string): Promise<string> {
  mkdirSync(PDF_DIR, { recursive: true });
  const file = join(PDF_DIR, `${name}.pdf`);
  writeFileSync(file, await app.page.pdf({ preferCSSPageSize: true, printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(PDF_DIR, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

beforeAll(async () => {
  app = await startApp({ demo: true, now: new Date('2026-12-01T02:00:00Z'), viewport: { width: 1024, height: 700 } });
  await app.signIn('qiantai', 'demo1234');
});
afterAll(async () => {
  await app?.close();
});

describe('payments at the fee desk', () => {
  let family: ReturnType<typeof familyInArrears>;
  let partialReceipt = '';

  it('finds a family in arrears by the search box and takes a partial payment by keyboard', async () => {
    const { page } = app;
    family = familyInArrears();
    await page.getByTestId('nav-billing').click();
    await page.getByRole('tab', { name: '缴费登记' }).click();
    await page.getByLabel('搜索幼儿或家长').fill(family.name);
    await page.getByTestId('search-result').filter({ hasText: family.name }).first().waitFor();
    await page.getByLabel('搜索幼儿或家长').press('Enter');
    await waitForText(page.getByTestId('household-balance'), `应缴 ${formatFen(family.dueFen)} 元`);
    expect(await textOf(page.getByTestId('household-bills'))).toContain('逾期未缴');
    await app.screenshot('payments-household');
    // In English each column has its own heading (缴费期限 and 应缴 both read "Due") and periods read in English.
    await page.getByText('English', { exact: true }).click();
    const headings = (await waitForText(page.getByTestId('household-bills').locator('thead'), 'Due on')).split(/\t|\n/).filter(Boolean);
    expect(new Set(headings).size).toBe(headings.length);
    expect(await textOf(page.getByTestId('household-bills').locator('tbody'))).not.toMatch(/\d{4}年/);
    // The guardian to ask for is named with an English relationship (it said 母亲).
    const who = await textOf(page.getByTestId('household-who'));
    expect(who).toMatch(/\) · [A-Z][a-z]/);
    expect(who).not.toMatch(/母亲|父亲|祖|（/);
    await page.getByText('中文', { exact: true }).click();
    await waitForText(page.getByTestId('household-bills').locator('thead'), '缴费期限');
    await page.getByRole('button', { name: '登记缴费' }).focus();
    // One word for a bill (docs/glossary.md): the family's open bills are 缴费通知单, as the tab that issues them is called.
    expect(await textOf(page.getByText('缴费通知单', { exact: true }).first())).toBe('缴费通知单');
    expect(await page.getByText('账单', { exact: true }).count()).toBe(0);

    // 登记缴费 has the focus: Enter opens the dialog with the cursor in the amount.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('金额（元）').waitFor();
    await page.keyboard.type('-5');
    await page.keyboard.press('Tab');
    await dialog.getByText('金额不能为负数').waitFor();
    await dialog.getByLabel('金额（元）').fill('300');
    await dialog.getByText('现金', { exact: true }).click();
    await waitForText(dialog.getByTestId('payment-split'), '分配到缴费通知单 300.00 元');
    await app.screenshot('payments-dialog');
    await dialog.getByLabel('金额（元）').press('Enter');
    const done = await textOf(dialog.getByTestId('payment-recorded'));
    partialReceipt = /SK2026-\d{5}/.exec(done)![0];
    expect(done).toContain('已收款 300.00 元');
    await dialog.getByRole('button', { name: '完成' }).click();
    await waitForText(page.getByTestId('household-balance'), `应缴 ${formatFen(family.dueFen - 30000)} 元`);
    expect(await textOf(page.getByTestId('household-bills'))).toContain('300.00');
  });

  it('takes the rest as a full payment by WeChat with its transaction number', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '登记缴费' }).click();
    const dialog = page.getByRole('dialog');
    const rest = formatFen(family.dueFen - 30000);
    await dialog.getByLabel('金额（元）').fill(rest);
    await dialog.getByText('微信', { exact: true }).click();
    await dialog.getByRole('button', { name: /确认收款/ }).click();
    await dialog.getByText('请填写交易单号（微信、支付宝、银行或 POS 凭证上的号码）').waitFor();
    await dialog.getByLabel('交易单号').fill('4200002026120112345678');
    await dialog.getByLabel('交易单号').press('Enter');
    expect(await textOf(dialog.getByTestId('payment-recorded'))).toContain(`已收款 ${rest} 元`);
    await dialog.getByRole('button', { name: '打印收据' }).click();
    await page.getByTestId('receipt').waitFor();
    const text = await savePdf('receipt-full');
    expect(text).toContain(family.name);
    expect(text).toContain(rest);
    expect(text).toMatch(/人民币（大写）：\S+元/);
    expect(text).toContain('存根');
    expect(text).toContain('家长联');
    expect(text).not.toContain('作废');
    await page.goBack();
    await waitForText(app.page.getByTestId('household-balance'), '已结清');
  });

  it('finance voids the partial payment with a reason; its receipt keeps the number and prints 作废', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '退出' }).click();
    await app.signIn('caiwu', 'demo1234');
    await page.goto(`${app.server.url.split('#')[0]}#/billing/payments/${family.householdId}`);
    const row = page.getByTestId('payment-row').filter({ hasText: partialReceipt });
    await row.getByRole('button', { name: '作废' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('作废原因').fill('家长实际交的是 500 元，金额录错');
    await dialog.getByRole('button', { name: '确认作废' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(row, '作废：家长实际交的是 500 元，金额录错');
    await waitForText(page.getByTestId('household-balance'), '应缴 300.00 元');
    await app.screenshot('payments-voided');
    await row.getByRole('button', { name: '收据' }).click();
    await waitForText(page.getByTestId('receipt-no'), partialReceipt);
    const text = await savePdf('receipt-voided');
    expect(text).toContain(partialReceipt);
    expect(text).toContain('作废');
    expect(text).toContain('家长实际交的是 500 元，金额录错');
    expect(text).toContain('叁佰元整');
    expect(text).toContain(family.name);
    await page.goBack();
  });

  it('shows the family ledger with the running balance, and the arrears by class and age', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '家庭账户' }).click();
    const entries = await textOf(page.getByTestId('account-entries'));
    expect(entries).toContain('冲正');
    expect(entries).toContain(partialReceipt);
    expect(await textOf(page.getByTestId('account-summary'))).toContain('期末 300.00');
    await app.screenshot('ledger-account');
    await page.getByRole('button', { name: '打印对账单' }).click();
    await waitForText(page.getByTestId('statement-closing'), '300.00');
    const statement = await savePdf('statement');
    expect(statement).toContain('家庭账户对账单');
    expect(statement).toContain('期末余额');
    await page.goBack();

    await page.getByRole('tab', { name: '欠费' }).click();
    const buckets = await textOf(page.getByTestId('arrears-buckets'));
    expect(buckets).toContain('60 天以上');
    await page.getByTestId('guardian-phone').first().click();
    await waitForText(page.getByTestId('guardian-phone').first(), /1\d{10}/);
    await app.screenshot('arrears');
    await page.getByRole('button', { name: '打印催缴单' }).click();
    await page.getByTestId('reminder-slip').first().waitFor();
    const slips = await savePdf('reminder-slips');
    expect(slips).toContain('缴费提醒');
    expect(slips).toMatch(/人民币（大写）：\S+元/);
    await page.goBack();
  });

  it('checks the accounts: nothing inconsistent after all of it', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '家庭账户' }).click();
    await page.getByRole('button', { name: '开始核对' }).click();
    expect(await textOf(page.getByTestId('integrity-result'))).toContain('核对无误');
  });
});
