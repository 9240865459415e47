// Which fee standards the fee board, the annual report and the agreement's
// voluntary items list: every group in force on a day or during a year. A
// bill's own standard is chosen by core/billing/standards (standardInForce);
// here rows of one item, unit, class level and group of pupils replace each
// other as there (meals whatever their unit), and 代收费 items also by name:
// insurance and the medical check are different items collected on behalf.
import type { Bi } from './document';
import { FEE_ITEMS, levelLabel } from './labels';
import { groupBy } from '../group';

export interface StandardRow {
  id: number;
  item: string;
  label: string;
  amountFen: number;
  unit: string;
  appliesFrom: string;
  level: string | null;
  enrolledFrom: string | null;
  overrideClause: string | null;
}

export const standardKey = (r: Pick<StandardRow, 'item' | 'label' | 'unit' | 'level' | 'enrolledFrom'>) =>
  `${r.item}|${r.item === 'meal' ? '' : r.unit}|${r.item === 'agency' ? r.label : ''}|${r.level ?? ''}|${r.enrolledFrom ?? ''}`;

const itemOrder = (item: string) => {
  const i = FEE_ITEMS.indexOf(item);
  return i < 0 ? FEE_ITEMS.length : i;
};

function byItem<T extends StandardRow>(rows: T[]): T[] {
  return rows.sort(
    (a, b) => itemOrder(a.item) - itemOrder(b.item) || (a.level ?? '').localeCompare(b.level ?? '') || (a.appliesFrom < b.appliesFrom ? -1 : a.appliesFrom > b.appliesFrom ? 1 : a.id - b.id),
  );
}

/** The row in force on `date` for each group (the newest that has started; a later id wins a tie). */
export function currentStandards<T extends StandardRow>(rows: readonly T[], date: string): T[] {
  const latest = new Map<string, T>();
  for (const r of rows) {
    if (r.appliesFrom > date) continue;
    const seen = latest.get(standardKey(r));
    if (!seen || seen.appliesFrom < r.appliesFrom || (seen.appliesFrom === r.appliesFrom && seen.id < r.id)) latest.set(standardKey(r), r);
  }
  return byItem([...latest.values()]);
}

/** Every row that was in force on some day from `first` to `last`. */
export function standardsInForce<T extends StandardRow>(rows: readonly T[], first: string, last: string): T[] {
  const groups = groupBy(rows, standardKey);
  const out: T[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => (a.appliesFrom < b.appliesFrom ? -1 : a.appliesFrom > b.appliesFrom ? 1 : a.id - b.id));
    sorted.forEach((r, i) => {
      const next = sorted.slice(i + 1).find((n) => n.appliesFrom > r.appliesFrom) ?? null;
      const replacedSameDay = sorted.slice(i + 1).some((n) => n.appliesFrom === r.appliesFrom);
      if (!replacedSameDay && r.appliesFrom <= last && (!next || next.appliesFrom > first)) out.push(r);
    });
  }
  return byItem(out);
}

/** The standards for one child on `date`: per item, the newest that fits its class level and enrolment date. */
export function standardsForChild<T extends StandardRow>(rows: readonly T[], child: { level: string; enrolledOn: string }, date: string): T[] {
  const fits = rows.filter((r) => (r.level === null || r.level === child.level) && (r.enrolledFrom === null || child.enrolledOn >= r.enrolledFrom));
  const best = new Map<string, T>();
  for (const r of currentStandards(fits, date)) {
    const key = `${r.item}|${r.item === 'agency' ? r.label : ''}`;
    const seen = best.get(key);
    // The more particular row wins (a level over every class, new pupils over all), then the newer.
    const weight = (x: T) => (x.level ? 2 : 0) + (x.enrolledFrom ? 1 : 0);
    if (!seen || weight(r) > weight(seen) || (weight(r) === weight(seen) && r.appliesFrom > seen.appliesFrom)) best.set(key, r);
  }
  return byItem([...best.values()]);
}

export function forWhom(r: Pick<StandardRow, 'level' | 'enrolledFrom'>): Bi {
  const level: Bi = r.level ? levelLabel(r.level) : ['全园', 'All classes'];
  if (!r.enrolledFrom) return level;
  return [`${level[0]}（${r.enrolledFrom} 起入园的新生）`, `${level[1]} (pupils enrolled from ${r.enrolledFrom})`];
}
