import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppUnderTest, ROOT, startApp, textOf, waitForText } from './harness';

// 1 December 2026, 10:00 in Beijing: October and November have ended; December's bills can be issued.
const NOW = new Date('2026-12-01T02:00:00Z');
let app: AppUnderTest;
let base: string;
beforeAll(async () => {
  app = await startApp({ demo: true, now: NOW, viewport: { width: 1024, height: 700 }, user: 'admin' });
  base = app.server.url.split('#')[0]!;
});
afterAll(async () => {
  await app?.close();
});

const sqlite = () => app.backend.database().sqlite;
const one = <T>(sql: string, ...params: unknown[]) => sqlite().prepare(sql).get(...params) as T;

/** The demo child with a long October illness: refunded 80% of the education fee (NT-3.3). */
function illChild() {
  return one<{ id: number; name: string; className: string }>(
    `SELECT c.id, c.name, k.name AS className FROM children c JOIN classes k ON k.id = c.class_id
     WHERE c.id = (SELECT child_id FROM attendance WHERE date LIKE '2026-10-%' AND note = '住院治疗' LIMIT 1)`,
  );
}

function pdfPath(name: string): string {
  const dir = join(ROOT, 'artifacts', 'pdf');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  return file;
}

describe('month-end settlement at the desk', () => {
  it('previews October child by child with clause and sentence, and books it once', async () => {
    const { page } = app;
    const child = illChild();
    await page.goto(`${base}#/billing/settlement?month=2026-10`);
    await waitForText(page.getByTestId('settlement-summary'), '退费合计');
    expect(await textOf(page.getByText('预览 · 尚未入账'))).toBeTruthy();
    await page.getByTestId(`settlement-child-${child.id}`).click();
    const lines = await textOf(page.getByTestId(`settlement-lines-${child.id}`));
    expect(lines).toContain('NT-3.3');
    expect(lines).toContain('退还保教费 80%');
    expect(lines).toContain('NT-3.4');
    expect(await textOf(page.getByTestId('what-if'))).toMatch(/多 1 天/);
    await app.screenshot('settlement-october-preview');

    await page.getByTestId('settle-confirm-open').click();
    await page.getByTestId('settle-confirm').click();
    await waitForText(page.getByTestId('settlement-booking'), '结算入账');
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM settlements WHERE kind = 'month' AND month = '2026-10'`).n).toBe(1);
    // The screen shows what was booked (the child's lines stay open), with the clause, now as settled.
    expect(await textOf(page.getByText('已结算').first())).toBe('已结算');
    expect(await textOf(page.getByTestId(`settlement-lines-${child.id}`))).toContain('NT-3.3');
    await app.screenshot('settlement-october-booked');

    // The family's account: the refund with its clause, and the what-if for the month.
    const household = one<{ id: number }>('SELECT household_id AS id FROM children WHERE id = ?', child.id).id;
    await page.goto(`${base}#/billing/ledger/${household}`);
    const entries = await waitForText(page.getByTestId('account-entries'), '保教费退费（NT-3.3）');
    expect(entries).toContain(`${child.name} 2026-10 保教费退费（NT-3.3）：本月在园`);
    await page.getByPlaceholder('全部幼儿').click();
    await page.getByRole('option', { name: child.name }).click();
    expect(await textOf(page.getByTestId('ledger-what-if'))).toMatch(/2026-10 的退费[\s\S]*多 1 天/);
    await app.screenshot('settlement-refund-on-ledger');
  });

  it('November: the children without roll calls are listed as unsettled, with the day and a link to fix it', async () => {
    const { page } = app;
    await page.goto(`${base}#/billing/settlement?month=2026-11`);
    const unsettled = await waitForText(page.getByTestId('unsettled'), '暂不能结算');
    expect(unsettled).toContain('2026-11-23 等 6 个工作日没有考勤记录');
    expect(unsettled).toContain('去补录考勤');
    await app.screenshot('settlement-november-unsettled');
    // In English: a class with one refunded child says "1 child", and the link to fix a row stays on one line.
    await page.getByText('English', { exact: true }).click();
    try {
      const link = page.getByTestId('unsettled').getByText('Record attendance').first();
      await link.waitFor();
      const lineHeight = await link.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
      expect((await link.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
      const sums = await textOf(page.getByTestId('settlement-sums'));
      expect(sums).not.toMatch(/\b1 children/);
      expect(sums).toMatch(/\b1 child\b/);
      await app.screenshot('settlement-november-unsettled-en');
    } finally {
      await page.getByText('中文', { exact: true }).click();
      await waitForText(page.getByTestId('unsettled'), '暂不能结算');
    }
  });

  it('after December’s bills are issued, the child’s notice shows October’s refund with its clause', async () => {
    const { page } = app;
    const child = illChild();
    await page.goto(`${base}#/billing/bills/2026-12`);
    await page.getByRole('button', { name: '开具本月缴费通知单' }).first().click();
    await page.getByTestId('run-preview').waitFor();
    await page.getByRole('button', { name: /^确认开具 \d+ 份$/ }).click();
    await page.getByTestId('bills-table').waitFor();
    const education = one<{ refund: number }>(
      `SELECT refund_fen AS refund FROM settlement_lines sl JOIN settlements s ON s.id = sl.settlement_id WHERE s.month = '2026-10' AND s.kind = 'month' AND sl.child_id = ? AND sl.item = 'education'`,
      child.id,
    );
    await page.goto(`${base}#/print/fee-notices/2026-12/child/${child.id}`);
    const refunds = await textOf(page.getByTestId('notice-refunds'));
    expect(refunds).toContain('上月退费');
    expect(refunds).toContain(`2026-10 保教费 ${Math.floor(education.refund / 100)}.${String(education.refund % 100).padStart(2, '0')} 元（NT-3.3）`);
    await app.screenshot('settlement-refund-on-next-bill');
  });

  it('corrects attendance in the settled month and books the correction: the difference, with both figures', async () => {
    const { page } = app;
    const child = illChild();
    const sick = one<{ date: string }>(`SELECT date FROM attendance WHERE child_id = ? AND date LIKE '2026-10-%' AND status = 'sick' ORDER BY date LIMIT 1`, child.id);
    await page.goto(`${base}#/attendance/child/${child.id}/2026-10`);
    await page.getByTestId(`day-${sick.date}`).click();
    await page.getByTestId('correct-status').getByText('出勤').click();
    await page.getByTestId('correct-reason').fill('核对签到表，当天已来园');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('history-table').getByText('核对签到表，当天已来园').waitFor();

    await page.goto(`${base}#/billing/settlement/corrections`);
    const row = page.getByTestId(`due-${child.id}-2026-10`);
    expect(await waitForText(row, '待结算更正')).toContain('结算后更正考勤 1 处');
    await app.screenshot('settlement-correction-due');
    await page.getByTestId(`book-correction-${child.id}`).click();
    await page.getByTestId('correction-confirm').click();
    await row.waitFor({ state: 'detached' });
    const line = one<{ explanation: string; refund: number; previous: number }>(
      `SELECT explanation, refund_fen AS refund, previous_refund_fen AS previous FROM settlement_lines sl JOIN settlements s ON s.id = sl.settlement_id
       WHERE s.kind = 'correction' AND sl.child_id = ? AND sl.item = 'meal'`,
      child.id,
    );
    expect(line.refund - line.previous).toBe(-1500);
    expect(line.explanation).toMatch(/原已退 \d+\.\d{2} 元，现应退 \d+\.\d{2} 元，本次扣回 15\.00 元。$/);
  });
});

describe('withdrawal (退园)', () => {
  it('withdraws a child in one operation and prints the 退费结算单 with clauses, 大写 and signatures', async () => {
    const { page } = app;
    const child = one<{ id: number; name: string; className: string }>(
      `SELECT c.id, c.name, k.name AS className FROM children c JOIN classes k ON k.id = c.class_id JOIN bills b ON b.child_id = c.id
       WHERE c.status = 'enrolled' AND c.billing_mode = 'monthly' AND b.period_first = '2026-12' ORDER BY c.id DESC LIMIT 1`,
    );
    await page.goto(`${base}#/billing/settlement/withdraw`);
    await page.getByPlaceholder('输入姓名查找').fill(child.name);
    await page.getByRole('option', { name: `${child.name}（${child.className}）` }).click();
    await page.getByTestId('withdraw-date').fill('2026-11-23');
    await page.getByLabel('退园原因').fill('随父母迁居苏州');
    await page.getByTestId('withdraw-preview').click();
    const lines = await textOf(page.getByTestId('withdrawal-lines'));
    expect(lines).toContain('2026-12');
    expect(lines).toContain('NT-3.1');
    await app.screenshot('settlement-withdrawal-preview');
    await page.getByTestId('withdraw-confirm').click();

    // Browser mode shows the statement in the tab.
    const total = await textOf(page.getByTestId('statement-total'));
    expect(one<{ status: string }>('SELECT status FROM children WHERE id = ?', child.id).status).toBe('withdrawn');
    await app.screenshot('settlement-withdrawal-statement');
    const file = pdfPath('withdrawal-statement');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('退费结算单');
    expect(text).toContain(child.name);
    expect(text).toContain('NT-3.1');
    expect(text).toContain('NT-3.4');
    expect(text).toContain(total);
    expect(text).toMatch(/人民币（大写）：\S*[元整]/);
    expect(text).toMatch(/园长签字[\s\S]*财务签字[\s\S]*家长签字/);
    expect(text).toContain('2026-12-07');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ROOT, 'artifacts', 'pdf', 'withdrawal-statement')]);
  });
});
