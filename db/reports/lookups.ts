// Names the reports print beside the figures, and the documents behind entries.
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ReceiptFacts } from '../../core/reports/cashbook';
import type { PaymentMethod } from '../../core/reports/labels';
import type { StandardRow } from '../../core/reports/standards';
import type { Db } from '../open';
import { childrenEnrolledBetween as enrolledBetween } from '../queries/attendance';
import { billLines, bills, billVoids, children, classes, feeStandards, payments } from '../schema';

/** Classes from 托班 to 大班, then by name. */
export function classList(db: Db) {
  return db
    .select({ id: classes.id, name: classes.name, level: classes.level, headTeacher: classes.headTeacher })
    .from(classes)
    .orderBy(LEVEL_ORDER, asc(classes.name), asc(classes.id))
    .all();
}

export const LEVEL_ORDER = sql`CASE ${classes.level} WHEN 'toddler' THEN 0 WHEN 'small' THEN 1 WHEN 'middle' THEN 2 WHEN 'large' THEN 3 ELSE 4 END`;

export function classNameMap(db: Db): Map<number, string> {
  return new Map(classList(db).map((c) => [c.id, c.name]));
}

export function receiptFacts(db: Db, ids: readonly number[]): Map<number, ReceiptFacts> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: payments.id, receiptNo: payments.receiptNo, method: payments.method, direction: payments.direction, paidOn: payments.paidOn, payerName: payments.payerName })
    .from(payments)
    .where(inArray(payments.id, [...new Set(ids)]))
    .all();
  return new Map(rows.map((r) => [r.id, { ...r, method: r.method as PaymentMethod, direction: r.direction as 'in' | 'out' }]));
}

export function allStandards(db: Db): StandardRow[] {
  return db
    .select({
      id: feeStandards.id,
      item: feeStandards.item,
      label: feeStandards.label,
      amountFen: feeStandards.amountFen,
      unit: feeStandards.unit,
      appliesFrom: feeStandards.appliesFrom,
      level: feeStandards.level,
      enrolledFrom: feeStandards.enrolledFrom,
      overrideClause: feeStandards.overrideClause,
    })
    .from(feeStandards)
    .orderBy(asc(feeStandards.id))
    .all();
}

/** Children enrolled on at least one day from `first` to `last` (the attendance area's rule), with their reduction category. */
export function childrenEnrolledBetween(db: Db, first: string, last: string) {
  const kids = enrolledBetween(db, first, last, null);
  const categories = new Map(
    db
      .select({ id: children.id, category: children.reductionCategory })
      .from(children)
      .where(isNotNull(children.reductionCategory))
      .all()
      .map((c) => [c.id, c.category]),
  );
  return kids.map((k) => ({ id: k.id, classId: k.classId, reductionCategory: categories.get(k.id) ?? null }));
}

const replacing = alias(bills, 'replacing');

/** Children with a reduction line on a live bill (not voided, not replaced) for a month from `firstMonth` to `lastMonth`. */
export function childrenWithReductions(db: Db, firstMonth: string, lastMonth: string) {
  return db
    .selectDistinct({ childId: bills.childId, classId: children.classId, category: billLines.reductionCategory })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .innerJoin(children, eq(children.id, bills.childId))
    .leftJoin(billVoids, eq(billVoids.billId, bills.id))
    .where(
      and(
        eq(billLines.kind, 'reduction'),
        lte(billLines.periodFirst, lastMonth),
        gte(billLines.periodLast, firstMonth),
        isNull(billVoids.billId),
        notExists(db.select({ one: sql`1` }).from(replacing).where(eq(replacing.replacesBillId, bills.id))),
      ),
    )
    .all();
}
