import type { Question } from './types';

/**
 * Any group (a class, a question within a class, the whole run) with fewer
 * answers than this is not reported: with three parents in a class, a mean
 * of 1.0 tells everyone who complained.
 */
export const MIN_GROUP = 5;

/**
 * A change smaller than this is reported as unchanged: with 20–25 families a
 * class, one family moving one point shifts a class mean by about 0.05, so
 * 0.2 on the 1–5 scale (5% of the range) and 5 points of recommendation
 * score are the smallest moves worth acting on.
 */
export const CHANGE_THRESHOLD = { rating: 0.2, nps: 5 } as const;

export const round2 = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Counts of each value `min..max` (index 0 = min). */
export function distribution(values: readonly number[], min: number, max: number): number[] {
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const v of values) if (v >= min && v <= max) counts[v - min]! += 1;
  return counts;
}

/** Mean to two decimals, always with the number of answers it rests on. */
export function mean(values: readonly number[]): { mean: number | null; n: number } {
  if (values.length === 0) return { mean: null, n: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  return { mean: round2(sum / values.length), n: values.length };
}

export interface RecommendationScore {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters (9–10) − % detractors (0–6), one decimal, −100..100. */
  score: number | null;
}

export function recommendationScore(values: readonly number[]): RecommendationScore {
  let promoters = 0;
  let detractors = 0;
  for (const v of values) {
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  const n = values.length;
  return {
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: n === 0 ? null : round1(((promoters - detractors) * 100) / n),
  };
}

export type Direction = 'up' | 'down' | 'unchanged';
export interface Change {
  direction: Direction;
  /** Current minus previous, in the question's own units. */
  delta: number;
}

/** Compares two figures of the same question; null when either side is missing or hidden. */
export function change(previous: number | null | undefined, current: number | null | undefined, kind: 'rating' | 'nps'): Change | null {
  if (previous == null || current == null) return null;
  const delta = kind === 'nps' ? round1(current - previous) : round2(current - previous);
  const direction: Direction = Math.abs(delta) < CHANGE_THRESHOLD[kind] ? 'unchanged' : delta > 0 ? 'up' : 'down';
  return { direction, delta };
}

/**
 * Which groups to hide. Groups below MIN_GROUP are hidden; and if what is
 * hidden adds up to fewer than MIN_GROUP while a total is shown, the smallest
 * shown groups are hidden too — otherwise total minus the shown groups would
 * give the small group's answers away. `alreadyHidden` groups (e.g. classes
 * hidden as a whole) count towards what is hidden.
 */
export function suppressedGroups<K>(groups: readonly { key: K; n: number }[], alreadyHidden: ReadonlySet<K> = new Set()): Set<K> {
  const hidden = new Set<K>();
  let hiddenN = 0;
  for (const g of groups) {
    if (alreadyHidden.has(g.key) || (g.n > 0 && g.n < MIN_GROUP)) {
      hidden.add(g.key);
      hiddenN += g.n;
    }
  }
  if (hidden.size === 0) return hidden;
  const shown = groups.filter((g) => !hidden.has(g.key) && g.n > 0).sort((a, b) => a.n - b.n);
  for (const g of shown) {
    if (hiddenN >= MIN_GROUP) break;
    hidden.add(g.key);
    hiddenN += g.n;
  }
  return hidden;
}

export interface AnswerRow {
  responseId: number;
  questionId: number;
  value: number | null;
}

export interface QuestionStats {
  questionId: number;
  /** Number of responses that answered the question (a multiple choice counts once). */
  n: number;
  /** True when n < MIN_GROUP: no distribution or mean is given. */
  hidden: boolean;
  /** Rating: counts of 1..5; nps: 0..10; single/multi: per option. */
  distribution: number[] | null;
  mean: number | null;
  recommendation: RecommendationScore | null;
}

/** The figures for one question over a set of answers (already filtered to a group). */
export function questionStats(question: Question, answers: readonly AnswerRow[]): QuestionStats {
  const mine = answers.filter((a) => a.questionId === question.id);
  const values = mine.map((a) => a.value).filter((v): v is number => v !== null);
  const n = question.kind === 'multi' || question.kind === 'text' ? new Set(mine.map((a) => a.responseId)).size : values.length;
  const base = { questionId: question.id, n, hidden: n < MIN_GROUP, distribution: null, mean: null, recommendation: null };
  if (base.hidden || question.kind === 'text') return base;
  switch (question.kind) {
    case 'rating':
      return { ...base, distribution: distribution(values, 1, 5), mean: mean(values).mean };
    case 'nps': {
      const recommendation = recommendationScore(values);
      return { ...base, distribution: distribution(values, 0, 10), mean: mean(values).mean, recommendation };
    }
    case 'single':
    case 'multi':
      return { ...base, distribution: distribution(values, 0, question.options.length - 1) };
  }
}

/** The figure a question is ranked and compared by: the mean for ratings, the score for nps. */
export function headline(question: Question, stats: QuestionStats | undefined): number | null {
  if (!stats || stats.hidden) return null;
  if (question.kind === 'rating') return stats.mean;
  if (question.kind === 'nps') return stats.recommendation?.score ?? null;
  return null;
}

/** Rating questions, lowest mean first; hidden ones last (they have no mean to rank by). */
export function lowestFirst(questions: readonly Question[], stats: ReadonlyMap<number, QuestionStats>): Question[] {
  return questions
    .filter((q) => q.kind === 'rating')
    .map((q, i) => ({ q, i, m: headline(q, stats.get(q.id)) }))
    .sort((a, b) => (a.m ?? Number.POSITIVE_INFINITY) - (b.m ?? Number.POSITIVE_INFINITY) || a.i - b.i)
    .map((x) => x.q);
}
