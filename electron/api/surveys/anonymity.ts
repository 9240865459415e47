import { createHmac, randomBytes } from 'node:crypto';
import type { surveyResponses, surveyRuns } from '../../../db/schema';
import type { HandlerContext } from '../define';
import { conflict } from '../errors';

type Run = typeof surveyRuns.$inferSelect;

/**
 * The rule for an anonymous run's review (README, "Survey anonymity"): its
 * figures and comments are shown only once collection has closed, and a run
 * whose figures have been shown since it closed cannot be reopened. Otherwise
 * a reviewer could read the review, have one questionnaire entered, read it
 * again, and take that questionnaire's answers from the difference.
 */
export const figuresHeld = (run: Run) => run.anonymous && run.status !== 'closed';

/** Whether this run's figures were shown (its review, or another run's comparison with it) since it last closed. */
export function figuresShownSinceClosed(ctx: HandlerContext, runId: number): boolean {
  const shown = ctx.sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM audit_log v WHERE v.action = 'survey.review.view' AND v.entity = 'survey_run' AND v.entity_id = @run
         AND v.id > coalesce((SELECT max(c.id) FROM audit_log c WHERE c.action = 'survey.run.close' AND c.entity = 'survey_run' AND c.entity_id = @run), 0))`,
    )
    .pluck()
    .get({ run: String(runId) });
  return shown === 1;
}

/** Records, once per closing, that an anonymous run's figures have been shown. */
export function noteFiguresShown(ctx: HandlerContext, run: Run): void {
  if (!run.anonymous || figuresShownSinceClosed(ctx, run.id)) return;
  ctx.audit({ action: 'survey.review.view', kind: 'record', entity: 'survey_run', entityId: run.id, summary: `查看匿名调查「${run.title}」的结果` });
}

export function refuseReopenAfterShown(ctx: HandlerContext, run: Run): void {
  if (run.anonymous && figuresShownSinceClosed(ctx, run.id)) {
    throw conflict(
      `匿名调查「${run.title}」的结果已经查看过，不能再重新开启：补录一份问卷后再看结果，前后的差别就是这份问卷的答案。如有迟到的问卷，请新建一次调查录入。`,
      'The results of this anonymous survey have been viewed; it cannot be reopened.',
    );
  }
}

/**
 * Comments leave the backend under a keyed hash instead of their row id:
 * answer ids grow in entry order, so an id would tell which comment came
 * from which numbered paper sheet. The key lives only as long as the
 * process, which is fine for a screen that reloads after every change.
 */
const COMMENT_KEY_SECRET = randomBytes(32);
export const commentKey = (answerId: number) => createHmac('sha256', COMMENT_KEY_SECRET).update(String(answerId)).digest('base64url').slice(0, 22);

/**
 * What the audit trail keeps of one questionnaire. In an anonymous run it
 * says who entered which sheet number for which class, but not the answers:
 * the trail is readable by the principal, and answers by sheet would undo
 * both the anonymity and the hiding of classes under MIN_GROUP.
 */
export function responseAudit(run: { anonymous: boolean }, response: typeof surveyResponses.$inferSelect, answers: readonly unknown[]) {
  return run.anonymous ? { ...response, answers: `（匿名调查，不记录答案；共 ${answers.length} 项）` } : { ...response, answers };
}
