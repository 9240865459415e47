// One child's month through the refund engine: which charges are due for
// settlement this month, the RefundCase built from them and the month's
// attendance, and the engine's lines — or the one sentence saying why the
// child cannot be settled yet.
import { CalendarMissingError, type LegalCalendar, monthsBetween } from '../calendar';
import { fenOfAmount, formatFen } from '../money';
import { FEE_ITEMS, type Policy, type Reason } from '../policies/schema';
import { computeRefund, type RefundOptions, RefundInputError } from '../refund';
import type { RefundCase, RefundResult } from '../refund/types';
import { leavingMonth, missingAttendanceProblem } from './attendance';
import { type ChargeGroup, chargesFor, type ItemCharge, type WorkingDays } from './bills';
import type { BillFact, ChildFact, ChildPlan, MonthAttendance, PlannedCase, PlannedLine, Problem } from './types';

export interface PlanInput {
  month: string;
  child: ChildFact;
  /** The child's live bills covering the month. */
  bills: readonly BillFact[];
  /** The child's attendance by month: the month, and for a whole-semester settlement the semester so far. */
  attendance: ReadonlyMap<string, MonthAttendance>;
  /** Items already settled for this month by an earlier settlement (a withdrawal, a semester refunded whole). */
  settledItems: ReadonlySet<string>;
  policy: Policy;
  calendar: LegalCalendar;
  options?: RefundOptions;
  /** The withdrawal's final settlement settles its month as a withdrawal whatever the status says. */
  reason?: Reason;
  /**
   * Results by case for one planning run: the refund is a pure function of
   * its case, and a month of 1,000 children has far fewer distinct cases.
   */
  memo?: Map<string, RefundResult>;
}

/**
 * Policies that settle a semester month by month (NT, XA) settle meals charged
 * by the day on each month's own days; a whole-semester policy (GS-3) on the
 * semester's.
 */
export function dailyByMonthFor(policy: Policy, calendar: LegalCalendar): WorkingDays | undefined {
  if (policy.semester.mode !== 'monthlyShares') return undefined;
  return (month) => {
    try {
      return calendar.legalWorkingDays(month);
    } catch (error) {
      if (error instanceof CalendarMissingError) return null;
      throw error;
    }
  };
}

/** A semester charge the policy settles once (GS-1): in the month the child leaves, else the semester's last month. */
export function wholeSemesterMonth(policy: Policy, group: Pick<ChargeGroup, 'first' | 'last' | 'billing'>, left: string | null): string | null {
  if (group.billing !== 'semester' || policy.semester.mode !== 'wholeSemester') return null;
  return left !== null && left >= group.first && left <= group.last ? left : group.last;
}

/** The months whose attendance planChild will read for this child. */
export function attendanceMonths(month: string, child: ChildFact, bills: readonly BillFact[], policy: Policy): string[] {
  // Only a whole-semester policy reads more than the month (wholeSemesterMonth is null otherwise): no need to group the bills.
  if (policy.semester.mode !== 'wholeSemester') return [month];
  const months = new Set([month]);
  const left = leavingMonth(child);
  for (const group of chargesFor(month, bills).groups) {
    if (wholeSemesterMonth(policy, group, left) === month) for (const m of monthsBetween(group.first, month)) months.add(m);
  }
  return [...months].sort();
}

function unsettled(child: ChildFact, problem: Problem): ChildPlan {
  return { kind: 'unsettled', child, problem };
}

const ITEM_ZH: Record<string, string> = { education: '保教费', meal: '伙食费', accommodation: '住宿费', custody: '托管费' };

function billsProblem(child: ChildFact, kind: 'negative' | 'duplicate', item: string): Problem {
  const label = ITEM_ZH[item] ?? item;
  return kind === 'duplicate'
    ? {
        code: 'bills',
        zh: `本月有两张有效账单都收取了${label}，请先在“账单”中作废或更正重复的账单后再结算。`,
        en: `Two live bills charge the ${item} fee for this month; void or correct the duplicate bill first.`,
        link: { to: 'bills', childId: child.id },
      }
    : {
        code: 'bills',
        zh: `账单中${label}的减免大于收费，请先更正账单后再结算。`,
        en: `The bill's ${item} reductions exceed its charge; correct the bill first.`,
        link: { to: 'bills', childId: child.id },
      };
}

function notDueProblem(policy: Policy, group: ChargeGroup, settleIn: string): Problem {
  return {
    code: 'not_due',
    zh: `按学期缴费（${group.first}～${group.last}），依${policy.semester.clause}在学期结束或离园当月（${settleIn}）一次结算，本月无需结算。`,
    en: `Paid by the semester (${group.first}..${group.last}); ${policy.semester.clause} settles it once, in ${settleIn}. Nothing to settle this month.`,
    link: null,
  };
}

/** A semester share of a month after the child left: the leaving month's withdrawal refunds it whole (NT-3.1, XA-K1). */
function refundedWithLeavingMonth(policy: Policy, group: ChargeGroup, left: string | null, month: string): boolean {
  if (left === null || left >= month || group.billing !== 'semester' || group.first > left) return false;
  return policy.semester.mode === 'monthlyShares' && policy.semester.laterMonthsInFullOn.includes('withdrawal');
}

function leavingFirstProblem(child: ChildFact, left: string): Problem {
  return {
    code: 'not_due',
    zh: `幼儿自 ${child.statusSince} 起退园，本学期其后各月的费用在退园当月（${left}）的结算中全额退还：请先结算 ${left}。`,
    en: `Left from ${child.statusSince}: the rest of the semester is refunded whole with ${left}; settle ${left} first.`,
    link: { to: 'settlement', month: left },
  };
}

export function calendarProblem(error: CalendarMissingError): Problem {
  return {
    code: 'calendar',
    zh: `系统中还没有 ${error.year} 年的法定日历，无法确定法定工作日天数，请先在“考勤 → 法定日历”中录入后再结算。`,
    en: `No legal calendar for ${error.year}; enter it under Attendance → Legal calendar, then settle.`,
    link: { to: 'calendar' },
  };
}

const yuan = (fen: number) => formatFen(fen);

/** Everything the engine reads from a case built here (the policy is the run's). */
function caseKey(c: RefundCase, d: number, closures: number): string {
  return `${c.month}|${c.billing}|${c.semester?.first ?? ''}|${c.semester?.last ?? ''}|${c.reason}|${c.semesterPresentDays != null ? 's' : 'm'}${d}|${closures}|${c.fees.map((f) => `${f.item}:${f.paid}:${f.dailyRate ?? ''}`).join(',')}`;
}


function refundCase(month: string, policy: Policy, group: ChargeGroup, items: readonly ItemCharge[], reason: Reason, days: { d: number; closures: number }, whole: boolean): RefundCase {
  return {
    policy,
    month,
    billing: group.billing,
    semester: group.billing === 'semester' ? { first: group.first, last: group.last } : null,
    fees: items.map((i) => ({ item: i.item, paid: yuan(i.baseFen), dailyRate: i.dailyRateFen === null ? null : yuan(i.dailyRateFen) })),
    ...(whole ? { semesterPresentDays: days.d } : { presentDays: days.d }),
    closureDays: days.closures,
    reason,
  };
}

/** The last month a line settles: its month, or the semester's end when it refunded (or settled) the rest of it. */
function coversThrough(month: string, group: ChargeGroup, inputs: PlannedLine['inputs']): string {
  if (group.billing !== 'semester') return month;
  return inputs.semesterMonths !== undefined && !inputs.laterMonths ? month : group.last;
}

export function planChild(input: PlanInput): ChildPlan {
  const { month, child, policy } = input;
  const left = leavingMonth(child);
  const reason: Reason = input.reason ?? (left === month ? 'withdrawal' : 'leave');
  const { groups, problem } = chargesFor(month, input.bills, dailyByMonthFor(policy, input.calendar));
  if (problem) return unsettled(child, billsProblem(child, problem.kind, problem.item));

  const due: { group: ChargeGroup; items: ItemCharge[]; whole: boolean }[] = [];
  let notDue: Problem | null = null;
  for (const group of groups) {
    const items = group.items.filter((i) => !input.settledItems.has(i.item));
    if (items.length === 0) continue;
    if (refundedWithLeavingMonth(policy, group, left, month)) {
      // Not covered yet: the leaving month is not booked; settling this month first would refund it twice.
      notDue ??= leavingFirstProblem(child, left!);
      continue;
    }
    const settleIn = wholeSemesterMonth(policy, group, left);
    if (settleIn !== null && settleIn !== month) {
      notDue ??= notDueProblem(policy, group, settleIn);
      continue;
    }
    due.push({ group, items, whole: settleIn !== null });
  }
  if (due.length === 0) return notDue ? unsettled(child, notDue) : { kind: 'skip', child };

  const cases: PlannedCase[] = [];
  const lines: PlannedLine[] = [];
  let reported: { billing: ChargeGroup['billing']; d: number; closures: number } | null = null;
  for (const { group, items, whole } of due) {
    const months = whole ? monthsBetween(group.first, month) : [month];
    const attendance = months.map((m) => input.attendance.get(m));
    const known = attendance.filter((a): a is MonthAttendance => a !== undefined);
    if (known.length < months.length) {
      return unsettled(child, calendarProblem(new CalendarMissingError(Number(months[attendance.indexOf(undefined)]!.slice(0, 4)))));
    }
    const missing = missingAttendanceProblem(child.id, known);
    if (missing) return unsettled(child, missing);
    const days = { d: known.reduce((s, a) => s + a.present, 0), closures: known.reduce((s, a) => s + a.closureDays, 0) };
    const engineCase = refundCase(month, policy, group, items, reason, days, whole);
    let result: RefundResult;
    try {
      const key = input.memo ? caseKey(engineCase, days.d, days.closures) : '';
      const known = input.memo?.get(key);
      result = known ?? computeRefund(engineCase, input.calendar, input.options);
      if (input.memo && !known) input.memo.set(key, result);
    } catch (error) {
      if (error instanceof CalendarMissingError) return unsettled(child, calendarProblem(error));
      if (error instanceof RefundInputError) {
        return unsettled(child, {
          code: 'engine',
          zh: `${error.messageZh.replace(/[。.]$/, '')}，请核对账单和考勤后再结算。`,
          en: `${error.message}; check the bill and attendance, then settle.`,
          link: { to: 'attendance', childId: child.id, month },
        });
      }
      throw error;
    }
    cases.push({ refundCase: engineCase, result });
    if (!reported || items.some((i) => i.item === 'education')) reported = { billing: group.billing, d: days.d, closures: days.closures };
    result.lines.forEach((line, i) => {
      const charge = items[i]!;
      // Object.assign, not a spread: the same keys in the same order, at a quarter of the memory (1,000 children a run).
      const inputs: PlannedLine['inputs'] = Object.assign({}, line.inputs, { month, coversThrough: month });
      inputs.coversThrough = coversThrough(month, group, inputs);
      lines.push({
        billId: charge.billId,
        item: charge.item,
        baseFen: fenOfAmount(line.inputs.base),
        refundFen: fenOfAmount(line.refund),
        clause: line.clause,
        explanation: line.explanation,
        inputs,
      });
    });
  }
  lines.sort((a, b) => FEE_ITEMS.indexOf(a.item) - FEE_ITEMS.indexOf(b.item));
  return {
    kind: 'settle',
    child,
    billing: reported!.billing,
    reason,
    presentDays: reported!.d,
    closureDays: reported!.closures,
    cases,
    lines,
    totalFen: lines.reduce((s, l) => s + l.refundFen, 0),
  };
}

/**
 * The months whose settlement a change of attendance in `month` bears on: the
 * month itself, or for a semester settled once (GS-1) the month it is settled in.
 */
export function affectedMonths(month: string, child: ChildFact, bills: readonly BillFact[], policy: Policy): string[] {
  const left = leavingMonth(child);
  const months = new Set<string>();
  for (const group of chargesFor(month, bills).groups) months.add(wholeSemesterMonth(policy, group, left) ?? month);
  return [...months].sort();
}
