import { addDays, daysBetween } from '../calendar/dates';

/**
 * A promised call-back (跟进) is overdue from the day after its date, due on
 * its date, upcoming before. The front desk's list shows the coming week.
 */
export type FollowUpDue = 'overdue' | 'today' | 'upcoming';

export const FOLLOW_UP_WEEK_DAYS = 7;

export function followUpDue(followUpOn: string, today: string): FollowUpDue {
  if (followUpOn < today) return 'overdue';
  return followUpOn === today ? 'today' : 'upcoming';
}

/** Whole days past the promised date (0 when not yet due). */
export function daysOverdue(followUpOn: string, today: string): number {
  return Math.max(0, daysBetween(followUpOn, today));
}

/** The last follow-up date the front desk's list includes. */
export const followUpHorizon = (today: string) => addDays(today, FOLLOW_UP_WEEK_DAYS);

/** Open follow-ups split into overdue, due today and coming up, each keeping its order. */
export function groupFollowUps<T extends { followUpOn: string }>(items: readonly T[], today: string) {
  const by = (due: FollowUpDue) => items.filter((i) => followUpDue(i.followUpOn, today) === due);
  return { overdue: by('overdue'), dueToday: by('today'), upcoming: by('upcoming') };
}
