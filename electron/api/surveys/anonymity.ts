import { createHmac, randomBytes } from 'node:crypto';
import type { surveyResponses } from '../../../db/schema';

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
