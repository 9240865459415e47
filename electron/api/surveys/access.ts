/**
 * Satisfaction surveys (issue 7). The principal designs surveys, starts runs
 * and reads the review; the front desk enters and imports questionnaires.
 * Teachers only see how many families of their class have answered: parents
 * judge the teachers here, so teachers neither type answers in nor read them.
 */
export const PRINCIPAL = ['principal'] as const;
export const ENTRY = ['principal', 'front_desk'] as const;
export const ALL = ['principal', 'front_desk', 'teacher'] as const;
