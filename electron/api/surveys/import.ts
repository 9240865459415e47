import { z } from 'zod';
import { autoMap, type ColumnTarget, MAX_COMMENT, MAX_IMPORT_ROWS, mappingProblem, readRows } from '../../../core/surveys';
import { handler } from '../define';
import { invalid } from '../errors';
import { id } from '../schemas';
import { ENTRY } from './access';
import { gridInput, mappingInput } from './inputs';
import { importContext, insertResponse, loadQuestions, openRun } from './records';
import { readSpreadsheet } from './spreadsheet';

export const importHandlers = {
  /** Reads an exported spreadsheet (base64) into rows of text and guesses the column mapping. Writes nothing. */
  'surveys.importRead': handler({
    access: ENTRY,
    write: false,
    input: z.object({
      runId: id,
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1, '请选择文件').max(30_000_000, '文件太大（最大约 20 MB）'),
    }),
    async run(ctx, input) {
      // Everything from the database first: after the await the context no longer reaches it.
      const run = openRun(ctx, input.runId);
      const questions = loadQuestions(ctx, run.templateId);
      const grid = await readSpreadsheet(input.fileName, input.base64);
      if (grid.length < 2) throw invalid('文件中没有数据行：第一行应为题目，之后每行一份答卷');
      if (grid.length - 1 > MAX_IMPORT_ROWS) throw invalid(`一次最多导入 ${MAX_IMPORT_ROWS} 份答卷，请分批导入`);
      const headers = grid[0]!.map((h) => h.trim());
      const rows = grid.slice(1).map((r) => headers.map((_, i) => (r[i] ?? '').slice(0, MAX_COMMENT * 2)));
      return { headers, rows, mapping: autoMap(headers, questions) };
    },
  }),

  /** Checks every row with a mapping: the preview of what an import would do. Writes nothing. */
  'surveys.importCheck': handler({
    access: ENTRY,
    write: false,
    input: z.object({ runId: id, rows: gridInput, mapping: mappingInput }),
    run(ctx, input) {
      const run = openRun(ctx, input.runId);
      const ic = importContext(ctx, run.id, run.templateId);
      const problem = mappingProblem(input.mapping, ic.questions);
      const rows = problem ? [] : readRows(input.rows, input.mapping as ColumnTarget[], ic);
      return {
        mappingProblem: problem,
        good: rows.filter((r) => r.problems.length === 0).length,
        bad: rows.filter((r) => r.problems.length > 0).map((r) => ({ row: r.row, problems: r.problems })),
      };
    },
  }),

  /**
   * Imports the rows in one transaction. Rows with problems must be listed in
   * skipRows (the person saw them in the preview and chose to leave them out);
   * any other problem refuses the whole import.
   */
  'surveys.importCommit': handler({
    access: ENTRY,
    write: true,
    input: z.object({
      runId: id,
      fileName: z.string().trim().max(200).default(''),
      rows: gridInput,
      mapping: mappingInput,
      skipRows: z.array(z.number().int().min(2)).max(MAX_IMPORT_ROWS).default([]),
    }),
    run(ctx, input) {
      const run = openRun(ctx, input.runId);
      const ic = importContext(ctx, run.id, run.templateId);
      const problem = mappingProblem(input.mapping, ic.questions);
      if (problem) throw invalid(problem);
      const skip = new Set(input.skipRows);
      const rows = readRows(input.rows, input.mapping as ColumnTarget[], ic);
      const unexpected = rows.find((r) => r.problems.length > 0 && !skip.has(r.row));
      if (unexpected) throw invalid(`第 ${unexpected.row} 行有问题：${unexpected.problems.join('；')}。没有导入任何答卷。`, `Row ${unexpected.row} has problems; nothing was imported.`);
      const good = rows.filter((r) => r.problems.length === 0 && !skip.has(r.row));
      if (good.length === 0) throw invalid('没有可导入的答卷');
      for (const r of good) {
        insertResponse(ctx, { runId: run.id, classId: r.classId!, source: 'import', sourceRef: r.serial }, r.answers);
      }
      const skipped = rows.length - good.length;
      ctx.audit({
        action: 'survey.response.import',
        kind: 'record',
        entity: 'survey_run',
        entityId: run.id,
        summary: `从「${input.fileName || '表格'}」导入 ${good.length} 份答卷${skipped ? `，跳过 ${skipped} 行` : ''}`,
        after: { imported: good.length, skippedRows: rows.filter((r) => !good.includes(r)).map((r) => r.row), mapping: input.mapping },
      });
      return { imported: good.length, skipped };
    },
  }),

};
