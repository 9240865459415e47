// The demo's fee standards and its September to November 2026 bills, made
// through the same checks and bill runs the app uses (no hand-made bill rows),
// so previews, notices and the ledger show what the app itself would have.
import { asc, eq, sql } from 'drizzle-orm';
import { datesBetween, firstDayOf, lastDayOf } from '../../core/calendar/dates';
import { CalendarMissingError } from '../../core/calendar';
import { checkStandard, type StandardDraft } from '../../core/billing/standard-checks';
import { getBuiltinPolicy } from '../../core/policies';
import { parseAmount, toFen } from '../../core/money';
import { issueBillRun } from '../billing/run';
import { loadBillingContext, loadSemesters, loadStandards } from '../billing/inputs';
import type { Db } from '../open';
import { childDiscounts, children, feeStandards, kindergarten, staff } from '../schema';

const STANDARDS: Array<StandardDraft & { note?: string }> = [
  { item: 'meal', label: '伙食费', amount: '14.00', unit: 'day', appliesFrom: '2025-09-01', level: null, enrolledFrom: null, note: '2025学年标准' },
  { item: 'education', label: '保教费', amount: '420.00', unit: 'month', appliesFrom: '2026-09-01', level: null, enrolledFrom: null },
  { item: 'education', label: '保教费（托班）', amount: '500.00', unit: 'month', appliesFrom: '2026-09-01', level: 'toddler', enrolledFrom: null },
  { item: 'meal', label: '伙食费', amount: '15.00', unit: 'day', appliesFrom: '2026-09-01', level: null, enrolledFrom: null, note: '按实际成本核定，每学期公示' },
  { item: 'custody', label: '托管费（延时托管）', amount: '100.00', unit: 'month', appliesFrom: '2026-09-01', level: null, enrolledFrom: null },
  { item: 'bus', label: '校车费', amount: '150.00', unit: 'month', appliesFrom: '2026-09-01', level: null, enrolledFrom: null },
  { item: 'agency', label: '幼儿意外伤害保险（代收）', amount: '100.00', unit: 'semester', appliesFrom: '2026-09-01', level: null, enrolledFrom: null, note: '自愿参加，按保险公司收费代收' },
  { item: 'vacation_care', label: '寒假托管费', amount: '24.00', unit: 'day', appliesFrom: '2027-01-18', level: null, enrolledFrom: null },
  { item: 'education', label: '保教费', amount: '450.00', unit: 'month', appliesFrom: '2027-02-01', level: null, enrolledFrom: '2027-02-01', note: '新生新办法、老生老办法：2027年春季起新入园幼儿' },
];

/** The months the demo bills, each issued on the 1st and due on the 10th. */
export const DEMO_BILL_MONTHS = ['2026-09', '2026-10', '2026-11'] as const;

export function loadBillingDemo(db: Db, isWorkingDay: (date: string) => boolean): { bills: number } {
  const profile = db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get()!;
  const policy = getBuiltinPolicy(profile.policyId)!;
  const staffId = (username: string) => db.select({ id: staff.id }).from(staff).where(eq(staff.username, username)).get()!.id;
  const principal = staffId('admin');
  const finance = staffId('caiwu');

  for (const [i, s] of STANDARDS.entries()) {
    const findings = checkStandard(policy, s, {
      existing: loadStandards(db),
      kindergarten: { type: profile.type, grade: profile.grade, fundingType: profile.fundingType },
      semesters: loadSemesters(db),
    });
    if (findings.length > 0) throw new Error(`demo standard ${s.label} fails ${findings.map((f) => f.clause).join(', ')}`);
    const at = `${s.appliesFrom < '2026-08-20' ? s.appliesFrom : '2026-08-20'}T02:${String(i).padStart(2, '0')}:00.000Z`;
    db.insert(feeStandards)
      .values({ item: s.item, label: s.label, amountFen: toFen(parseAmount(s.amount)), unit: s.unit, appliesFrom: s.appliesFrom, level: s.level, enrolledFrom: s.enrolledFrom, note: s.note ?? '', createdBy: finance, createdAt: at })
      .run();
  }

  // 二孩优惠: the principal's own discount for the younger child of the first two sibling households.
  const siblings = db
    .select({ householdId: children.householdId, id: sql<number>`max(${children.id})` })
    .from(children)
    .groupBy(children.householdId)
    .having(sql`count(*) > 1`)
    .orderBy(asc(children.householdId))
    .limit(2)
    .all();
  for (const s of siblings) {
    db.insert(childDiscounts)
      .values({ childId: s.id, item: 'education', rate: '0.1', fromMonth: '2026-09', reason: '二孩优惠（园务会议决定）', setBy: principal, setAt: '2026-08-25T03:00:00.000Z' })
      .run();
  }

  const workingDays = (month: string) => {
    try {
      return datesBetween(firstDayOf(month), lastDayOf(month)).filter(isWorkingDay).length;
    } catch (error) {
      // As in the app: a year without calendar data has no W (2027 in the demo).
      if (error instanceof CalendarMissingError) return null;
      throw error;
    }
  };
  const ctx = loadBillingContext(db, policy, workingDays);
  let count = 0;
  for (const month of DEMO_BILL_MONTHS) {
    const { issued } = issueBillRun(db, month, ctx, {
      issueDate: `${month}-01`,
      dueOn: `${month}-10`,
      at: `${month}-01T00:30:00.000Z`,
      staffId: finance,
      runId: `demo:${month}`,
    });
    count += issued.length;
  }
  return { bills: count };
}
