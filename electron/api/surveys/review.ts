import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { buildReview, change, headline, MIN_GROUP, runStats } from '../../../core/surveys';
import { householdLabels } from '../../../db/queries/families';
import { semesters, surveyActions, surveyCommentTags } from '../../../db/schema';
import { handler } from '../define';
import { notFound } from '../errors';
import { id, shortText } from '../schemas';
import { PRINCIPAL } from './access';
import { commentKey, figuresHeld, noteFiguresShown } from './anonymity';
import { loadQuestions, loadRun, previousRun, runClasses, runData } from './records';

export const reviewHandlers = {
  /**
   * The principal's review. Everything under MIN_GROUP is removed here, in
   * the backend, and an anonymous run's comments carry no family. An
   * anonymous run still collecting shows only how many came back (see
   * anonymity.ts for why); a previous run is compared only once it is closed.
   */
  'surveys.review': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({ runId: id }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      const questions = loadQuestions(ctx, run.templateId);
      const cls = runClasses(ctx, run.id);
      const { responses, answers } = runData(ctx, run.id);
      const semester = ctx.db.select({ name: semesters.name }).from(semesters).where(eq(semesters.id, run.semesterId)).get();
      const runInfo = { id: run.id, title: run.title, anonymous: run.anonymous, status: run.status, semester: semester?.name ?? '', createdAt: run.createdAt };
      if (figuresHeld(run)) {
        return { held: true as const, run: runInfo, responses: responses.length, invited: cls.reduce((sum, c) => sum + c.invited, 0) };
      }
      noteFiguresShown(ctx, run);
      const before = previousRun(ctx, run);
      const prev = before && !figuresHeld(before) ? before : null;
      if (prev) noteFiguresShown(ctx, prev);
      const prevStats = prev ? runStats(questions, runData(ctx, prev.id).answers) : null;
      const review = buildReview({ questions, classes: cls, responses, answers }, prevStats);
      const currentStats = new Map(review.questions.map((s) => [s.questionId, s]));

      const responseById = new Map(responses.map((r) => [r.id, r]));
      const className = new Map(review.classes.map((c) => [c.classId, c.hidden ? null : c.name]));
      const textIds = new Set(questions.filter((q) => q.kind === 'text').map((q) => q.id));
      const comments = answers.filter((a) => textIds.has(a.questionId) && a.text);
      const tags = comments.length
        ? ctx.db.select().from(surveyCommentTags).where(inArray(surveyCommentTags.answerId, comments.map((c) => c.id))).all()
        : [];
      // An anonymous run's comments carry no family, so its households are not even looked up.
      const familyNames = run.anonymous ? new Map<number, string>() : householdLabels(ctx.db, responses.flatMap((r) => (r.householdId === null ? [] : [r.householdId])));
      // Comment order must not follow entry order, or the first paper sheet could be matched to its comment.
      const commentList = comments
        .map((a) => {
          const r = responseById.get(a.responseId)!;
          return {
            key: commentKey(a.id),
            questionId: a.questionId,
            text: a.text!,
            tags: tags.filter((t) => t.answerId === a.id).map((t) => t.tag),
            className: r.classId === null ? null : (className.get(r.classId) ?? null),
            family: run.anonymous || r.householdId === null ? null : (familyNames.get(r.householdId) ?? null),
          };
        })
        .sort((x, y) => x.text.localeCompare(y.text, 'zh-CN'));

      const actionRows = ctx.db
        .select()
        .from(surveyActions)
        .where(prev ? inArray(surveyActions.runId, [run.id, prev.id]) : eq(surveyActions.runId, run.id))
        .orderBy(asc(surveyActions.dueDate), asc(surveyActions.id))
        .all();
      const qById = new Map(questions.map((q) => [q.id, q]));
      const actions = actionRows.map((a) => {
        const q = qById.get(a.questionId)!;
        const kind = q.kind === 'nps' ? 'nps' : 'rating';
        const fromPrevious = a.runId !== run.id;
        const before = fromPrevious ? headline(q, prevStats?.get(q.id)) : headline(q, currentStats.get(q.id));
        const after = fromPrevious ? headline(q, currentStats.get(q.id)) : null;
        return { ...a, fromPrevious, questionText: q.text, before, after, change: fromPrevious ? change(before, after, kind) : null };
      });

      return {
        held: false as const,
        run: runInfo,
        previous: prev ? { id: prev.id, title: prev.title } : null,
        minGroup: MIN_GROUP,
        questions,
        review,
        comments: commentList,
        actions,
        today: ctx.today(),
      };
    },
  }),

  /** Tags one comment of a run; the comment is named by the key the review gave it. */
  'surveys.tagComment': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({
      runId: id,
      key: z.string().min(1).max(40),
      tags: z.array(shortText('标签', 12)).max(8, '一条意见最多 8 个标签'),
    }),
    run(ctx, input) {
      const run = loadRun(ctx, input.runId);
      const textIds = loadQuestions(ctx, run.templateId)
        .filter((q) => q.kind === 'text')
        .map((q) => q.id);
      const answer = runData(ctx, run.id).answers.find((a) => textIds.includes(a.questionId) && a.text && commentKey(a.id) === input.key);
      if (!answer) throw notFound('这条意见（请刷新页面后重试）', 'comment');
      const before = ctx.db.select({ tag: surveyCommentTags.tag }).from(surveyCommentTags).where(eq(surveyCommentTags.answerId, answer.id)).all().map((t) => t.tag);
      const after = [...new Set(input.tags)];
      ctx.db.delete(surveyCommentTags).where(eq(surveyCommentTags.answerId, answer.id)).run();
      if (after.length) ctx.db.insert(surveyCommentTags).values(after.map((tag) => ({ answerId: answer.id, tag }))).run();
      // Recorded against the run with the comment's text, never its row id (see commentKey).
      ctx.audit({
        action: 'survey.comment.tag',
        kind: 'record',
        entity: 'survey_run',
        entityId: run.id,
        summary: `意见标签：${after.join('、') || '（无）'}`,
        before: { comment: answer.text, tags: before },
        after: { comment: answer.text, tags: after },
      });
      return { tags: after };
    },
  }),

};
