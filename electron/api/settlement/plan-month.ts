// Planning a month (or one child-month): load what was billed, the
// attendance and what was booked, and run every child through core's planner.
// Nothing is written here; the preview, the booking, the corrections and the
// command line all plan through these functions.
import { CalendarMissingError } from '../../../core/calendar';
import {
  attendanceMonths,
  type BillFact,
  type BookedLine,
  type ChildFact,
  type ChildPlan,
  type MonthAttendance,
  planChild,
  settledItemsFor,
} from '../../../core/settlement';
import type { Reason } from '../../../core/policies';
import { type Setup, type SettlementContext, settlementSetup, withCalendar } from './context';
import { loadBills, loadBooked, loadChildren, loadMonthAttendance } from './load';

export interface MonthPlan {
  month: string;
  setup: Setup;
  W: number;
  plans: ChildPlan[];
  /** Every live bill read, by id (the household a refund goes to is the bill's). */
  bills: Map<number, BillFact>;
  booked: Map<number, BookedLine[]>;
}

interface PlanOptions {
  /** Only these children (a correction, a withdrawal); default: everyone billed for the month. */
  childIds?: readonly number[];
  /** Leave out what was booked for the month itself: it is what a re-settlement compares with. */
  resettle?: boolean;
  reason?: Reason;
}

function attendanceByChild(ctx: SettlementContext, setup: Setup, month: string, kids: ChildFact[], billsOf: Map<number, BillFact[]>) {
  const needs = new Map<string, ChildFact[]>();
  for (const child of kids) {
    for (const m of attendanceMonths(month, child, billsOf.get(child.id) ?? [], setup.policy)) {
      const list = needs.get(m) ?? [];
      list.push(child);
      needs.set(m, list);
    }
  }
  const out = new Map<number, Map<string, MonthAttendance>>();
  for (const [m, list] of needs) {
    let rows: Map<number, MonthAttendance>;
    try {
      rows = loadMonthAttendance(ctx.db, ctx.sqlite, setup.calendar, m, list);
    } catch (error) {
      // A month of a semester whose year has no calendar: the planner says so for the children concerned.
      if (error instanceof CalendarMissingError) continue;
      throw error;
    }
    for (const [childId, row] of rows) {
      const map = out.get(childId) ?? new Map<string, MonthAttendance>();
      map.set(m, row);
      out.set(childId, map);
    }
  }
  return out;
}

export function planMonth(ctx: SettlementContext, month: string, options: PlanOptions = {}): MonthPlan {
  const setup = settlementSetup(ctx);
  const W = withCalendar(() => setup.calendar.legalWorkingDays(month));
  const child = options.childIds?.length === 1 ? options.childIds[0]! : null;
  const billsOf = loadBills(ctx.sqlite, month, month, child);
  const ids = (options.childIds ?? [...billsOf.keys()]).filter((id) => billsOf.has(id)).sort((a, b) => a - b);
  const kids = [...loadChildren(ctx.sqlite, ids).values()];
  const booked = loadBooked(ctx.sqlite, month, month, options.childIds ?? null);
  const attendance = attendanceByChild(ctx, setup, month, kids, billsOf);
  const bills = new Map<number, BillFact>();
  for (const list of billsOf.values()) for (const b of list) bills.set(b.id, b);
  const memo = new Map();
  const plans = kids.map((c) =>
    planChild({
      month,
      child: c,
      bills: billsOf.get(c.id) ?? [],
      attendance: attendance.get(c.id) ?? new Map(),
      settledItems: settledItemsFor(month, booked.get(c.id) ?? [], !options.resettle),
      policy: setup.policy,
      calendar: setup.calendar,
      options: setup.options,
      reason: options.reason,
      memo,
    }),
  );
  return { month, setup, W, plans, bills, booked };
}
