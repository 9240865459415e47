// The final settlement when a child leaves (退园): the leaving month through
// the engine as a withdrawal (semester shares then refund the later months
// whole), every charge for a period wholly after leaving refunded whole, the
// date by which the money is to be paid back, and how much goes back.
import { addDays, nextMonth } from '../calendar/dates';
import { type LegalCalendar, monthsBetween } from '../calendar';
import { formatFen } from '../money';
import type { FeeItem, Policy } from '../policies/schema';
import { chargesFor } from './bills';
import { dailyByMonthFor } from './plan';
import type { DifferenceLine } from './difference';
import type { BillFact, BookedLine, PlannedLine } from './types';

/** Seed 003: the refund is settled within 10 working days. */
export const PAYOUT_WORKING_DAYS = 10;

const LABEL: Record<string, string> = { education: '保教费', meal: '伙食费', accommodation: '住宿费', custody: '托管费' };

/** Items of `month` already settled: booked for it, or by an earlier line whose period reaches it. */
export function settledItemsFor(month: string, booked: readonly BookedLine[], includeMonth: boolean): Set<string> {
  const items = new Set<string>();
  for (const line of booked) {
    if (line.month === month ? includeMonth : line.month < month && line.coversThrough >= month) items.add(line.item);
  }
  return items;
}

/**
 * Charges for periods that start after the leaving month (a bill issued
 * ahead): nothing of them was served, so each is refunded whole. The clause is
 * the policy's semester clause, the one that refunds the months after leaving.
 */
export function afterLeavingLines(
  policy: Policy,
  leftOn: string,
  leaving: string,
  months: readonly string[],
  bills: readonly BillFact[],
  calendar: LegalCalendar,
): PlannedLine[] {
  const lines: PlannedLine[] = [];
  const seen = new Set<string>();
  const cite = policy.clauses[policy.semester.clause]?.cite ?? policy.semester.clause;
  for (const month of months) {
    if (month <= leaving) continue;
    for (const group of chargesFor(month, bills, dailyByMonthFor(policy, calendar)).groups) {
      if (group.first <= leaving) continue;
      for (const charge of group.items) {
        const key = `${group.first}..${group.last}:${charge.item}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const period = group.first === group.last ? group.first : `${group.first}至${group.last}`;
        const amount = `${formatFen(charge.baseFen)} 元`;
        const label = LABEL[charge.item] ?? charge.item;
        lines.push({
          billId: charge.billId,
          item: charge.item as FeeItem,
          baseFen: charge.baseFen,
          refundFen: charge.baseFen,
          clause: policy.semester.clause,
          explanation: `幼儿自 ${leftOn} 起退园，${period} 未在园，已缴该期${label} ${amount}依${cite}全额退还，计 ${amount}。`,
          inputs: { month: group.first, coversThrough: group.last, afterLeaving: true, d: 0, base: formatFen(charge.baseFen), paid: formatFen(charge.baseFen), rate: '1', closureDays: 0, dailyRate: null },
        });
      }
    }
  }
  return lines;
}

/** The months after the leaving month that live bills still charge for (bills issued ahead, the rest of a semester). */
export function monthsAfterLeaving(leaving: string, bills: readonly BillFact[]): string[] {
  const months = new Set<string>();
  for (const bill of bills) {
    for (const line of bill.lines) {
      if (line.periodLast <= leaving) continue;
      for (const m of monthsBetween(line.periodFirst > leaving ? line.periodFirst : nextMonth(leaving), line.periodLast)) months.add(m);
    }
  }
  return [...months].sort();
}

/** The `n`th legal working day after `date` (the day itself not counted). Throws CalendarMissingError past the known years. */
export function addWorkingDays(calendar: LegalCalendar, date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * What is paid back to the family: the credit on the household's account after
 * the final settlement. While a brother or sister stays enrolled, only this
 * child's refund is paid back; older credit keeps paying the sibling's bills.
 */
export function amountToReturnFen(balanceAfterFen: number, refundFen: number, siblingsEnrolled: boolean): number {
  const credit = Math.max(0, -balanceAfterFen);
  return siblingsEnrolled ? Math.min(credit, Math.max(0, refundFen)) : credit;
}

/**
 * A leaving month's line that refunds the rest of a semester whole absorbs
 * what later months of it had already been refunded (as leave, before the
 * withdrawal was recorded): those refunds are taken back so nothing is paid twice.
 */
export function absorbedLines(lines: readonly PlannedLine[], leaving: string, booked: readonly BookedLine[]): DifferenceLine[] {
  const out: DifferenceLine[] = [];
  for (const line of lines) {
    if (line.inputs.coversThrough <= leaving) continue;
    const byMonth = new Map<string, number>();
    for (const b of booked) {
      if (b.item === line.item && b.month > leaving && b.month <= line.inputs.coversThrough) byMonth.set(b.month, (byMonth.get(b.month) ?? 0) + b.deltaFen);
    }
    for (const [month, fen] of [...byMonth].sort()) {
      if (fen === 0) continue;
      const amount = `${formatFen(fen)} 元`;
      out.push({
        billId: line.billId,
        item: line.item,
        baseFen: 0,
        refundFen: 0,
        clause: line.clause,
        explanation: `退园结算：${month} 的${LABEL[line.item] ?? line.item}已并入退园当月的结算全额退还，此前已退的 ${amount}予以冲回。原已退 ${amount}，现应退 0.00 元，本次扣回 ${amount}。`,
        inputs: { month, coversThrough: month },
        previousFen: fen,
        deltaFen: -fen,
      });
    }
  }
  return out;
}
