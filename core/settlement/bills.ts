// What was charged for a month, per fee item, as the refund engine takes it:
// the item's charge minus its reductions on the live bills that cover the
// month (billing-model: "billed for the month"), grouped by the period the
// lines cover — a month, or a semester whose amount the engine divides.
import { monthSpan, monthsBetween } from '../calendar';
import { FEE_ITEMS, type FeeItem } from '../policies/schema';
import type { BillFact, BillLineFact } from './types';

export interface ItemCharge {
  item: FeeItem;
  /** The bill the item's charge is on (the first, if several). */
  billId: number;
  baseFen: number;
  /** Per-day items (meal by day): the daily rate, fen. */
  dailyRateFen: number | null;
}

/** Lines covering one period: a single month, or a semester (first..last). */
export interface ChargeGroup {
  first: string;
  last: string;
  billing: 'monthly' | 'semester';
  items: ItemCharge[];
}

export interface ChargeProblem {
  kind: 'negative' | 'duplicate';
  item: FeeItem;
}

const ENGINE_ITEMS: readonly string[] = FEE_ITEMS;

/** A line charged at a daily rate: its standard says so, or (without one) it counts more days than months. */
export function isPerDay(line: BillLineFact): boolean {
  if (line.standardUnit) return line.standardUnit === 'day';
  if (line.item !== 'meal' && line.item !== 'custody') return false;
  return line.quantity > monthSpan(line.periodFirst, line.periodLast);
}

/**
 * A semester bill's line that covers the bill's whole period is a semester
 * charge (the engine divides it, or settles the semester once); a line for one
 * month inside it (meals by the month's days) is settled as that month's.
 */
function lineBilling(bill: BillFact, line: BillLineFact): ChargeGroup['billing'] {
  if (bill.billing === 'semester' && line.periodFirst === bill.periodFirst && line.periodLast === bill.periodLast) return 'semester';
  return line.periodFirst === line.periodLast ? 'monthly' : 'semester';
}

const order = (item: string) => ENGINE_ITEMS.indexOf(item);

/** W of a month from the legal calendar; null when its year is not known. */
export type WorkingDays = (month: string) => number | null;

/**
 * Meals charged by the day for several months (a semester bill: daily rate x
 * the W of each month) were charged for each month separately, and are
 * refunded per day not present (billing-model: "refunded per day not
 * present"): October's part is the daily rate x W of October, not a fifth of
 * the semester. Null when the line is not such a charge, or its days do not
 * add up to the calendar's (then it stays a semester charge).
 */
function monthPortion(bill: BillFact, line: BillLineFact, month: string, workingDays: WorkingDays | undefined): BillLineFact | null {
  if (!workingDays || line.kind !== 'charge' || line.periodFirst === line.periodLast || !isPerDay(line)) return null;
  const reduced = bill.lines.some((l) => l.kind === 'reduction' && l.item === line.item && l.periodFirst === line.periodFirst && l.periodLast === line.periodLast);
  if (reduced) return null;
  let days = 0;
  for (const m of monthsBetween(line.periodFirst, line.periodLast)) {
    const w = workingDays(m);
    if (w === null) return null;
    days += w;
  }
  const w = workingDays(month);
  if (days !== line.quantity || w === null) return null;
  return { ...line, periodFirst: month, periodLast: month, quantity: w, amountFen: w * line.unitPriceFen };
}

/**
 * The engine's items billed for `month`, grouped by period. Items the engine
 * has no rule for (bus, agency, ...) are not refunded by attendance and are left out.
 * With `dailyByMonth` (policies that settle month by month), meals charged by
 * the day over several months count as each month's own charge.
 */
export function chargesFor(month: string, bills: readonly BillFact[], dailyByMonth?: WorkingDays): { groups: ChargeGroup[]; problem: ChargeProblem | null } {
  const byPeriod = new Map<string, { first: string; last: string; billing: ChargeGroup['billing']; lines: BillLineFact[] }>();
  for (const bill of bills) {
    for (const billed of bill.lines) {
      if (!ENGINE_ITEMS.includes(billed.item) || billed.periodFirst > month || billed.periodLast < month) continue;
      const portion = monthPortion(bill, billed, month, dailyByMonth);
      const line = portion ?? billed;
      const billing = portion ? 'monthly' : lineBilling(bill, line);
      const key = `${billing}:${line.periodFirst}..${line.periodLast}`;
      const group = byPeriod.get(key) ?? { first: line.periodFirst, last: line.periodLast, billing, lines: [] };
      group.lines.push(line);
      byPeriod.set(key, group);
    }
  }
  const groups: ChargeGroup[] = [];
  const seen = new Set<string>();
  let problem: ChargeProblem | null = null;
  for (const { first, last, billing, lines } of [...byPeriod.values()].sort((a, b) => a.first.localeCompare(b.first) || a.last.localeCompare(b.last))) {
    const items = new Map<string, ItemCharge>();
    for (const line of lines) {
      const item = line.item as FeeItem;
      const charge = items.get(item) ?? { item, billId: line.billId, baseFen: 0, dailyRateFen: null };
      // Lines of one bill add up; the same item on a second live bill for the period is a double charge.
      if (charge.billId !== line.billId && !problem) problem = { kind: 'duplicate', item };
      if (line.kind === 'charge') {
        charge.baseFen += line.amountFen;
        if (charge.dailyRateFen === null && isPerDay(line)) charge.dailyRateFen = line.unitPriceFen;
      } else {
        charge.baseFen -= line.amountFen;
      }
      items.set(item, charge);
    }
    const list = [...items.values()].sort((a, b) => order(a.item) - order(b.item));
    for (const charge of list) {
      if (charge.baseFen < 0 && !problem) problem = { kind: 'negative', item: charge.item };
      if (seen.has(charge.item) && !problem) problem = { kind: 'duplicate', item: charge.item };
      seen.add(charge.item);
    }
    groups.push({ first, last, billing, items: list });
  }
  return { groups, problem };
}
