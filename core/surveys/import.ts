import { type AnswerInput, answerProblem, parseCell } from './answers';
import type { Question } from './types';

/** Where a spreadsheet column goes: a question, the class, the service's serial number, or nowhere. */
export type ColumnTarget = { question: number } | { field: 'class' } | { field: 'serial' } | { field: 'ignore' };

export const MAX_IMPORT_ROWS = 2000;

const normalise = (s: string) =>
  s
    .replace(/^\s*(第\s*)?\d+\s*[、.．:：)）题]\s*/, '')
    .replace(/[（(]\s*(可多选|多选|单选|必答|选填|0\s*[-–～~]\s*10\s*分?)[^）)]*[）)]/g, '')
    .replace(/[\s:：？?。.，,]/g, '')
    .toLowerCase();

/** Guesses each column's target from its heading; the person checks and corrects it. */
export function autoMap(headers: readonly string[], questions: readonly Question[]): ColumnTarget[] {
  const used = new Set<number>();
  return headers.map((header) => {
    const h = header.trim();
    if (/^(序号|编号|答卷编号|答卷序号|id)$/i.test(h)) return { field: 'serial' };
    const key = normalise(h);
    if (!key) return { field: 'ignore' };
    const q =
      questions.find((q) => !used.has(q.id) && normalise(q.text) === key) ??
      questions.find((q) => !used.has(q.id) && key.length >= 4 && (normalise(q.text).includes(key) || key.includes(normalise(q.text))));
    if (q) {
      used.add(q.id);
      return { question: q.id };
    }
    // "班级" alone, or "您孩子所在的班级", but not a question that mentions 班级群.
    if (/^(您的?)?(孩子|幼儿)?(所在的?)?班级(名称)?$/.test(key)) return { field: 'class' };
    return { field: 'ignore' };
  });
}

export interface ImportedRow {
  /** Spreadsheet row number as the person sees it (the heading is row 1). */
  row: number;
  classId: number | null;
  serial: string | null;
  answers: AnswerInput[];
  problems: string[];
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

/** Reads every data row with the chosen mapping and lists what is wrong with each one. */
export function readRows(rows: readonly (readonly string[])[], mapping: readonly ColumnTarget[], ctx: ImportContext): ImportedRow[] {
  const questions = new Map(ctx.questions.map((q, i) => [q.id, { q, label: `第 ${i + 1} 题` }]));
  const findClass = classMatcher(ctx.classes);
  const onlyClass = ctx.classes.length === 1 ? ctx.classes[0]!.id : null;
  const classColumn = mapping.findIndex((m) => 'field' in m && m.field === 'class');
  const serialColumn = mapping.findIndex((m) => 'field' in m && m.field === 'serial');
  const seen = new Set<string>();
  return rows.map((cells, i) => {
    const problems: string[] = [];
    const answers: AnswerInput[] = [];
    let classId = onlyClass;
    if (classColumn >= 0) {
      const cell = (cells[classColumn] ?? '').trim();
      classId = cell ? findClass(cell) : onlyClass;
      if (cell && classId === null) problems.push(`班级「${cell}」不在本次调查的班级中`);
      else if (classId === null) problems.push('没有填写班级');
    } else if (classId === null) problems.push('没有指定班级列');
    let serial: string | null = null;
    if (serialColumn >= 0) {
      serial = (cells[serialColumn] ?? '').trim() || null;
      if (serial && ctx.existingSerials.has(serial)) problems.push(`序号 ${serial} 已经导入过`);
      else if (serial && seen.has(serial)) problems.push(`序号 ${serial} 在文件中重复`);
      if (serial) seen.add(serial);
    }
    mapping.forEach((target, column) => {
      if (!('question' in target)) return;
      const entry = questions.get(target.question);
      if (!entry) return;
      const parsed = parseCell(entry.q, cells[column] ?? '');
      if (parsed === null) return;
      if ('error' in parsed) {
        problems.push(`${entry.label}：${parsed.error}`);
        return;
      }
      const answer = { questionId: entry.q.id, ...parsed };
      const problem = answerProblem(entry.q, answer, entry.label);
      if (problem) problems.push(problem);
      else answers.push(answer);
    });
    if (answers.length === 0 && problems.length === 0) problems.push('这一行没有任何答案');
    return { row: i + 2, classId, serial, answers, problems };
  });
}

/** The mapping itself must make sense before any row is read. */
export function mappingProblem(mapping: readonly ColumnTarget[], questions: readonly Question[]): string | null {
  const ids = new Set(questions.map((q) => q.id));
  const mapped = mapping.flatMap((m) => ('question' in m ? [m.question] : []));
  if (mapped.length === 0) return '还没有把任何一列对应到题目';
  if (mapped.some((id) => !ids.has(id))) return '有列对应到了不属于本问卷的题目';
  if (new Set(mapped).size !== mapped.length) return '同一道题对应了不止一列';
  const fields = mapping.flatMap((m) => ('field' in m && m.field !== 'ignore' ? [m.field] : []));
  if (new Set(fields).size !== fields.length) return '班级列或序号列只能各选一列';
  return null;
}
