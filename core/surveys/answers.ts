import type { Question } from './types';

/** One question's answer as entered: `values` holds the rating, score or option indexes. */
export interface AnswerInput {
  questionId: number;
  values?: number[];
  text?: string;
}

export const MAX_COMMENT = 1000;

/** Checks one answer against its question; returns a Chinese message or null. */
export function answerProblem(question: Question, answer: AnswerInput, label = `第 ${question.id} 题`): string | null {
  const values = answer.values ?? [];
  switch (question.kind) {
    case 'text':
      if (values.length > 0) return `${label}是填空题，只能填文字`;
      if ((answer.text ?? '').length > MAX_COMMENT) return `${label}的意见最多 ${MAX_COMMENT} 字`;
      return null;
    case 'rating':
      if (values.length !== 1 || !Number.isInteger(values[0]) || values[0]! < 1 || values[0]! > 5) return `${label}应为 1～5 分`;
      return null;
    case 'nps':
      if (values.length !== 1 || !Number.isInteger(values[0]) || values[0]! < 0 || values[0]! > 10) return `${label}应为 0～10 分`;
      return null;
    case 'single':
    case 'multi': {
      if (values.length === 0) return `${label}没有选择任何选项`;
      if (question.kind === 'single' && values.length > 1) return `${label}是单选题，只能选一项`;
      if (new Set(values).size !== values.length) return `${label}有重复的选项`;
      const bad = values.find((v) => !Number.isInteger(v) || v < 0 || v >= question.options.length);
      if (bad !== undefined) return `${label}没有第 ${bad + 1} 个选项`;
      return null;
    }
  }
}

/** An answer that says nothing (blank comment, nothing ticked) is not stored. */
export function isBlank(answer: AnswerInput): boolean {
  return (answer.values ?? []).length === 0 && (answer.text ?? '').trim() === '';
}

const SKIPPED = new Set(['', '(跳过)', '（跳过）', '(空)', '（空）', '-', '—', 'N/A', 'n/a', '无']);
export const MULTI_SEPARATORS = /[┋|,，;；、\n]/;

/** What services write for a question that was not answered (跳过, 空, N/A). */
export const isSkippedCell = (cell: string) => SKIPPED.has(cell.trim());
