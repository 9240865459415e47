// One report for one period: load what it reads, call its builder in core,
// add the header. The screen, the .xlsx export and the print page all use this.
import { count } from 'drizzle-orm';
import { type Period, asOfDate, periodRange, type PeriodRange } from '../../../core/reports/period';
import { buildAnnual } from '../../../core/reports/annual';
import { buildArrears } from '../../../core/reports/arrears';
import { buildAttendance } from '../../../core/reports/attendance';
import { buildCashBook } from '../../../core/reports/cashbook';
import { NO_BILLS_YET, REPORT_PERIODS, REPORT_TITLES, type ReportBody, type ReportDoc, type ReportKind } from '../../../core/reports/document';
import { buildIncome } from '../../../core/reports/income';
import { prepaidAt } from '../../../core/reports/prepaid';
import { buildPrepaid } from '../../../core/reports/prepaid-report';
import { buildReductions } from '../../../core/reports/reductions';
import { standardsInForce } from '../../../core/reports/standards';
import { REDUCTION_LABELS } from '../../../core/families/labels';
import { overdueBills } from '../../../db/reports/arrears';
import { ledgerCheckLine, reportEntries } from '../../../db/reports/ledger';
import {
  allStandards,
  childrenEnrolledBetween,
  childrenWithReductions,
  classList,
  classNameMap,
  receiptFacts,
} from '../../../db/reports/lookups';
import { householdLabels } from '../../../db/queries/families';
import { ledgerEntries } from '../../../db/schema';
import { monthSummaries } from '../../services/attendance-summary';
import { loadLegalCalendar } from '../../services/legal-calendar';
import type { HandlerContext } from '../define';
import { invalid } from '../errors';
import { type ReportProfile, reportProfile } from './profile';

type Builder = (ctx: HandlerContext, range: PeriodRange, asOf: string, profile: ReportProfile) => ReportBody;

const money =
  (build: Builder): Builder =>
  (ctx, range, asOf, profile) => {
    // Nothing booked yet at all: say where to begin rather than print zeros.
    const booked = ctx.db.select({ n: count() }).from(ledgerEntries).get()?.n ?? 0;
    return booked === 0 ? { tables: [], checks: [], notes: [], empty: NO_BILLS_YET } : build(ctx, range, asOf, profile);
  };

const BUILDERS: Record<ReportKind, Builder> = {
  income: money((ctx, range) => {
    const { line, totals } = ledgerCheckLine(ctx.db, range.first, range.last);
    return buildIncome({ entries: reportEntries(ctx.db, range.first, range.last), classNames: classNameMap(ctx.db), check: line, totals });
  }),
  cashbook: money((ctx, range) => {
    const { line, totals } = ledgerCheckLine(ctx.db, range.first, range.last);
    const entries = reportEntries(ctx.db, range.first, range.last).filter((e) => e.bucket === 'paymentsIn' || e.bucket === 'paymentsOut');
    return buildCashBook({
      entries,
      payments: receiptFacts(ctx.db, entries.flatMap((e) => (e.paymentId === null ? [] : [e.paymentId]))),
      householdLabels: householdLabels(ctx.db, entries.map((e) => e.householdId)),
      byMonth: range.months.length > 1,
      check: line,
      totals,
    });
  }),
  reductions: money((ctx, range, _asOf, profile) => {
    const { line, totals } = ledgerCheckLine(ctx.db, range.first, range.last);
    return buildReductions({
      entries: reportEntries(ctx.db, range.first, range.last),
      enrolled: childrenEnrolledBetween(ctx.db, range.first, range.last),
      supported: childrenWithReductions(ctx.db, range.months[0]!, range.months.at(-1)!),
      classNames: classNameMap(ctx.db),
      policy: profile.policy,
      kindergartenType: profile.type,
      check: line,
      totals,
    });
  }),
  prepaid: money((ctx, range) => {
    const month = range.months[0]!;
    const { line, closing } = ledgerCheckLine(ctx.db, range.first, range.last);
    const households = prepaidAt(reportEntries(ctx.db, null, range.last), month);
    return buildPrepaid({ month, households, householdLabels: householdLabels(ctx.db, households.map((h) => h.householdId)), check: line, closingFen: closing.totalFen });
  }),
  arrears: money((ctx, range, asOf) => {
    const { line } = ledgerCheckLine(ctx.db, range.first, range.last);
    const bills = overdueBills(ctx.db, asOf, ctx.today());
    return buildArrears({ asOf, bills, classNames: classNameMap(ctx.db), householdLabels: householdLabels(ctx.db, bills.map((b) => b.householdId)), check: line });
  }),
  annual: (ctx, range, _asOf, profile) => {
    const { line, totals } = ledgerCheckLine(ctx.db, range.first, range.last);
    const labels: Record<string, string> = Object.fromEntries(Object.entries(REDUCTION_LABELS).map(([k, v]) => [k, v[0]]));
    for (const [k, v] of Object.entries(profile.policy.reductions?.categories ?? {})) labels[k] = v.label;
    return buildAnnual({
      year: Number(range.key),
      entries: reportEntries(ctx.db, range.first, range.last),
      standards: standardsInForce(allStandards(ctx.db), range.first, range.last),
      children: childrenEnrolledBetween(ctx.db, range.first, range.last),
      classes: classList(ctx.db),
      categoryLabels: labels,
      check: line,
      totals,
    });
  },
  attendance: (ctx, range) => {
    const month = range.months[0]!;
    const calendar = loadLegalCalendar(ctx.db);
    const rows = monthSummaries(ctx.db, calendar, month);
    return buildAttendance({ month, W: calendar.legalWorkingDays(month), rows, classes: classList(ctx.db) });
  },
};

export function buildReport(ctx: HandlerContext, kind: ReportKind, period: Period): ReportDoc {
  if (!REPORT_PERIODS[kind].includes(period.kind)) {
    throw invalid(period.kind === 'year' ? '这张报表只能按月查看，请选择月份。' : '这张报表按年度编制，请选择年份。', 'This report is not available for that kind of period.');
  }
  const range = periodRange(period);
  const today = ctx.today();
  if (range.first > today) throw invalid('所选期间还没有开始，请选择本月或以前的月份。', 'That period has not begun yet.');
  const asOf = asOfDate(range, today);
  const profile = reportProfile(ctx);
  const body = BUILDERS[kind](ctx, range, asOf, profile);
  return {
    kind,
    title: REPORT_TITLES[kind],
    periodKey: range.key,
    periodLabel: range.label,
    asOf,
    kindergartenName: profile.name,
    generatedOn: today,
    ...body,
  };
}
