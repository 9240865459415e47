// One child's bill for one period, from the standards in force, the child's
// fee profile, reductions and the legal calendar. Pure; the bill run and a
// replacement both draft through here, so what is previewed is what is issued.
import { firstDayOf, lastDayOf, prevMonth } from '../calendar/dates';
import { monthSpan, monthsBetween } from '../calendar/dates';
import { applyReduction, checkBillPeriod } from '../fee-standards';
import { Decimal, formatAmount, formatPercent, fromFen, toFen } from '../money';
import { type BillingItem, ITEM_LABELS, LEVEL_LABELS, periodLabel, type StandardUnit } from './items';
import { chargeAtStandard, standardInForce } from './standards';
import type { BillDraft, BillingContext, ChildForBilling, DraftResult, LineDraft, OwnDiscount, Period, Problem } from './types';
import { agencyLines, NO_VOLUNTARY, vacationLines, type VoluntaryFacts } from './voluntary';

const LEFT_LABELS: Record<string, string> = { suspended: '休学', withdrawn: '退园', graduated: '毕业' };
const LEFT_LABELS_EN: Record<string, string> = { suspended: 'Suspended', withdrawn: 'Withdrawn', graduated: 'Graduated' };

/** The period a run for `month` bills: the month, or the rest of its semester for a semester payer. */
export function periodFor(
  child: Pick<ChildForBilling, 'billingMode'>,
  month: string,
  semesters: BillingContext['semesters'],
): Period | Problem {
  const semester = semesters.find((s) => s.first <= month && month <= s.last) ?? null;
  if (child.billingMode !== 'semester') return { billing: 'monthly', first: month, last: month, semesterId: semester?.id ?? null };
  if (!semester) {
    return {
      code: 'no_semester',
      clause: null,
      messageZh: `${month} 不在任何学期之内，按学期缴费的幼儿无法开具缴费通知单。请核对“设置 → 学年与学期”。`,
      messageEn: `${month} is in no semester, so a child who pays by semester cannot be billed. Check Settings → School years.`,
    };
  }
  return { billing: 'semester', first: month, last: semester.last, semesterId: semester.id };
}

/** Null when the child is in the kindergarten for some of the period, else why not. */
export function notBillableReason(child: ChildForBilling, period: Period): Problem | null {
  if (child.enrolledOn > lastDayOf(period.last)) {
    return { code: 'not_yet_enrolled', clause: null, messageZh: `入园日期为 ${child.enrolledOn}，本期（${period.first}）尚未入园。`, messageEn: `Enrolled on ${child.enrolledOn}: not yet in the kindergarten in ${period.first}.` };
  }
  if (child.status !== 'enrolled') {
    const since = child.statusSince ?? child.enrolledOn;
    if (since <= firstDayOf(period.first)) {
      return {
        code: 'not_enrolled',
        clause: null,
        messageZh: `自 ${since} 起已${LEFT_LABELS[child.status] ?? '离园'}，本期不收费。`,
        messageEn: `${LEFT_LABELS_EN[child.status] ?? 'Left'} since ${since}: nothing is charged for this period.`,
      };
    }
  }
  return null;
}

/** Items the child takes in the period; custody and the bus only with the family's signed agreement (NT-1.3, NT-3.5). */
export function itemsTaken(child: ChildForBilling, period: Period): BillingItem[] {
  const end = lastDayOf(period.last);
  const items: BillingItem[] = ['education'];
  if (child.boarding) items.push('accommodation');
  if (child.meals) items.push('meal');
  if (child.custodyAgreedOn && child.custodyAgreedOn <= end) items.push('custody');
  if (child.busAgreedOn && child.busAgreedOn <= end) items.push('bus');
  return items;
}

function unitsFor(item: BillingItem, period: Period, fullSemester: boolean): StandardUnit[] {
  if (item === 'meal') return ['day', 'month'];
  if ((item === 'education' || item === 'accommodation') && period.billing === 'semester' && fullSemester) return ['semester', 'month'];
  return ['month'];
}

function calendarMissing(month: string, itemLabel: string, itemLabelEn: string): Problem & { month: string } {
  const year = month.slice(0, 4);
  return {
    month,
    code: 'calendar_missing',
    clause: null,
    messageZh: `系统中还没有 ${year} 年的法定节假日安排，无法确定 ${month} 的法定工作日天数，${itemLabel}（日标准 × 法定工作日）无法计算。请先在“设置 → 法定日历”中导入或录入 ${year} 年的放假与调休安排。`,
    messageEn: `There is no legal calendar for ${year} yet, so the working days of ${month} and the daily ${itemLabelEn.toLowerCase()} cannot be counted. Enter or import ${year} in Settings → Legal calendar first.`,
  };
}

function chargeLine(item: BillingItem, child: ChildForBilling, period: Period, ctx: BillingContext, fullSemester: boolean): LineDraft | Problem {
  const standard = standardInForce(ctx.standards, {
    item,
    month: period.first,
    level: child.classLevel,
    enrolledOn: child.enrolledOn,
    units: unitsFor(item, period, fullSemester),
  });
  const itemLabel = ITEM_LABELS[item][0];
  if (!standard) {
    const level = LEVEL_LABELS[child.classLevel as keyof typeof LEVEL_LABELS]?.[0] ?? child.classLevel;
    return {
      code: 'standard_missing',
      clause: null,
      messageZh: `没有适用于${level}（${child.enrolledOn} 入园）${period.first} 的${itemLabel}标准。请先在“收费 → 收费标准”中设定。`,
      messageEn: `No ${ITEM_LABELS[item][1].toLowerCase()} standard applies to ${LEVEL_LABELS[child.classLevel as keyof typeof LEVEL_LABELS]?.[1] ?? child.classLevel} (enrolled ${child.enrolledOn}) in ${period.first}. Set one in Fees → Fee standards first.`,
    };
  }
  const months = monthsBetween(period.first, period.last);
  let quantity = months.length;
  if (standard.unit === 'semester') quantity = 1;
  if (standard.unit === 'day') {
    quantity = 0;
    for (const month of months) {
      const w = ctx.workingDays(month);
      if (w === null) return calendarMissing(month, itemLabel, ITEM_LABELS[item][1]);
      quantity += w;
    }
  }
  return chargeAtStandard(standard, period, quantity);
}

function statutoryReduction(child: ChildForBilling, education: LineDraft, ctx: BillingContext, notes: string[]): LineDraft | null {
  if (!child.reductionCategory) return null;
  const rules = ctx.policy.reductions;
  const result = applyReduction(ctx.policy, {
    standard: formatAmount(fromFen(education.amountFen)),
    category: child.reductionCategory,
    kindergartenKind: ctx.kindergartenType,
  });
  if (!result) {
    notes.push(
      rules && !rules.kindergartenKinds.includes(ctx.kindergartenType)
        ? `该幼儿登记了减免类别，但收费文件（${rules.clause}）的减免只适用于公办园和普惠性民办园，本园类型不适用，未减免。`
        : '该幼儿登记的减免类别不在本园收费文件的减免范围内，未减免。',
    );
    return null;
  }
  return {
    kind: 'reduction',
    item: 'education',
    label: `减免：${result.labelZh}（保教费 ${formatPercent(new Decimal(result.rate))}）`,
    periodFirst: education.periodFirst,
    periodLast: education.periodLast,
    quantity: 1,
    unitPriceFen: toFen(new Decimal(result.reduction)),
    amountFen: toFen(new Decimal(result.reduction)),
    standardId: education.standardId,
    unit: null,
    clause: result.clause,
    reductionCategory: child.reductionCategory,
    note: '',
  };
}

/** The discount row in force for a child's item in a month: the newest from that month or earlier. */
export function discountInForce(discounts: readonly OwnDiscount[], childId: number, item: BillingItem, month: string): OwnDiscount | null {
  const rows = discounts.filter((d) => d.childId === childId && d.item === item && d.fromMonth <= month);
  const newest = rows.sort((a, b) => (a.fromMonth === b.fromMonth ? b.id - a.id : a.fromMonth < b.fromMonth ? 1 : -1))[0];
  return newest?.active ? newest : null;
}

function ownDiscountLine(discount: OwnDiscount, charge: LineDraft, alreadyReducedFen: number): LineDraft | null {
  const left = charge.amountFen - alreadyReducedFen;
  if (left <= 0) return null;
  const months = monthSpan(charge.periodFirst, charge.periodLast);
  const wanted =
    discount.rate !== null ? toFen(fromFen(left).times(new Decimal(discount.rate))) : (discount.amountFen ?? 0) * months;
  const amountFen = Math.min(wanted, left);
  if (amountFen <= 0) return null;
  const what = discount.rate !== null ? formatPercent(new Decimal(discount.rate)) : `每月 ${formatAmount(fromFen(discount.amountFen ?? 0))} 元`;
  return {
    kind: 'reduction',
    item: charge.item,
    label: `园内优惠（${ITEM_LABELS[charge.item][0]} ${what}）`,
    periodFirst: charge.periodFirst,
    periodLast: charge.periodLast,
    quantity: 1,
    unitPriceFen: amountFen,
    amountFen,
    standardId: charge.standardId,
    unit: null,
    clause: null,
    reductionCategory: null,
    note: discount.reason,
  };
}

function joinerNote(child: ChildForBilling, period: Period, ctx: BillingContext): string | null {
  if (child.enrolledOn <= firstDayOf(period.first)) return null;
  const rule = ctx.policy.feeStandards?.raiseForNewPupilsOnly;
  const cite = rule ? ctx.policy.clauses[rule.clause]?.cite : undefined;
  return rule
    ? `插班生：${child.enrolledOn} 入园。${cite ?? '收费文件'}（${rule.clause}）规定插班生按插班标准收费，但没有可计算的插班标准，本单按整月收取；当月未在园的天数在月结时按退费规定退还。`
    : `插班生：${child.enrolledOn} 入园，本单按整月收取；当月未在园的天数在月结时按退费规定退还。`;
}

/**
 * Drafts one bill. Refused (with every reason) when the period crosses a
 * semester (NT-3.1), the child is not in the kindergarten then, a standard
 * for an item the child takes is missing, or the calendar for a meal month
 * is missing. Vacation care (days booked) and 代收费 (opted in) come from
 * `voluntary`. Credit from the household's balance is applied by the run.
 */
export function draftBill(
  child: ChildForBilling,
  period: Period,
  ctx: BillingContext,
  discounts: readonly OwnDiscount[] = [],
  voluntary: VoluntaryFacts = NO_VOLUNTARY,
): DraftResult {
  const crossing = checkBillPeriod(ctx.policy, { first: period.first, last: period.last, semesters: ctx.semesters });
  if (crossing.length > 0) {
    return { ok: false, problems: crossing.map((v) => ({ code: v.code, clause: v.clause, messageZh: v.messageZh })) };
  }
  const absent = notBillableReason(child, period);
  if (absent) return { ok: false, problems: [absent] };
  const semester = ctx.semesters.find((s) => s.id === period.semesterId);
  const fullSemester = period.billing === 'semester' && semester !== undefined && semester.first === period.first && semester.last === period.last;

  const problems: Problem[] = [];
  const charges: LineDraft[] = [];
  for (const item of itemsTaken(child, period)) {
    const line = chargeLine(item, child, period, ctx, fullSemester);
    if ('code' in line) problems.push(line);
    else charges.push(line);
  }
  const vacation = vacationLines(child, period, ctx, voluntary);
  problems.push(...vacation.problems);
  // A semester bill reaching into a year whose calendar is not out yet (the
  // autumn term ends in January) is billed up to the last month W is known
  // for; the rest is billed by a later run, once the calendar is imported.
  const missing = problems.find((p): p is Problem & { month: string } => p.code === 'calendar_missing' && 'month' in p);
  if (missing && problems.every((p) => p.code === 'calendar_missing') && missing.month > period.first) {
    const shorter = draftBill(child, { ...period, last: prevMonth(missing.month) }, ctx, discounts, voluntary);
    if (shorter.ok) {
      const note = `${missing.month.slice(0, 4)} 年的法定节假日安排尚未公布，伙食费无法按法定工作日计算，本单收到 ${periodLabel(prevMonth(missing.month), prevMonth(missing.month))}；${periodLabel(missing.month, missing.month)}起的费用另行通知。`;
      shorter.bill.notes.push(note);
      // On the notice too: the parent reads why a semester bill stops early.
      const meal = shorter.bill.lines.find((l) => l.kind === 'charge' && l.item === 'meal' && l.unit === 'day');
      if (meal) meal.note = meal.note ? `${meal.note}；${note}` : note;
    }
    return shorter;
  }
  if (problems.length > 0) return { ok: false, problems };

  const notes: string[] = [];
  const lines: LineDraft[] = [];
  for (const charge of charges) {
    lines.push(charge);
    let reducedFen = 0;
    if (charge.item === 'education') {
      const joiner = joinerNote(child, period, ctx);
      if (joiner) {
        charge.note = joiner;
        notes.push(joiner);
      }
      const statutory = statutoryReduction(child, charge, ctx, notes);
      if (statutory) {
        lines.push(statutory);
        reducedFen += statutory.amountFen;
      }
    }
    const discount = discountInForce(discounts, child.id, charge.item, period.first);
    const own = discount ? ownDiscountLine(discount, charge, reducedFen) : null;
    if (own) lines.push(own);
  }
  // Chosen by the family, at the standard: no reduction or discount applies to them.
  lines.push(...vacation.lines, ...agencyLines(child, period, ctx, voluntary, notes));
  if (child.status !== 'enrolled' && child.statusSince && child.statusSince <= lastDayOf(period.last)) {
    notes.push(`该幼儿自 ${child.statusSince} 起${LEFT_LABELS[child.status] ?? '离园'}，之后的费用在月结时按退费规定处理。`);
  }
  const chargesFen = lines.filter((l) => l.kind === 'charge').reduce((sum, l) => sum + l.amountFen, 0);
  const reductionsFen = lines.filter((l) => l.kind === 'reduction').reduce((sum, l) => sum + l.amountFen, 0);
  const bill: BillDraft = {
    childId: child.id,
    householdId: child.householdId,
    period,
    lines,
    chargesFen,
    reductionsFen,
    creditAppliedFen: 0,
    totalDueFen: chargesFen - reductionsFen,
    notes,
  };
  return { ok: true, bill };
}

/**
 * Applies each household's credit (a negative balance) to its bills in
 * order, so siblings never both count the same yuan. Returns new drafts.
 */
export function applyHouseholdCredit(bills: readonly BillDraft[], balanceFen: (householdId: number) => number): BillDraft[] {
  const left = new Map<number, number>();
  return bills.map((bill) => {
    const available = left.get(bill.householdId) ?? Math.max(0, -balanceFen(bill.householdId));
    const net = bill.chargesFen - bill.reductionsFen;
    const credit = Math.min(available, net);
    left.set(bill.householdId, available - credit);
    return { ...bill, creditAppliedFen: credit, totalDueFen: net - credit };
  });
}
