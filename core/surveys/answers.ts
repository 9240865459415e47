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

const SKIPPED = new Set(['', '(跳过)', '（跳过）', '(空)', '（空）', '-', '—', 'N/A', '无']);
const MULTI_SEPARATORS = /[┋|,，;；、\n]/;

/**
 * Reads one spreadsheet cell as an answer. Online questionnaire services
 * export choices as their label (问卷星 joins multiple choices with ┋), ratings
 * as a number, "5分" or the label, and skipped questions as "(跳过)".
 */
export function parseCell(question: Question, raw: string): { values?: number[]; text?: string } | { error: string } | null {
  const cell = raw.trim();
  if (question.kind === 'text') return SKIPPED.has(cell) && cell !== '无' ? null : { text: cell };
  if (SKIPPED.has(cell)) return null;
  switch (question.kind) {
    case 'rating': {
      const label = question.options.indexOf(cell);
      if (label >= 0) return { values: [label + 1] };
      const n = /^([1-5])\s*分?$/.exec(cell);
      return n ? { values: [Number(n[1])] } : { error: `「${cell}」不是 1～5 分` };
    }
    case 'nps': {
      const n = /^(10|[0-9])\s*分?$/.exec(cell);
      return n ? { values: [Number(n[1])] } : { error: `「${cell}」不是 0～10 分` };
    }
    case 'single':
    case 'multi': {
      const parts = question.kind === 'multi' ? cell.split(MULTI_SEPARATORS).map((p) => p.trim()).filter(Boolean) : [cell];
      const values: number[] = [];
      for (const part of parts) {
        const index = optionIndex(question.options, part);
        if (index === null) return { error: `「${part}」不是这道题的选项` };
        if (!values.includes(index)) values.push(index);
      }
      return { values };
    }
  }
}

function optionIndex(options: readonly string[], part: string): number | null {
  const exact = options.indexOf(part);
  if (exact >= 0) return exact;
  // Services sometimes export "A. 班级微信群" or the option number.
  const stripped = part.replace(/^[A-Z][.．、]\s*/, '');
  const byLabel = options.indexOf(stripped);
  if (byLabel >= 0) return byLabel;
  if (/^\d+$/.test(part)) {
    const i = Number(part) - 1;
    if (i >= 0 && i < options.length) return i;
  }
  return null;
}
