import { type AnswerInput, answerProblem, isSkippedCell, MULTI_SEPARATORS } from './answers';
import type { ColumnTarget } from './columns';
import { cleanLabel, type LabelChoices, type LabelHow, labelKey, ratingLevel } from './labels';
import type { Question } from './types';

export const MAX_IMPORT_ROWS = 2000;

/**
 * What the principal decides for one file: where each column goes, the class
 * when no column says it (one class for the whole file, or not known), and
 * what the labels the app does not know mean.
 */
export interface ImportSettings {
  mapping: ColumnTarget[];
  fileClass: number | 'unknown' | null;
  labels: LabelChoices;
}

export interface ImportedRow {
  /** Spreadsheet row number as the person sees it in Excel. */
  row: number;
  /** Null: the class is not known (counted in the run, in no class). */
  classId: number | null;
  serial: string | null;
  answers: AnswerInput[];
  problems: string[];
  /** Why the row is not a response at all (only the comment answered, nothing answered); not an error to fix. */
  notResponse: string | null;
}

/** A wording found in the file and how it was read, so the principal sees what was matched and maps what was not. */
export interface LabelUse {
  key: string;
  /** 'rating' (every rating question) or the id of a choice question. */
  scope: 'rating' | number;
  label: string;
  count: number;
  /** The level (rating) or option index read; null when not known or counted as unanswered. */
  value: number | null;
  how: LabelHow | 'unknown' | 'unanswered';
}

export interface ImportContext {
  questions: readonly Question[];
  classes: readonly { id: number; name: string }[];
  /** Serial numbers already imported into this run. */
  existingSerials: ReadonlySet<string>;
}

function classMatcher(classes: ImportContext['classes']) {
  const byName = new Map<string, number>();
  for (const c of classes) {
    byName.set(c.name, c.id);
    byName.set(c.name.replace(/班$/, ''), c.id);
  }
  return (cell: string) => byName.get(cell.trim()) ?? byName.get(cell.trim().replace(/班$/, '')) ?? null;
}

/** The mapping and the class choice must make sense before any row is read. */
export function settingsProblem(settings: ImportSettings, questions: readonly Question[], classes: readonly { id: number }[]): string | null {
  const { mapping } = settings;
  const ids = new Set(questions.map((q) => q.id));
  const mapped = mapping.flatMap((m) => ('question' in m ? [m.question] : []));
  if (mapped.length === 0) return '还没有把任何一列对应到题目';
  if (mapped.some((id) => !ids.has(id))) return '有列对应到了不属于本问卷的题目';
  if (new Set(mapped).size !== mapped.length) return '同一道题对应了不止一列';
  const fields = mapping.flatMap((m) => ('field' in m && m.field !== 'ignore' ? [m.field] : []));
  if (new Set(fields).size !== fields.length) return '班级列或序号列只能各选一列';
  const hasClassColumn = fields.includes('class');
  if (!hasClassColumn && settings.fileClass === null && classes.length > 1) {
    return '表格中没有班级列：请选择整份文件属于哪个班，或“班级未知”，或指定班级所在的列';
  }
  if (typeof settings.fileClass === 'number' && !classes.some((c) => c.id === settings.fileClass)) return '所选班级不在本次调查范围内';
  return null;
}

/** The class of a file without a class column: the chosen one, or the run's only class. */
function classForFile(settings: ImportSettings, classes: ImportContext['classes']): number | null {
  if (typeof settings.fileClass === 'number') return settings.fileClass;
  if (settings.fileClass === 'unknown') return null;
  return classes.length === 1 ? classes[0]!.id : null;
}

/**
 * Reads every data row with the chosen settings: each row's answers and
 * problems, and every wording found with how it was read.
 */
export function readImport(
  rows: readonly (readonly string[])[],
  rowNumbers: readonly number[],
  settings: ImportSettings,
  ctx: ImportContext,
): { rows: ImportedRow[]; labels: LabelUse[] } {
  const { mapping } = settings;
  const questions = new Map(ctx.questions.map((q, i) => [q.id, { q, label: `第 ${i + 1} 题` }]));
  const findClass = classMatcher(ctx.classes);
  const fileClass = classForFile(settings, ctx.classes);
  const classColumn = mapping.findIndex((m) => 'field' in m && m.field === 'class');
  const serialColumn = mapping.findIndex((m) => 'field' in m && m.field === 'serial');
  const uses = new Map<string, LabelUse>();
  const note = (use: Omit<LabelUse, 'count' | 'key'>) => {
    const key = labelKey(use.scope, use.label);
    const found = uses.get(key);
    if (found) found.count++;
    else uses.set(key, { ...use, key, count: 1 });
  };
  const seen = new Set<string>();
  const result = rows.map((cells, i): ImportedRow => {
    const row = rowNumbers[i] ?? i + 2;
    const problems: string[] = [];
    const answers: AnswerInput[] = [];
    let classId = fileClass;
    if (classColumn >= 0) {
      const cell = (cells[classColumn] ?? '').trim();
      classId = cell ? findClass(cell) : null;
      if (cell && classId === null) problems.push(`班级「${cell}」不在本次调查的班级中`);
    }
    mapping.forEach((target, column) => {
      if (!('question' in target)) return;
      const entry = questions.get(target.question);
      if (!entry) return;
      const read = readCell(entry.q, cells[column] ?? '', settings.labels, note);
      if (read === null) return;
      if ('error' in read) {
        problems.push(`${entry.label}：${read.error}`);
        return;
      }
      const answer = { questionId: entry.q.id, ...read };
      const problem = answerProblem(entry.q, answer, entry.label);
      if (problem) problems.push(problem);
      else answers.push(answer);
    });
    // A row with nothing but a comment is not a filled-in questionnaire (an abandoned or test submission):
    // it is not imported and its serial number stays free for the full row.
    const scored = answers.filter((a) => questions.get(a.questionId)?.q.kind !== 'text');
    const notResponse =
      problems.length > 0 ? null : answers.length === 0 ? '这一行没有任何答案' : scored.length === 0 ? '只回答了意见题，没有任何评分或选择，不作为一份答卷导入' : null;
    let serial: string | null = null;
    if (serialColumn >= 0) {
      serial = (cells[serialColumn] ?? '').trim() || null;
      if (serial && notResponse === null) {
        if (ctx.existingSerials.has(serial)) problems.push(`序号 ${serial} 已经导入过`);
        else if (seen.has(serial)) problems.push(`序号 ${serial} 在文件中重复`);
        seen.add(serial);
      }
    }
    return { row, classId, serial, answers, problems, notResponse };
  });
  // The wordings to decide about first, then the most frequent.
  const order = (u: LabelUse) => (u.how === 'unknown' ? 0 : 1);
  return { rows: result, labels: [...uses.values()].sort((a, b) => order(a) - order(b) || String(a.scope).localeCompare(String(b.scope)) || b.count - a.count) };
}

type Note = (use: Omit<LabelUse, 'count' | 'key'>) => void;

/** One cell as an answer, with the principal's label choices for the file; labels read are noted. */
function readCell(question: Question, raw: string, choices: LabelChoices, note: Note): { values?: number[]; text?: string } | { error: string } | null {
  const cell = raw.trim();
  if (question.kind === 'text') return isSkippedCell(cell) && cell !== '无' ? null : { text: cell };
  if (isSkippedCell(cell)) return null;
  switch (question.kind) {
    case 'rating': {
      const label = cleanLabel(cell);
      const key = labelKey('rating', label);
      if (key in choices) {
        const value = choices[key]!;
        note({ scope: 'rating', label, value, how: value === null ? 'unanswered' : 'mapped' });
        return value === null ? null : { values: [value] };
      }
      const level = ratingLevel(cell, question.options);
      note({ scope: 'rating', label, value: level?.value ?? null, how: level?.how ?? 'unknown' });
      return level ? { values: [level.value] } : { error: `「${cell}」不是已知的满意程度，请在上方“答案的写法”中指定它的意思` };
    }
    case 'nps': {
      const n = /^(10|[0-9])(?:\.0)?\s*分?$/.exec(cleanLabel(cell));
      return n ? { values: [Number(n[1])] } : { error: `「${cell}」不是 0～10 分` };
    }
    case 'single':
    case 'multi': {
      const parts = question.kind === 'multi' ? cell.split(MULTI_SEPARATORS).map((p) => p.trim()).filter(Boolean) : [cell];
      const values: number[] = [];
      for (const part of parts) {
        const label = cleanLabel(part);
        const key = labelKey(question.id, label);
        let index: number | null;
        if (key in choices) {
          index = choices[key]!;
          note({ scope: question.id, label, value: index, how: index === null ? 'unanswered' : 'mapped' });
          if (index === null) continue;
        } else {
          index = optionIndex(question.options, part);
          if (index === null) {
            note({ scope: question.id, label, value: null, how: 'unknown' });
            return { error: `「${part}」不是这道题的选项，请在上方“答案的写法”中指定它对应哪个选项` };
          }
        }
        if (!values.includes(index)) values.push(index);
      }
      return values.length > 0 ? { values } : null;
    }
  }
}

function optionIndex(options: readonly string[], part: string): number | null {
  const exact = options.indexOf(part.trim());
  if (exact >= 0) return exact;
  // Services sometimes export "A. 班级微信群" or the option number.
  const byLabel = options.indexOf(cleanLabel(part));
  if (byLabel >= 0) return byLabel;
  if (/^\d+$/.test(part.trim())) {
    const i = Number(part.trim()) - 1;
    if (i >= 0 && i < options.length) return i;
  }
  return null;
}

/**
 * No class may end up with more questionnaires than it has children, nor the
 * run with more than the children of its classes: a whole-kindergarten file
 * put into one class would otherwise read "60 / 24 · 250%".
 */
export function overfull(
  incoming: readonly { classId: number | null }[],
  existing: ReadonlyMap<number | null, number>,
  classes: readonly { id: number; name: string; invited: number }[],
): string | null {
  const count = new Map<number | null, number>(existing);
  for (const r of incoming) count.set(r.classId, (count.get(r.classId) ?? 0) + 1);
  for (const c of classes) {
    const n = count.get(c.id) ?? 0;
    if (n > c.invited) {
      return `${c.name}只有 ${c.invited} 名幼儿，导入后将有 ${n} 份答卷归入${c.name}（回收率会超过 100%）。如果这是全园或几个班的问卷，请选择“班级未知”或用班级列；如果有家庭重复填写，请先删去重复的行。`;
    }
  }
  const total = [...count.values()].reduce((a, b) => a + b, 0);
  const invited = classes.reduce((a, c) => a + c.invited, 0);
  if (total > invited) {
    return `本次调查覆盖的班级共 ${invited} 名幼儿，导入后将有 ${total} 份答卷。请确认文件属于本次调查；如问卷面向全园，请发起一次覆盖全园班级的调查。`;
  }
  return null;
}
