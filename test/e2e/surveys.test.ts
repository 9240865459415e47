import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE } from '../../core/surveys/template';
import { type AppUnderTest, SCREENSHOTS, startApp, waitForCount } from './harness';

/**
 * The whole survey loop in Chromium: a run from the built-in template, 20
 * paper sheets typed in, 50 more imported from a questionnaire-service
 * export (3 bad rows reported and left out), the review checked against
 * figures computed here, an improvement action, and the PDF report.
 */
const QUESTIONS = BUILT_IN_TEMPLATE.questions;
const RATING_INDEXES = QUESTIONS.flatMap((q, i) => (q.kind === 'rating' ? [i] : []));
const NPS_INDEX = QUESTIONS.findIndex((q) => q.kind === 'nps');
// Paper sheets come from 苗苗班; the online ones from the other four classes.
const IMPORT_CLASSES = ['星星班', '向日葵班', '蒲公英班', '太阳班'];

interface Sheet {
  ratings: number[]; // by rating question, in order
  nps: number;
  single: number; // 1-based option
  multi: number[]; // 1-based options
  comment: string;
}

function paperSheet(i: number): Sheet {
  return {
    ratings: RATING_INDEXES.map((_, k) => 1 + ((i * 3 + k * 2) % 5)),
    nps: (i * 7) % 11,
    single: 1 + (i % 5),
    multi: i % 2 ? [1, 6] : [6],
    comment: i % 4 === 0 ? `纸质意见${i}：希望伙食更丰富` : '',
  };
}

function importedSheet(i: number): Sheet {
  return {
    ratings: RATING_INDEXES.map((_, k) => (k === 7 ? 2 + (i % 3) : 3 + ((i + k) % 3))),
    nps: 5 + (i % 6),
    single: 1 + (i % 3),
    multi: [2 + (i % 4)],
    comment: i % 5 === 0 ? `线上意见${i}：接送时门口拥挤` : '',
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

let app: AppUnderTest;
beforeAll(async () => {
  app = await startApp({ demo: true });
  await app.signIn('admin', 'demo1234');
});
afterAll(async () => {
  await app?.close();
});

describe('satisfaction survey, end to end', () => {
  it('runs a survey from the template to the PDF report', async () => {
    const page = app.page;
    const sheets: Sheet[] = [];

    // 1. A run from the built-in template, for all five classes.
    await page.getByTestId('nav-surveys').click();
    await page.getByTestId('new-run').click();
    await page.getByTestId('run-title').fill('2026秋季期末家长满意度调查');
    await page.getByTestId('run-create').click();
    await page.getByTestId('answer-form').waitFor();
    const runId = Number(/run\/(\d+)\/entry/.exec(page.url())?.[1]);
    expect(runId).toBeGreaterThan(0);

    // 2. Twenty paper questionnaires, typed in.
    await page.getByTestId('entry-class').click();
    await page.getByRole('option', { name: '苗苗班' }).click();
    await page.getByTestId('question-1').click();
    for (let i = 1; i <= 20; i++) {
      const s = paperSheet(i);
      sheets.push(s);
      let r = 0;
      for (const q of QUESTIONS) {
        if (q.kind === 'rating') await page.keyboard.type(String(s.ratings[r++]));
        else if (q.kind === 'single') await page.keyboard.type(String(s.single));
        else if (q.kind === 'multi') {
          await page.keyboard.type(s.multi.join(''));
          await page.keyboard.press('Space');
        } else if (q.kind === 'nps') {
          await page.keyboard.type(String(s.nps));
          if (s.nps === 1) await page.keyboard.press('Space');
        } else if (s.comment) {
          await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'text-15');
          await page.keyboard.type(s.comment);
        }
      }
      if (i === 20) await app.screenshot('surveys-paper-entry');
      await page.keyboard.press('Enter');
      await page.getByTestId('entered-count').getByText(`本次已录入 ${i} 份`).waitFor();
      await page.locator('[data-testid="question-1"][data-active]').waitFor();
    }
    expect(await page.getByTestId('response-no').inputValue()).toBe('21');

    // 3. Fifty more from an online questionnaire export, with three bad rows.
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Sheet1');
    ws.addRow(['序号', '提交答卷时间', '1、您孩子所在的班级：', ...QUESTIONS.map((q, i) => `${i + 2}、${q.text}`)]);
    const cells = (s: Sheet) => {
      let r = 0;
      return QUESTIONS.map((q) => {
        if (q.kind === 'rating') return q.options[s.ratings[r++]! - 1]!;
        if (q.kind === 'single') return q.options[s.single - 1]!;
        if (q.kind === 'multi') return s.multi.map((m) => q.options[m - 1]).join('┋');
        if (q.kind === 'nps') return String(s.nps);
        return s.comment || '(跳过)';
      });
    };
    let serial = 0;
    for (let i = 1; i <= 50; i++) {
      const s = importedSheet(i);
      sheets.push(s);
      ws.addRow([String(++serial), '2026/11/20 20:15:03', IMPORT_CLASSES[i % 4], ...cells(s)]);
      if (i === 10) ws.addRow([String(++serial), '2026/11/20 20:16:00', '月亮班', ...cells(importedSheet(99))]);
      if (i === 20) ws.addRow([String(++serial), '2026/11/20 20:17:00', '太阳班', ...cells(importedSheet(98)).map((c, k) => (k === NPS_INDEX ? '十分' : c))]);
      if (i === 30) ws.addRow([String(++serial), '2026/11/20 20:18:00', '星星班', ...cells(importedSheet(97)).map((c, k) => (k === 0 ? '7' : c))]);
    }
    const file = join(app.dir, '问卷星导出.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByRole('tab', { name: '导入线上问卷表格' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-summary').getByText('可以导入 50 份；有问题 3 行。').waitFor();
    const problems = await page.getByTestId('import-problems').innerText();
    expect(problems).toContain('第 12 行');
    expect(problems).toContain('班级「月亮班」不在本次调查的班级中');
    expect(problems).toContain('「十分」不是 0～10 分');
    expect(problems).toContain('第 1 题：「7」不是已知的满意程度');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await app.screenshot('surveys-import-preview');
    await page.getByTestId('skip-bad').check();
    await page.getByTestId('import-commit').click();
    await page.getByText('已导入 50 份答卷').waitFor();

    // 4. The review, against figures computed here from what was entered. An anonymous run
    // shows its figures once collection is closed: until then, only how many came back.
    await page.evaluate((id) => {
      window.location.hash = `/surveys/run/${id}/review`;
    }, runId);
    await page.getByTestId('review-held').waitFor();
    await page.getByText('已收回 70 /').waitFor();
    await page.getByRole('button', { name: '结束调查' }).click();
    await page.getByTestId('summary-responses').waitFor();
    // The families invited: the children enrolled in each class when the run started, read straight from the file.
    const db = new Database(join(app.dir, 'kinderdesk.sqlite'), { readonly: true });
    const enrolled = new Map(
      (db.prepare("select c.name, count(*) as n from children k join classes c on c.id = k.class_id where k.status = 'enrolled' group by c.name").all() as { name: string; n: number }[]).map((r) => [r.name, r.n]),
    );
    db.close();
    const invited = [...enrolled.values()].reduce((a, b) => a + b, 0);
    expect(await page.getByTestId('summary-responses').innerText()).toContain(`70 / ${invited}`);
    const npsValues = sheets.map((s) => s.nps);
    const promoters = npsValues.filter((v) => v >= 9).length;
    const detractors = npsValues.filter((v) => v <= 6).length;
    const npsScore = Math.round(((promoters - detractors) * 1000) / 70) / 10;
    // Means with two decimals, the score with one, as everywhere in the review and the report.
    expect(await page.getByTestId('nps-score').innerText()).toBe(`${npsScore > 0 ? '+' : ''}${npsScore.toFixed(1)}`);
    const means = RATING_INDEXES.map((qi, k) => ({ qi, mean: round2(sheets.reduce((sum, s) => sum + s.ratings[k]!, 0) / 70) }));
    for (const { qi, mean } of means) {
      const block = page.getByTestId(`review-q-${qi + 1}`);
      expect(await block.getByTestId('mean').innerText()).toBe(mean.toFixed(2));
      expect(await block.innerText()).toContain('n = 70');
    }
    const overall = round2(sheets.reduce((sum, s) => sum + s.ratings.reduce((a, b) => a + b, 0), 0) / (70 * RATING_INDEXES.length));
    expect(await page.getByTestId('summary-overall').getByTestId('mean').innerText()).toBe(overall.toFixed(2));
    // Lowest first: the first block is the question with the lowest mean.
    const lowest = [...means].sort((a, b) => a.mean - b.mean || a.qi - b.qi)[0]!;
    const first = page.getByTestId('lowest-first').locator('[data-testid^="review-q-"]').first();
    expect(await first.getAttribute('data-testid')).toBe(`review-q-${lowest.qi + 1}`);
    // Response rate by class: 苗苗班 returned the 20 paper sheets, 星星班 12 online.
    const rate = (returned: number, of: number) => `${returned}/${of}（${Math.round((returned * 1000) / of) / 10}%）`;
    expect(await page.getByTestId('rate-苗苗班').innerText()).toBe(rate(20, enrolled.get('苗苗班')!));
    expect(await page.getByTestId('rate-星星班').innerText()).toBe(rate(12, enrolled.get('星星班')!));
    // Comments are searchable.
    await page.getByTestId('comment-search').fill('门口');
    await waitForCount(page.getByTestId('comment'), 10);
    await page.getByTestId('comment-search').fill('');

    // 5. An improvement action on the lowest question.
    await first.getByRole('button', { name: '制定改进措施' }).click();
    await page.getByTestId('action-title').fill('与家委会一起调整带量食谱');
    await page.getByTestId('action-owner').fill('赵师傅（食堂）');
    await page.getByTestId('action-save').click();
    await page.getByTestId('actions').getByText('与家委会一起调整带量食谱').waitFor();
    await app.screenshot('surveys-review');

    // 6. The PDF report with its charts.
    await page.evaluate((id) => {
      window.location.hash = `/print/survey-report/${id}`;
    }, runId);
    await page.getByTestId('report-ready').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.recharts-bar-rectangle').length > 20);
    const pdf = join(app.dir, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(`70/${invited}`);
    expect(flat).toContain(`${npsScore > 0 ? '+' : ''}${npsScore.toFixed(1)}`);
    expect(flat).toContain('您对孩子的伙食和营养搭配是否满意？'.replace(/\s+/g, ''));
    expect(flat).toContain(lowest.mean.toFixed(2));
    expect(flat).toContain('与家委会一起调整带量食谱');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(SCREENSHOTS, 'surveys-report-page')]);
    expect(readFileSync(join(SCREENSHOTS, 'surveys-report-page-1.png')).length).toBeGreaterThan(10_000);
    // Page 1 carries the summary, what got worse, the lowest scores and the class table: the principal's first look.
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']).toString().replace(/\s+/g, '');
    for (const part of ['回收问卷', '比上次下降', '得分最低', '改进措施', '各班回收率与分班得分']) expect(page1).toContain(part);

    // 7. The next run shows whether an action moved its score: the demo's mid-term
    // review, where the food action of the first run is done and food went up.
    await page.evaluate(() => {
      window.location.hash = '/surveys';
    });
    await page.getByRole('row', { name: /2026秋季期中家长满意度调查/ }).getByRole('button', { name: '查看分析' }).click();
    const food = page.locator('[data-testid^="review-q-"]', { hasText: '您对孩子的伙食和营养搭配是否满意？' });
    const followUp = food.getByTestId('follow-up');
    await followUp.waitFor();
    const effect = (await followUp.textContent()) ?? '';
    expect(effect).toContain('调整午餐菜谱');
    expect(effect).toContain('3.08 → 4.07');
    expect(effect).toContain('↑ 上升 +0.99');
    await food.screenshot({ path: join(SCREENSHOTS, 'surveys-action-effect.png') });
  });
});
