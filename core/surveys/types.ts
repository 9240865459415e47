/**
 * rating: 1–5 with a label for each point; single / multi: choices (stored as
 * the option's index); text: free comment; nps: 0–10 "would you recommend us".
 */
export const QUESTION_KINDS = ['rating', 'single', 'multi', 'text', 'nps'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A run takes questionnaires while open; the principal may reopen a closed one. */
export const RUN_STATUSES = ['open', 'closed'] as const;
/** An improvement action (持续改进) from planned to done. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;

export interface QuestionDef {
  section: string;
  kind: QuestionKind;
  text: string;
  /** Rating: the five labels, 1 first. Single/multi: the choices. Otherwise empty. */
  options: string[];
}

export interface Question extends QuestionDef {
  id: number;
}

export const RATING_LABELS = ['很不满意', '不满意', '一般', '满意', '非常满意'];
