import { halfWidth } from '../text/width';
import type { Question } from './types';

/** Where a spreadsheet column goes: a question, the class, the service's serial number, or nowhere. */
export type ColumnTarget = { question: number } | { field: 'class' } | { field: 'serial' } | { field: 'ignore' };

/** What questionnaire services put around the answers (问卷星, 腾讯问卷, 金数据): never questions. */
const SERIAL = /^(序号|编号|答卷编号|答卷序号|答题序号|id)$/i;
const META = /^(提交答卷时间|提交时间|开始时间|结束时间|填写时间|答题时间|所用时间|答题时长|用时|来源|来源详情|来自ip|ip|ip地址|用户名|用户id|昵称|微信昵称|总分|得分|地理位置|设备|浏览器|操作系统)$/i;

/**
 * A heading reduced to what it says: numbering (1、 Q1. 第1题 (1)), the type
 * marker (（单选题） [多选题] *必答), the kindergarten's self-reference (本园 /
 * 我园 / 贵园 / 幼儿园), the satisfaction frame (您对…是否满意) and
 * punctuation are dropped, so differently worded exports compare by meaning.
 */
export function headingKey(heading: string): string {
  return halfWidth(heading)
    .trim()
    .replace(/^\s*(第\s*\d+\s*题|Q\s*\d+|\(\s*\d+\s*\)|\d+)\s*[、.:)-]?\s*/i, '')
    .replace(/[([【]\s*(单选题?|多选题?|填空题?|简答题?|量表题?|评分题?|打分题?|矩阵[^)\]】]*|下拉框?|必答|必填|选填|可多选|0\s*[-–~～]\s*10\s*分?)[^)\]】]*[)\]】]/g, '')
    .replace(/[*＊]/g, '')
    .replace(/本园|我园|贵园|该园|咱园|幼儿园|园所/g, '园')
    .replace(/教师|老师/g, '老师')
    .replace(/^请问|^请|您对|是否满意|满意吗|的满意度|满意度|满意程度|如何评价|怎么样/g, '')
    .replace(/[\s:?.,!;"'、，。？！；：“”‘’·…—\-~～/]/g, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of two keys over character pairs, 0..1 (1 = same). */
export function similarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  for (const [g, n] of x) both += Math.min(n, y.get(g) ?? 0);
  return (2 * both) / (a.length - 1 + (b.length - 1));
}

/** A column heading counts as a question when it is at least this close. */
export const MATCH_THRESHOLD = 0.55;

/** The heading's best key: a matrix sub-item "以下方面—园所环境" is also compared by its part after the dash. */
function keysOf(heading: string): string[] {
  const keys = [headingKey(heading)];
  const parts = halfWidth(heading).split(/[—–]+|\s-\s|[:：](?=[^:：]*$)/);
  if (parts.length > 1) keys.push(headingKey(parts.at(-1)!));
  return keys.filter(Boolean);
}

const isClassHeading = (key: string) => /^(您的?)?(孩子|幼儿)?(所在的?|就读的?)?班级(名称)?$|^所在班级$|^班级$/.test(key);

/** How sure a heading is a question: the best similarity over its keys. */
function score(heading: string, question: Question): number {
  const target = headingKey(question.text);
  return Math.max(0, ...keysOf(heading).map((k) => similarity(k, target)));
}

/**
 * Guesses each column's target from its heading; the person checks and
 * corrects it. Questions are given to the closest headings first, one column
 * each.
 */
export function autoMap(headers: readonly string[], questions: readonly Question[]): ColumnTarget[] {
  const targets: ColumnTarget[] = headers.map(() => ({ field: 'ignore' }));
  const open: number[] = [];
  headers.forEach((h, i) => {
    const plain = halfWidth(h).trim();
    if (SERIAL.test(plain)) targets[i] = { field: 'serial' };
    else if (META.test(plain) || headingKey(h) === '') targets[i] = { field: 'ignore' };
    else if (isClassHeading(headingKey(h))) targets[i] = { field: 'class' };
    else open.push(i);
  });
  const pairs = open.flatMap((column) => questions.map((q) => ({ column, question: q.id, score: score(headers[column]!, q) })));
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const usedColumns = new Set<number>();
  const usedQuestions = new Set<number>();
  for (const p of pairs) {
    if (p.score < MATCH_THRESHOLD) break;
    if (usedColumns.has(p.column) || usedQuestions.has(p.question)) continue;
    targets[p.column] = { question: p.question };
    usedColumns.add(p.column);
    usedQuestions.add(p.question);
  }
  // Only one class column and one serial column.
  for (const field of ['class', 'serial'] as const) {
    let seen = false;
    targets.forEach((t, i) => {
      if ('field' in t && t.field === field) {
        if (seen) targets[i] = { field: 'ignore' };
        seen = true;
      }
    });
  }
  return targets;
}

/** A cell of a questionnaire export's header row (for finding it under a title row). */
export function isSurveyHeading(cell: string, questions: readonly Question[]): boolean {
  const plain = halfWidth(cell).trim();
  if (SERIAL.test(plain) || META.test(plain) || isClassHeading(headingKey(cell))) return true;
  return questions.some((q) => score(cell, q) >= MATCH_THRESHOLD);
}

/** The layout of an export, to recognise the next file of the same survey: FNV-1a of the header row. */
export function headerSignature(headers: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of headers.map((h) => halfWidth(h).trim()).join('\u0001')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}
