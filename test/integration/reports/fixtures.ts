// Money on the books without the billing, payments and settlement screens:
// bills with lines, payments with allocations, voids, month-end settlements
// and payouts, written the way MONEY.md says those handlers write them
// (documents + ledger entries through db/billing/ledger.ts, one transaction
// each). TODO: use the real handlers once billing/payments/settlement are on main.
import { eq } from 'drizzle-orm';
import { nextNumber, postEntries } from '../../../db/billing/ledger';
import type { Db } from '../../../db/open';
import {
  billLines,
  bills,
  billVoids,
  children,
  ledgerEntries,
  paymentAllocations,
  payments,
  paymentVoids,
  refundPreferences,
  settlementChildren,
  settlementLines,
  settledMonths,
  settlements,
} from '../../../db/schema';
import type { Backend } from '../../../electron/backend';

export interface LineSpec {
  kind: 'charge' | 'reduction';
  item: string;
  amountFen: number;
  category?: string;
  /** Months the line covers; defaults to the bill's period. */
  periodFirst?: string;
  periodLast?: string;
}

export type Method = 'cash' | 'wechat' | 'alipay' | 'bank' | 'pos';

const at = (date: string) => `${date}T02:00:00.000Z`;
const pad = (n: number) => String(n).padStart(5, '0');

export function books(backend: Backend) {
  const { db, sqlite } = backend.database();
  const tx = <T>(f: (db: Db) => T): T => sqlite.transaction(() => f(db))();

  function childOf(childId: number) {
    const child = db.select().from(children).where(eq(children.id, childId)).get();
    if (!child) throw new Error(`no child ${childId}`);
    return child;
  }

  return {
    db,
    sqlite,
    issueBill(spec: { childId: number; periodFirst: string; periodLast?: string; issuedOn: string; dueOn: string; lines: LineSpec[]; creditAppliedFen?: number; replacesBillId?: number }) {
      return tx((db) => {
        const child = childOf(spec.childId);
        const periodLast = spec.periodLast ?? spec.periodFirst;
        const charges = spec.lines.filter((l) => l.kind === 'charge').reduce((a, l) => a + l.amountFen, 0);
        const reductions = spec.lines.filter((l) => l.kind === 'reduction').reduce((a, l) => a + l.amountFen, 0);
        const credit = spec.creditAppliedFen ?? 0;
        const year = spec.issuedOn.slice(0, 4);
        const previous = spec.replacesBillId ? db.select().from(bills).where(eq(bills.id, spec.replacesBillId)).get() : undefined;
        const bill = db
          .insert(bills)
          .values({
            number: `JF${year}-${pad(nextNumber(db, `bill:${year}`))}`,
            childId: child.id,
            householdId: child.householdId,
            billing: periodLast === spec.periodFirst ? 'monthly' : 'semester',
            periodFirst: spec.periodFirst,
            periodLast,
            revision: previous ? previous.revision + 1 : 1,
            replacesBillId: spec.replacesBillId ?? null,
            replaceReason: spec.replacesBillId ? 'other' : null,
            dueOn: spec.dueOn,
            chargesFen: charges,
            reductionsFen: reductions,
            creditAppliedFen: credit,
            totalDueFen: Math.max(0, charges - reductions - credit),
            issuedAt: at(spec.issuedOn),
          })
          .returning()
          .get();
        const lineIds: number[] = [];
        for (const l of spec.lines) {
          const line = db
            .insert(billLines)
            .values({
              billId: bill.id,
              kind: l.kind,
              item: l.item,
              label: l.item,
              periodFirst: l.periodFirst ?? spec.periodFirst,
              periodLast: l.periodLast ?? periodLast,
              quantity: 1,
              unitPriceFen: l.amountFen,
              amountFen: l.amountFen,
              clause: l.kind === 'reduction' && l.category ? 'NT-3.7' : null,
              reductionCategory: l.category ?? null,
            })
            .returning()
            .get();
          lineIds.push(line.id);
          postEntries(db, [
            {
              householdId: child.householdId,
              childId: child.id,
              kind: l.kind,
              amountFen: l.kind === 'charge' ? l.amountFen : -l.amountFen,
              entryDate: spec.issuedOn,
              item: l.item,
              periodMonth: l.periodFirst ?? spec.periodFirst,
              billId: bill.id,
              billLineId: line.id,
              description: `${bill.number} ${l.item}`,
            },
          ]);
        }
        // A replacement's ledger effect is only the difference: the old bill's entries are reversed.
        if (previous) reverseWhere(db, eq(ledgerEntries.billId, previous.id), spec.issuedOn, `被 ${bill.number} 替换`);
        return { billId: bill.id, householdId: child.householdId, number: bill.number, lineIds };
      });
    },

    pay(spec: { householdId: number; amountFen: number; method?: Method; paidOn: string; allocations?: { billId: number; amountFen: number }[] }) {
      return tx((db) => {
        const year = spec.paidOn.slice(0, 4);
        const payment = db
          .insert(payments)
          .values({
            receiptNo: `SK${year}-${pad(nextNumber(db, `receipt:${year}`))}`,
            householdId: spec.householdId,
            direction: 'in',
            method: spec.method ?? 'cash',
            amountFen: spec.amountFen,
            paidOn: spec.paidOn,
          })
          .returning()
          .get();
        for (const a of spec.allocations ?? []) db.insert(paymentAllocations).values({ paymentId: payment.id, ...a }).run();
        postEntries(db, [
          { householdId: spec.householdId, kind: 'payment', amountFen: -spec.amountFen, entryDate: spec.paidOn, paymentId: payment.id, description: `收款 ${payment.receiptNo}` },
        ]);
        return payment.id;
      });
    },

    payout(spec: { householdId: number; amountFen: number; method?: Method; paidOn: string }) {
      return tx((db) => {
        const year = spec.paidOn.slice(0, 4);
        const payment = db
          .insert(payments)
          .values({
            receiptNo: `TK${year}-${pad(nextNumber(db, `payout:${year}`))}`,
            householdId: spec.householdId,
            direction: 'out',
            method: spec.method ?? 'cash',
            amountFen: spec.amountFen,
            paidOn: spec.paidOn,
          })
          .returning()
          .get();
        postEntries(db, [
          { householdId: spec.householdId, kind: 'payout', amountFen: spec.amountFen, entryDate: spec.paidOn, paymentId: payment.id, description: `退款付出 ${payment.receiptNo}` },
        ]);
        return payment.id;
      });
    },

    voidPayment(paymentId: number, on: string) {
      tx((db) => {
        db.insert(paymentVoids).values({ paymentId, reason: '录入错误', voidedAt: at(on) }).run();
        reverseWhere(db, eq(ledgerEntries.paymentId, paymentId), on, '收据作废');
      });
    },

    voidBill(billId: number, on: string) {
      tx((db) => {
        db.insert(billVoids).values({ billId, reason: '开具错误', voidedAt: at(on) }).run();
        reverseWhere(db, eq(ledgerEntries.billId, billId), on, '通知单作废');
      });
    },

    /** Books a month-end settlement: one refund line per child and item, credited to the household. */
    settle(spec: { month: string; bookedOn: string; refunds: { childId: number; billId: number; item: string; baseFen: number; refundFen: number }[] }) {
      return tx((db) => {
        const total = spec.refunds.reduce((a, r) => a + r.refundFen, 0);
        const s = db
          .insert(settlements)
          .values({ kind: 'month', month: spec.month, policyId: 'nantong-2018', legalWorkingDays: 21, totalFen: total, bookedAt: at(spec.bookedOn) })
          .returning()
          .get();
        // As the real booking does: the attendance area flags later corrections of a settled month.
        db.insert(settledMonths).values({ month: spec.month, settledAt: at(spec.bookedOn) }).onConflictDoNothing().run();
        const byChild = new Map<number, number>();
        for (const r of spec.refunds) byChild.set(r.childId, (byChild.get(r.childId) ?? 0) + r.refundFen);
        for (const [childId, childTotal] of byChild) {
          db.insert(settlementChildren)
            .values({ settlementId: s.id, childId, name: childOf(childId).name, className: '', billing: 'monthly', reason: 'leave', presentDays: 3, closureDays: 0, totalFen: childTotal })
            .run();
        }
        for (const r of spec.refunds) {
          const child = childOf(r.childId);
          const line = db
            .insert(settlementLines)
            .values({ settlementId: s.id, childId: r.childId, billId: r.billId, item: r.item, baseFen: r.baseFen, refundFen: r.refundFen, clause: 'NT-3.3', explanation: '测试退费', inputs: '{}' })
            .returning()
            .get();
          postEntries(db, [
            {
              householdId: child.householdId,
              childId: r.childId,
              kind: 'refund',
              amountFen: -r.refundFen,
              entryDate: spec.bookedOn,
              item: r.item,
              periodMonth: spec.month,
              billId: r.billId,
              settlementId: s.id,
              settlementLineId: line.id,
              clause: 'NT-3.3',
              description: `${spec.month} 退费`,
            },
          ]);
        }
        return s.id;
      });
    },

    preferPayout(householdId: number, on: string) {
      tx((db) => db.insert(refundPreferences).values({ householdId, mode: 'payout', setAt: at(on) }).run());
    },

    householdOf(childId: number) {
      return childOf(childId).householdId;
    },
  };
}

function reverseWhere(db: Db, where: ReturnType<typeof eq>, on: string, why: string) {
  const originals = db.select().from(ledgerEntries).where(where).all().filter((e) => e.kind !== 'reversal');
  const reversed = new Set(db.select().from(ledgerEntries).all().flatMap((e) => (e.reversesEntryId === null ? [] : [e.reversesEntryId])));
  postEntries(
    db,
    originals
      .filter((e) => !reversed.has(e.id))
      .map((e) => ({
        householdId: e.householdId,
        childId: e.childId,
        kind: 'reversal',
        amountFen: -e.amountFen,
        entryDate: on,
        item: e.item,
        periodMonth: e.periodMonth,
        billId: e.billId,
        billLineId: e.billLineId,
        paymentId: e.paymentId,
        reversesEntryId: e.id,
        description: `冲销：${why}`,
      })),
  );
}

export type Books = ReturnType<typeof books>;
