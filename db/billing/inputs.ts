// What bill drafting reads from the database, in one query per kind of fact
// (a run for a thousand children must not query per child).
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { prevMonth } from '../../core/calendar/dates';
import type { BillingItem, StandardUnit } from '../../core/billing/items';
import type { LiveBill } from '../../core/billing/run';
import type { FeeStandard } from '../../core/billing/standards';
import type { BillingContext, ChildForBilling, OwnDiscount, Semester } from '../../core/billing/types';
import type { Policy } from '../../core/policies/schema';
import type { Db } from '../open';
import { billVoids, bills, childDiscounts, children, classes, feeStandards, kindergarten, ledgerEntries, semesters } from '../schema';

export function loadStandards(db: Db): FeeStandard[] {
  return db
    .select()
    .from(feeStandards)
    .orderBy(asc(feeStandards.id))
    .all()
    .map((r) => ({
      id: r.id,
      item: r.item as BillingItem,
      label: r.label,
      amountFen: r.amountFen,
      unit: r.unit as StandardUnit,
      appliesFrom: r.appliesFrom,
      level: r.level,
      enrolledFrom: r.enrolledFrom,
      overrideClause: r.overrideClause,
    }));
}

export function loadSemesters(db: Db): Semester[] {
  return db
    .select({ id: semesters.id, name: semesters.name, first: semesters.firstMonth, last: semesters.lastMonth })
    .from(semesters)
    .orderBy(asc(semesters.firstMonth))
    .all();
}

export function loadBillingContext(db: Db, policy: Policy, workingDays: (month: string) => number | null): BillingContext {
  const profile = db.select({ type: kindergarten.type }).from(kindergarten).where(eq(kindergarten.id, 1)).get();
  return { policy, kindergartenType: profile?.type ?? '', standards: loadStandards(db), semesters: loadSemesters(db), workingDays };
}

const childColumns = {
  id: children.id,
  householdId: children.householdId,
  name: children.name,
  classId: children.classId,
  className: classes.name,
  classLevel: classes.level,
  enrolledOn: children.enrolledOn,
  status: children.status,
  statusSince: children.statusSince,
  billingMode: children.billingMode,
  meals: children.meals,
  boarding: children.boarding,
  custodyAgreedOn: children.custodyAgreedOn,
  busAgreedOn: children.busAgreedOn,
  reductionCategory: children.reductionCategory,
};

/**
 * The children a run for `month` considers: everyone enrolled, and those who
 * left from the previous month on (so the preview can say why they are not
 * billed). Ordered by class, then name, as the notices are handed out.
 */
export function loadChildrenForRun(db: Db, month: string, filter: { classId?: number; childId?: number } = {}): ChildForBilling[] {
  const recent = `${prevMonth(month)}-01`;
  return db
    .select(childColumns)
    .from(children)
    .innerJoin(classes, eq(classes.id, children.classId))
    .where(
      and(
        or(eq(children.status, 'enrolled'), gte(children.statusSince, recent)),
        filter.classId === undefined ? undefined : eq(children.classId, filter.classId),
        filter.childId === undefined ? undefined : eq(children.id, filter.childId),
      ),
    )
    .orderBy(asc(classes.id), asc(children.namePinyin), asc(children.id))
    .all();
}

export function loadChild(db: Db, childId: number): ChildForBilling | null {
  return db.select(childColumns).from(children).innerJoin(classes, eq(classes.id, children.classId)).where(eq(children.id, childId)).get() ?? null;
}

/** Live bills (neither voided nor replaced) overlapping the months first..last. */
export function loadLiveBills(db: Db, first: string, last: string): LiveBill[] {
  const replacing = db.select({ id: bills.replacesBillId }).from(bills).where(sql`${bills.replacesBillId} IS NOT NULL`);
  return db
    .select({ childId: bills.childId, number: bills.number, periodFirst: bills.periodFirst, periodLast: bills.periodLast })
    .from(bills)
    .leftJoin(billVoids, eq(billVoids.billId, bills.id))
    .where(
      and(
        lte(bills.periodFirst, last),
        gte(bills.periodLast, first),
        isNull(billVoids.billId),
        sql`${bills.id} NOT IN ${replacing}`,
      ),
    )
    .all();
}

export function loadDiscounts(db: Db, childId?: number): OwnDiscount[] {
  return db
    .select()
    .from(childDiscounts)
    .where(childId === undefined ? undefined : eq(childDiscounts.childId, childId))
    .orderBy(asc(childDiscounts.id))
    .all()
    .map((r) => ({
      id: r.id,
      childId: r.childId,
      item: r.item as BillingItem,
      rate: r.rate,
      amountFen: r.amountFen,
      fromMonth: r.fromMonth,
      reason: r.reason,
      active: r.active,
    }));
}

/** Every household's balance (fen; negative = credit), the sum of its entries. */
export function householdBalances(db: Db): Map<number, number> {
  const rows = db
    .select({ householdId: ledgerEntries.householdId, total: sql<number>`sum(${ledgerEntries.amountFen})` })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.householdId)
    .all();
  return new Map(rows.map((r) => [r.householdId, r.total]));
}
