import {
  type AnswerRow,
  type Change,
  change,
  headline,
  lowestFirst,
  MIN_GROUP,
  mean,
  type QuestionStats,
  questionStats,
  type RecommendationScore,
  suppressedGroups,
} from './stats';
import type { Question } from './types';

export interface ReviewInput {
  questions: readonly Question[];
  classes: readonly { id: number; name: string; invited: number }[];
  /** classId null: the class is not known (an export without a class question); counted in the run only. */
  responses: readonly { id: number; classId: number | null }[];
  answers: readonly AnswerRow[];
}

export interface ClassCell {
  questionId: number;
  n: number;
  hidden: boolean;
  /** The mean (rating) or recommendation score (nps); null when hidden. */
  value: number | null;
}

export interface ClassRow {
  classId: number;
  name: string;
  invited: number;
  responses: number;
  /** Percent, one decimal; null when the class had no children. */
  rate: number | null;
  /** The class as a whole has too few responses to show anything about its answers. */
  hidden: boolean;
  cells: ClassCell[];
}

export interface QuestionChange {
  questionId: number;
  previous: number | null;
  current: number | null;
  change: Change | null;
}

export interface Review {
  responses: number;
  /** Responses whose class is not known: in the totals, in no class row. */
  unknownClass: number;
  invited: number;
  rate: number | null;
  classes: ClassRow[];
  questions: QuestionStats[];
  /** Mean of every 1–5 answer in the run. */
  overall: { mean: number | null; n: number; hidden: boolean };
  recommendation: RecommendationScore | null;
  /** Rating question ids, lowest mean first. */
  lowestFirst: number[];
  /** Against the previous run of the same template; empty when there is none. */
  changes: QuestionChange[];
}

const rate = (responses: number, invited: number) => (invited > 0 ? Math.round((responses * 1000) / invited) / 10 : null);

/** Per-question figures for the whole run: also what the next run compares against. */
export function runStats(questions: readonly Question[], answers: readonly AnswerRow[]): Map<number, QuestionStats> {
  return new Map(questions.map((q) => [q.id, questionStats(q, answers)]));
}

/**
 * Everything the principal's review shows, with every group under MIN_GROUP
 * already removed: what leaves here is safe to display or print.
 */
export function buildReview(input: ReviewInput, previous: ReadonlyMap<number, QuestionStats> | null): Review {
  const { questions, answers } = input;
  const stats = runStats(questions, answers);
  const classOf = new Map(input.responses.map((r) => [r.id, r.classId]));
  const responsesByClass = new Map<number, number>();
  for (const r of input.responses) if (r.classId !== null) responsesByClass.set(r.classId, (responsesByClass.get(r.classId) ?? 0) + 1);
  const hiddenClasses = suppressedGroups(input.classes.map((c) => ({ key: c.id, n: responsesByClass.get(c.id) ?? 0 })));

  const answersByClass = new Map<number, AnswerRow[]>();
  for (const a of answers) {
    const classId = classOf.get(a.responseId);
    if (classId === undefined || classId === null) continue;
    const list = answersByClass.get(classId) ?? [];
    list.push(a);
    answersByClass.set(classId, list);
  }
  const scored = questions.filter((q) => q.kind === 'rating' || q.kind === 'nps');
  const cellStats = new Map<number, Map<number, QuestionStats>>();
  for (const c of input.classes) {
    const own = answersByClass.get(c.id) ?? [];
    cellStats.set(c.id, new Map(scored.map((q) => [q.id, questionStats(q, own)])));
  }
  // Per question, hide small cells and whatever would let them be worked out from the total.
  const hiddenCells = new Map<number, Set<number>>();
  for (const q of scored) {
    const groups = input.classes.map((c) => ({ key: c.id, n: cellStats.get(c.id)?.get(q.id)?.n ?? 0 }));
    hiddenCells.set(q.id, suppressedGroups(groups, hiddenClasses));
  }

  const classes: ClassRow[] = input.classes.map((c) => {
    const responses = responsesByClass.get(c.id) ?? 0;
    return {
      classId: c.id,
      name: c.name,
      invited: c.invited,
      responses,
      rate: rate(responses, c.invited),
      hidden: hiddenClasses.has(c.id) || responses < MIN_GROUP,
      cells: scored.map((q) => {
        const s = cellStats.get(c.id)?.get(q.id);
        const hidden = !s || s.hidden || (hiddenCells.get(q.id)?.has(c.id) ?? false);
        return { questionId: q.id, n: s?.n ?? 0, hidden, value: hidden ? null : headline(q, s) };
      }),
    };
  });

  const ratingIds = new Set(questions.filter((q) => q.kind === 'rating').map((q) => q.id));
  const allRatings = answers.filter((a) => ratingIds.has(a.questionId) && a.value !== null).map((a) => a.value as number);
  const overallMean = mean(allRatings);
  const overallHidden = input.responses.length < MIN_GROUP;
  const nps = questions.find((q) => q.kind === 'nps');
  const invited = input.classes.reduce((sum, c) => sum + c.invited, 0);

  return {
    responses: input.responses.length,
    unknownClass: input.responses.filter((r) => r.classId === null).length,
    invited,
    rate: rate(input.responses.length, invited),
    classes,
    questions: questions.map((q) => stats.get(q.id)!),
    overall: { mean: overallHidden ? null : overallMean.mean, n: overallMean.n, hidden: overallHidden },
    recommendation: nps ? (stats.get(nps.id)?.recommendation ?? null) : null,
    lowestFirst: lowestFirst(questions, stats).map((q) => q.id),
    changes: previous
      ? scored.map((q) => {
          const before = headline(q, previous.get(q.id));
          const now = headline(q, stats.get(q.id));
          return { questionId: q.id, previous: before, current: now, change: change(before, now, q.kind === 'nps' ? 'nps' : 'rating') };
        })
      : [],
  };
}
