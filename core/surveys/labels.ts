import { halfWidth } from '../text/width';

/**
 * How questionnaire services and schools word the five levels of a rating.
 * 问卷星 labels the lowest 非常不满意; others use 很满意 / 比较满意 / 一般 /
 * 不太满意 / 很不满意, or a number, or 好 / 差 wording. A label found here is
 * read as its level and reported as matched by synonym; anything else is
 * asked about once for the whole file (never silently dropped or guessed).
 */
const LEVELS: Record<1 | 2 | 3 | 4 | 5, string[]> = {
  5: ['非常满意', '很满意', '十分满意', '特别满意', '完全满意', '非常好', '很好'],
  4: ['满意', '比较满意', '较满意', '还算满意', '较好', '比较好'],
  3: ['一般', '基本满意', '说不清', '中立', '还行', '还可以'],
  2: ['不太满意', '不满意', '较不满意', '比较不满意', '不大满意', '较差', '比较差'],
  1: ['很不满意', '非常不满意', '十分不满意', '极不满意', '特别不满意', '完全不满意', '很差', '非常差'],
};

const SYNONYMS = new Map<string, number>(Object.entries(LEVELS).flatMap(([level, words]) => words.map((w) => [w, Number(level)] as const)));

/** How a cell was read: the question's own label, a common synonym, a score number, or the principal's choice for this file. */
export type LabelHow = 'label' | 'synonym' | 'number' | 'mapped';

/** "A. 非常满意", "非常满意（5分）", " 非常满意 " → "非常满意"; full-width forms made ASCII. */
export function cleanLabel(raw: string): string {
  return halfWidth(raw)
    .trim()
    .replace(/^[A-Za-z][.、:：)]\s*/, '')
    .replace(/\s*[(（]\s*\d+\s*分?\s*[)）]\s*$/, '')
    .replace(/\s+/g, '');
}

/** The level (1–5) a rating cell stands for, or null when the wording is not known. */
export function ratingLevel(raw: string, options: readonly string[]): { value: number; how: Exclude<LabelHow, 'mapped'> } | null {
  const label = cleanLabel(raw);
  const own = options.indexOf(label);
  if (own >= 0) return { value: own + 1, how: 'label' };
  const synonym = SYNONYMS.get(label);
  if (synonym !== undefined) return { value: synonym, how: 'synonym' };
  const score = /^([1-5])(?:\.0)?(?:分|星)?$/.exec(label);
  if (score) return { value: Number(score[1]), how: 'number' };
  return null;
}

/** The principal's answer, for one file, to "what does this label mean": a level or option index, or null for "count as not answered". */
export type LabelChoices = Record<string, number | null>;

/** Ratings share one scope (the five levels are the same for every rating question); choices are per question. */
export const labelKey = (scope: 'rating' | number, label: string) => (scope === 'rating' ? `rating:${label}` : `q${scope}:${label}`);
