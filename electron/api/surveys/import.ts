import { z } from 'zod';
import { findHeaderRow } from '../../../core/sheets';
import { autoMap, headerSignature, type ImportSettings, isSurveyHeading, MAX_COMMENT, MAX_IMPORT_ROWS, overfull, readImport, settingsProblem } from '../../../core/surveys';
import { handler, type HandlerContext } from '../define';
import { invalid } from '../errors';
import { id } from '../schemas';
import { ENTRY } from './access';
import { importInput } from './inputs';
import { importContext, insertResponse, loadQuestions, openRun, refreshInvited, responsesByClass } from './records';
import { rememberedMappings, saveImportSettings } from './remembered';
import { readSpreadsheet } from './spreadsheet';

/** Rows, the principal's settings and the whole file's reading, as the check and the commit both need them. */
function readWith(ctx: HandlerContext, input: z.output<typeof importInput>) {
  if (input.rowNumbers.length !== input.rows.length) throw invalid('行号与数据行数不一致，请重新选择文件');
  const run = openRun(ctx, input.runId);
  refreshInvited(ctx, run.id);
  const ic = importContext(ctx, run.id, run.templateId);
  const settings: ImportSettings = { mapping: input.mapping, fileClass: input.fileClass, labels: input.labels };
  const problem = settingsProblem(settings, ic.questions, ic.classes);
  const read = problem ? { rows: [], labels: [] } : readImport(input.rows, input.rowNumbers, settings, ic);
  const good = read.rows.filter((r) => r.problems.length === 0 && r.notResponse === null);
  return { run, ic, settings, problem, read, good };
}

export const importHandlers = {
  /**
   * Reads an exported spreadsheet (base64): finds the header row (under any
   * title rows), and guesses the columns — or brings back the mapping used
   * for a file of the same layout. Writes nothing.
   */
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
      // Everything from the database first: after the await the context no longer reaches it.
      const run = openRun(ctx, input.runId);
      const questions = loadQuestions(ctx, run.templateId);
      const classes = importContext(ctx, run.id, run.templateId).classes;
      const rememberedFor = rememberedMappings(ctx, run.templateId);
      const grid = await readSpreadsheet(input.fileName, input.base64);
      const headerAt = findHeaderRow(grid.map((r) => r.cells), (cell) => isSurveyHeading(cell, questions));
      if (headerAt < 0) throw invalid('文件中找不到题目所在的一行：请确认这是问卷平台导出的答卷（每列一道题，每行一份答卷）');
      const headers = grid[headerAt]!.cells.map((h) => h.trim());
      const data = grid.slice(headerAt + 1);
      if (data.length === 0) throw invalid('文件中没有数据行：题目所在行之后每行应是一份答卷');
      if (data.length > MAX_IMPORT_ROWS) throw invalid(`一次最多导入 ${MAX_IMPORT_ROWS} 份答卷，请分批导入`);
      const rows = data.map((r) => headers.map((_, i) => (r.cells[i] ?? '').slice(0, MAX_COMMENT * 2)));
      const signature = headerSignature(headers);
      const remembered = rememberedFor(signature, headers.length);
      // The class is the file's own (the next export of the same layout may be another class's), so it is not remembered.
      const fileClass: ImportSettings['fileClass'] = classes.length === 1 ? classes[0]!.id : null;
      const settings: ImportSettings = remembered ? { ...remembered, fileClass } : { mapping: autoMap(headers, questions), fileClass, labels: {} };
      return {
        headers,
        headerRow: grid[headerAt]!.row,
        rows,
        rowNumbers: data.map((r) => r.row),
        signature,
        remembered: remembered !== null,
        settings,
      };
    },
  }),

  /** Checks every row with the settings: the preview of what an import would do. Writes nothing. */
  'surveys.importCheck': handler({
    access: ENTRY,
    write: false,
    input: importInput,
    run(ctx, input) {
      const { run, ic, problem, read, good } = readWith(ctx, input);
      return {
        mappingProblem: problem,
        good: good.length,
        unknownClass: good.filter((r) => r.classId === null).length,
        bad: read.rows.filter((r) => r.problems.length > 0).map((r) => ({ row: r.row, problems: r.problems })),
        notResponses: read.rows.filter((r) => r.problems.length === 0 && r.notResponse !== null).map((r) => ({ row: r.row, reason: r.notResponse! })),
        labels: read.labels,
        capacityProblem: problem ? null : overfull(good, responsesByClass(ctx, run.id), ic.classes),
      };
    },
  }),

  /**
   * Imports the rows in one transaction. Rows with problems must be listed in
   * skipRows (the person saw them in the preview and chose to leave them out);
   * any other problem refuses the whole import. The settings are kept for the
   * next file of the same layout.
   */
  'surveys.importCommit': handler({
    access: ENTRY,
    write: true,
    input: importInput.extend({
      fileName: z.string().trim().max(200).default(''),
      signature: z.string().max(40).default(''),
      skipRows: z.array(z.number().int().min(1)).max(MAX_IMPORT_ROWS).default([]),
    }),
    run(ctx, input) {
      const { run, ic, settings, problem, read } = readWith(ctx, input);
      if (problem) throw invalid(problem);
      const skip = new Set(input.skipRows);
      const unexpected = read.rows.find((r) => r.problems.length > 0 && !skip.has(r.row));
      if (unexpected) throw invalid(`第 ${unexpected.row} 行有问题：${unexpected.problems.join('；')}。没有导入任何答卷。`, `Row ${unexpected.row} has problems; nothing was imported.`);
      const good = read.rows.filter((r) => r.problems.length === 0 && r.notResponse === null && !skip.has(r.row));
      if (good.length === 0) throw invalid('没有可导入的答卷');
      const tooMany = overfull(good, responsesByClass(ctx, run.id), ic.classes);
      if (tooMany) throw invalid(tooMany, 'More questionnaires than children; nothing was imported.');
      for (const r of good) {
        insertResponse(ctx, { runId: run.id, classId: r.classId, source: 'import', sourceRef: r.serial }, r.answers);
      }
      if (input.signature) saveImportSettings(ctx, run.templateId, input.signature, { mapping: settings.mapping, labels: settings.labels });
      const left = read.rows.filter((r) => !good.includes(r));
      const unknown = good.filter((r) => r.classId === null).length;
      ctx.audit({
        action: 'survey.response.import',
        kind: 'record',
        entity: 'survey_run',
        entityId: run.id,
        summary: `从「${input.fileName || '表格'}」导入 ${good.length} 份答卷${unknown ? `（其中 ${unknown} 份班级未知）` : ''}${left.length ? `，未导入 ${left.length} 行` : ''}`,
        after: { imported: good.length, skippedRows: left.map((r) => r.row), mapping: input.mapping, fileClass: input.fileClass, labels: input.labels },
      });
      return { imported: good.length, skipped: left.length };
    },
  }),
};
