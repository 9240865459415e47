// The home screen's rules: what each role sees, and which months still wait
// for their month-end settlement.
import { prevMonth } from '../calendar/dates';
import { monthsBetween } from '../calendar';

export const HOME_PARTS = ['rollCall', 'arrears', 'payouts', 'corrections', 'unsettled', 'followUps', 'complaints', 'calendar'] as const;
export type HomePart = (typeof HOME_PARTS)[number];

const MONEY: HomePart[] = ['arrears', 'payouts'];

/** Teachers see their class and their families' follow-ups; the desk adds money at the counter; finance and the principal the settlement. */
export function homePartsFor(role: string): ReadonlySet<HomePart> {
  switch (role) {
    case 'teacher':
      return new Set<HomePart>(['rollCall', 'followUps', 'calendar']);
    case 'front_desk':
      return new Set<HomePart>(['rollCall', ...MONEY, 'followUps', 'complaints', 'calendar']);
    case 'finance':
    case 'principal':
      return new Set<HomePart>(HOME_PARTS);
    default:
      return new Set<HomePart>();
  }
}

/**
 * Months that have ended, are billed (a live bill covers them) and have no
 * month-end settlement yet, oldest first. `periods` are the distinct
 * (first, last) month pairs of live bills.
 */
export function monthsToSettle(periods: readonly { first: string; last: string }[], settled: ReadonlySet<string>, currentMonth: string): string[] {
  const billed = new Set<string>();
  for (const p of periods) {
    if (p.first >= currentMonth) continue;
    for (const m of monthsBetween(p.first, p.last < currentMonth ? p.last : prevMonth(currentMonth))) if (!settled.has(m)) billed.add(m);
  }
  return [...billed].sort();
}
