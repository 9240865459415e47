import { z } from 'zod';
import { MAX_COMMENT, MAX_IMPORT_ROWS, QUESTION_KINDS } from '../../../core/surveys';
import { id, optionalText, shortText, text, whenFieldsValid } from '../schemas';

export const questionInput = z
  .object({
    section: optionalText(30),
    kind: z.enum(QUESTION_KINDS, '题型不正确'),
    text: shortText('题目', 200),
    options: z.array(shortText('选项', 40)).max(12, '选项最多 12 个').default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'rating' && q.options.length !== 5) ctx.addIssue({ code: 'custom', message: `评分题「${q.text}」需要 5 个等级说明`, path: ['options'] });
    if ((q.kind === 'single' || q.kind === 'multi') && q.options.length < 2)
      ctx.addIssue({ code: 'custom', message: `选择题「${q.text}」至少需要 2 个选项`, path: ['options'] });
    if ((q.kind === 'text' || q.kind === 'nps') && q.options.length > 0) ctx.addIssue({ code: 'custom', message: `「${q.text}」不需要选项`, path: ['options'] });
  }, whenFieldsValid);

export const answersInput = z
  .array(
    z.object({
      questionId: id,
      values: z.array(z.number().int('分值应为整数')).max(12).optional(),
      text: text(MAX_COMMENT, { multiline: true, tooLong: `意见最多 ${MAX_COMMENT} 字` }).optional(),
    }),
  )
  .max(100);

export const mappingInput = z
  .array(
    z.union([
      z.object({ question: id }).strict(),
      z.object({ field: z.enum(['class', 'serial', 'ignore']) }).strict(),
    ]),
  )
  .max(200, '列数太多');
export const gridInput = z
  .array(z.array(z.string().max(MAX_COMMENT * 2)).max(200))
  .max(MAX_IMPORT_ROWS, `一次最多导入 ${MAX_IMPORT_ROWS} 行`);

/** One file's import as the check and the commit receive it: its rows (with their sheet row numbers) and the principal's settings. */
export const importInput = z.object({
  runId: id,
  rows: gridInput,
  rowNumbers: z.array(z.number().int().min(1)).max(MAX_IMPORT_ROWS),
  mapping: mappingInput,
  /** No class column: the class of every row, or 'unknown'; null = not chosen. */
  fileClass: z.union([id, z.literal('unknown'), z.null()]).default(null),
  /** What unknown labels mean for this file (labelKey → level / option index, null = not answered). */
  labels: z.record(z.string().max(120), z.number().int().min(0).max(20).nullable()).default({}),
});
