import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppUnderTest, ROOT, startApp, textOf, waitForText } from './harness';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp({ demo: true });
  await app.signIn('qiantai', 'demo1234');
});
afterAll(async () => {
  await app?.close();
});

/** NT-3.3 and NT-3.4, worked out here in integer fen, independently of the engine. */
function expectedRefundFen(present: number, W: number, educationFen: number, mealFen: number, mealRateFen: number) {
  const rate = present <= 4 ? 80 : present * 2 <= W ? 50 : 0;
  const education = Math.round((educationFen * rate) / 100);
  const meal = Math.max(0, mealFen - mealRateFen * present);
  return { education, meal, total: education + meal };
}
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe('the refund calculator at the front desk', () => {
  it('brings in a child’s October attendance, explains each line by clause, and prints the statement', async () => {
    const { page } = app;
    const db = app.backend.database().sqlite;
    // The demo child with a long illness in October.
    const child = db.prepare('SELECT c.id, c.name, k.name AS className FROM children c JOIN classes k ON k.id = c.class_id WHERE c.id = 8').get() as { id: number; name: string; className: string };
    const present = (db.prepare("SELECT count(*) AS n FROM attendance WHERE child_id = 8 AND date LIKE '2026-10-%' AND status = 'present'").get() as { n: number }).n;
    const expected = expectedRefundFen(present, 18, 42000, 27000, 1500);

    await page.getByTestId('nav-billing').click();
    await page.getByRole('tab', { name: '退费试算' }).click();
    await page.getByPlaceholder('输入姓名查找').fill(child.name);
    await page.getByRole('option', { name: `${child.name}（${child.className}）` }).click();
    await page.getByLabel('退费月份').first().click();
    await page.getByRole('button', { name: '10月' }).click();
    await page.getByRole('button', { name: '从考勤带入' }).click();
    expect(await waitForText(page.getByTestId('attendance-note'), `出勤 ${present} 天`)).toContain('法定工作日 18 天');
    await page.getByLabel('保教费实缴金额').fill('420.00');
    await page.getByLabel('伙食费实缴金额').fill('270.00');
    await page.getByLabel('伙食费每日标准').fill('15.00');
    await page.getByRole('button', { name: '计算退费' }).click();

    expect(await textOf(page.getByTestId('refund-total'))).toBe(yuan(expected.total));
    const lines = await textOf(page.getByTestId('refund-lines'));
    expect(lines).toContain(yuan(expected.education));
    expect(lines).toContain('NT-3.3');
    expect(lines).toContain('NT-3.4');
    expect(lines).toContain(`本月在园 ${present} 天`);
    expect(await textOf(page.getByTestId('what-if'))).toMatch(/再出勤 \d+ 天/);
    await app.screenshot('billing-refund-calculator');

    await page.getByRole('button', { name: '打印退费计算单' }).click();
    expect(await textOf(page.getByTestId('statement-total'))).toBe(yuan(expected.total));
    await app.screenshot('billing-refund-statement');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = join(ROOT, 'artifacts', 'pdf');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'refund-statement.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('退费计算单');
    expect(text).toContain(child.name);
    expect(text).toContain(yuan(expected.total));
    expect(text).toMatch(/人民币（大写）：.+元/);
    expect(text).toContain('家长签字');
    // The notice and its source read as one sentence, not brackets inside brackets (…（…（2018年9月1日起执行））).
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('计算依据：南通市区幼儿园收费管理政策（2018），南通市区关于调整幼儿园收费管理政策的通知');
    expect(flat).not.toContain('））');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'refund-statement')]);
  });

  it('reminds the desk that a child with a reduction is refunded on what was actually paid (NT-3.7)', async () => {
    const { page } = app;
    const child = app.backend.database().sqlite
      .prepare("SELECT c.name, k.name AS className FROM children c JOIN classes k ON k.id = c.class_id WHERE c.reduction_category = 'dibao' LIMIT 1")
      .get() as { name: string; className: string };
    await page.goto(`${app.server.url.split('#')[0]}#/billing/refund`);
    await page.getByPlaceholder('输入姓名查找').fill(child.name);
    await page.getByRole('option', { name: `${child.name}（${child.className}）` }).click();
    const note = await textOf(page.getByTestId('reduction-note'));
    expect(note).toContain('城乡低保家庭子女');
    expect(note).toContain('NT-3.7');
    expect(note).toContain('实缴金额');
  });

  it('shows the fee notice in force clause by clause, each titled for what it covers, all readable without opening any', async () => {
    const { page } = app;
    await page.goto(`${app.server.url.split('#')[0]}#/settings/policies`);
    await page.getByText('南通市区幼儿园').first().waitFor();
    // Three clauses of one paragraph (第三条第3款): told apart by their titles, each text on screen as it is.
    const cases = [
      ['NT-3.3', '保教费退费：请假、转园、退园', '不超过当月法定工作日一半（含一半）'],
      ['NT-3.3b', '保教费退费：幼儿园原因停课', '停课天数占当月法定工作日的比例'],
      ['NT-3.3c', '保教费退费：虚假招生等违规行为', '虚假招生简章'],
    ] as const;
    for (const [id, title, words] of cases) {
      const clause = page.getByTestId(`clause-${id}`);
      expect(await textOf(clause)).toContain('南通市收费文件第三条第3款');
      await clause.getByText(title, { exact: true }).waitFor();
      await clause.getByText(words, { exact: false }).waitFor();
    }
    await app.screenshot('settings-policies');
  });
});
