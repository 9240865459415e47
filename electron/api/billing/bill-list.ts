// Reading bills: the month's list with each bill's lifecycle, one bill with
// its lines, and the fee notices to print.
import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { readSettings } from '../../backup/settings';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { howToPayText } from '../../../core/billing/how-to-pay';
import { periodLabel } from '../../../core/billing/items';
import { lifecycleOf } from '../../../core/billing/lifecycle';
import { billLines, billVoids, bills, children, classes, feeStandards, staff } from '../../../db/schema';
import { handler, type HandlerContext } from '../define';
import { notFound } from '../errors';
import { id, month } from '../schemas';
import { loadProfile, yuan } from './context';
import { lineView } from './views';
import { refundsBeforeBill } from '../settlement/bill-refunds';
import { groupBy } from '../../../core/group';

const DESK = ['principal', 'finance', 'front_desk'] as const;


const replacement = alias(bills, 'replacement');
const replaced = alias(bills, 'replaced');

function billRows(ctx: HandlerContext, where: SQL | undefined) {
  return ctx.db
    .select({
      id: bills.id,
      number: bills.number,
      childId: bills.childId,
      householdId: bills.householdId,
      childName: children.name,
      classId: children.classId,
      className: classes.name,
      billing: bills.billing,
      periodFirst: bills.periodFirst,
      periodLast: bills.periodLast,
      revision: bills.revision,
      replacesNumber: replaced.number,
      replaceReason: bills.replaceReason,
      replacedBy: replacement.number,
      voidReason: billVoids.reason,
      dueOn: bills.dueOn,
      chargesFen: bills.chargesFen,
      reductionsFen: bills.reductionsFen,
      creditAppliedFen: bills.creditAppliedFen,
      totalDueFen: bills.totalDueFen,
      issuedAt: bills.issuedAt,
    })
    .from(bills)
    .innerJoin(children, eq(children.id, bills.childId))
    .innerJoin(classes, eq(classes.id, children.classId))
    .leftJoin(billVoids, eq(billVoids.billId, bills.id))
    .leftJoin(replacement, eq(replacement.replacesBillId, bills.id))
    .leftJoin(replaced, eq(replaced.id, bills.replacesBillId))
    .where(where)
    .orderBy(asc(classes.id), asc(children.namePinyin), asc(bills.id));
}

type BillRowView = Awaited<ReturnType<ReturnType<typeof billRows>['all']>>[number];

function billView(r: BillRowView) {
  return {
    id: r.id,
    number: r.number,
    childId: r.childId,
    householdId: r.householdId,
    childName: r.childName,
    classId: r.classId,
    className: r.className,
    billing: r.billing,
    period: periodLabel(r.periodFirst, r.periodLast),
    periodFirst: r.periodFirst,
    periodLast: r.periodLast,
    revision: r.revision,
    replacesNumber: r.replacesNumber,
    replaceReason: r.replaceReason,
    replacedBy: r.replacedBy,
    voidReason: r.voidReason,
    lifecycle: lifecycleOf({ voided: r.voidReason !== null, replacedBy: r.replacedBy === null ? null : 1 }),
    dueOn: r.dueOn,
    charges: yuan(r.chargesFen),
    reductions: yuan(r.reductionsFen),
    credit: yuan(r.creditAppliedFen),
    totalDue: yuan(r.totalDueFen),
    issuedOn: r.issuedAt.slice(0, 10),
  };
}

const covers = (m: string) => and(lte(bills.periodFirst, m), gte(bills.periodLast, m));

function linesOf(ctx: HandlerContext, billIds: number[]) {
  if (billIds.length === 0) return new Map<number, ReturnType<typeof lineView>[]>();
  const rows = ctx.db
    .select({ line: billLines, unit: feeStandards.unit })
    .from(billLines)
    .leftJoin(feeStandards, eq(feeStandards.id, billLines.standardId))
    .where(inArray(billLines.billId, billIds))
    .orderBy(asc(billLines.id))
    .all();
  const byBill = new Map(
    [...groupBy(rows, (r) => r.line.billId)].map(([billId, own]) => [billId, own.map((r) => lineView({ ...r.line, unit: r.line.kind === 'charge' ? r.unit : null }))]),
  );
  return byBill;
}

/** 代收费 charged per bill (fen), printed apart from the fees. */
function agencyOf(ctx: HandlerContext, billIds: number[]): Map<number, number> {
  if (billIds.length === 0) return new Map();
  const rows = ctx.db
    .select({ billId: billLines.billId, fen: sql<number>`sum(${billLines.amountFen})` })
    .from(billLines)
    .where(and(inArray(billLines.billId, billIds), eq(billLines.item, 'agency'), eq(billLines.kind, 'charge')))
    .groupBy(billLines.billId)
    .all();
  return new Map(rows.map((r) => [r.billId, r.fen]));
}

export const billListHandlers = {
  /** Every bill whose period covers the month (this month by default): issued, replaced and voided, by class and name. */
  'bills.list': handler({
    access: DESK,
    write: false,
    input: z.object({ month: month.optional(), classId: id.optional() }),
    run(ctx, input) {
      const m = input.month ?? ctx.today().slice(0, 7);
      const rows = billRows(ctx, and(covers(m), input.classId ? eq(children.classId, input.classId) : undefined)).all();
      return { month: m, today: ctx.today(), bills: rows.map(billView) };
    },
  }),

  /** One bill with its lines and who issued it. */
  'bills.get': handler({
    access: DESK,
    write: false,
    input: z.object({ billId: id }),
    run(ctx, input) {
      const row = billRows(ctx, eq(bills.id, input.billId)).get();
      if (!row) throw notFound('这份缴费通知单', 'bill');
      const issuer = ctx.db
        .select({ name: staff.displayName })
        .from(bills)
        .leftJoin(staff, eq(staff.id, bills.issuedBy))
        .where(eq(bills.id, input.billId))
        .get();
      return { ...billView(row), issuedBy: issuer?.name ?? null, lines: linesOf(ctx, [row.id]).get(row.id) ?? [] };
    },
  }),

  /**
   * The live fee notices of a month for one child, a class or everyone, a
   * page at a time (the print screen shows progress while a big batch loads).
   */
  'bills.notices': handler({
    access: DESK,
    write: false,
    input: z.object({
      month,
      classId: id.optional(),
      childId: id.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    run(ctx, input) {
      // The notices issued for the month (a semester bill is printed with the month it starts in), live ones only.
      const where = and(
        eq(bills.periodFirst, input.month),
        input.classId ? eq(children.classId, input.classId) : undefined,
        input.childId ? eq(bills.childId, input.childId) : undefined,
        isNull(billVoids.billId),
        isNull(replacement.id),
      );
      const total = billRows(ctx, where).all().length;
      const page = billRows(ctx, where).limit(input.limit).offset(input.offset).all();
      const lines = linesOf(ctx, page.map((r) => r.id));
      const agency = agencyOf(ctx, page.map((r) => r.id));
      const profile = loadProfile(ctx);
      return {
        kindergartenName: profile.name,
        howToPay: howToPayText(readSettings(ctx.db).howToPay),
        total,
        notices: page.map((r) => ({ ...billView(r), lines: lines.get(r.id) ?? [], agency: yuan(agency.get(r.id) ?? 0), fees: yuan(r.chargesFen - r.reductionsFen - (agency.get(r.id) ?? 0)), refunds: refundsBeforeBill(ctx.sqlite, r) })),
      };
    },
  }),

};
