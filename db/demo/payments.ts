// Demo payments for the demo's issued bills (db/demo/billing.ts, September to
// November 2026), read at run time so this works on whatever bills exist.
// Most families pay each month's bills shortly after they are issued, by
// different methods; one pays part of November, one pays ahead (credit), one
// payment is voided with a reason and recorded again, and a few families have
// not paid, so arrears has rows in every bucket on the demo's today.
import { asc, eq } from 'drizzle-orm';
import { allocateOldestFirst } from '../../core/billing/allocate';
import type { PaymentMethod } from '../../core/billing/payments';
import { addDays } from '../../core/calendar/dates';
import { loadBills, openBills } from '../billing/bill-state';
import { bookPayment, bookPaymentVoid } from '../billing/book';
import type { Db } from '../open';
import { guardians, paymentInvoiceNumbers, staff } from '../schema';
import { type Random, seededRandom } from './random';
import { groupBy } from '../../core/group';

/** The demo's "today": arrears are aged from here. */
export const DEMO_TODAY = '2026-12-01';

/** By the household's place among those with bills: how many of its months stay unpaid (from the last). */
const UNPAID_MONTHS: Record<number, number> = { 10: 3, 31: 3, 52: 3, 20: 2, 41: 2, 15: 1, 36: 1, 47: 1, 63: 1, 77: 1 };
const PARTIAL = 3;
const PAID_AHEAD = 5;
const VOIDED = 7;

const METHODS: PaymentMethod[] = ['wechat', 'wechat', 'wechat', 'wechat', 'alipay', 'alipay', 'bank', 'bank', 'cash', 'pos'];

function reference(rng: Random, method: PaymentMethod, paidOn: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const day = paidOn.replaceAll('-', '');
  switch (method) {
    case 'wechat':
      return `4200${digits(6)}${day}${digits(10)}`;
    case 'alipay':
      return `${day}2200${digits(16)}`;
    case 'bank':
      return `HX${day}${digits(8)}`;
    case 'pos':
      return `POS${digits(6)} 终端${digits(4)}`;
    default:
      return '';
  }
}

export function loadPaymentsDemo(db: Db, today = DEMO_TODAY): { payments: number; voided: number } {
  const bills = openBills(loadBills(db, today));
  if (bills.length === 0) return { payments: 0, voided: 0 };
  const rng = seededRandom(20261201);
  const staffId = (username: string) => db.select().from(staff).where(eq(staff.username, username)).get()!.id;
  const desk = staffId('qiantai');
  const finance = staffId('caiwu');
  const payer = (householdId: number) =>
    db.select().from(guardians).where(eq(guardians.householdId, householdId)).orderBy(asc(guardians.id)).get()?.name ?? '';

  const households = [...new Set(bills.map((b) => b.householdId))].sort((a, b) => a - b);
  let count = 0;
  let voided = 0;
  households.forEach((householdId, index) => {
    // The household's bills month by month (siblings' bills of a month are paid together).
    const byMonth = groupBy(
      bills.filter((x) => x.householdId === householdId),
      (b) => b.periodFirst,
    );
    const months = [...byMonth.keys()].sort();
    const paidMonths = months.slice(0, Math.max(0, months.length - (UNPAID_MONTHS[index] ?? 0)));
    paidMonths.forEach((month, m) => {
      const group = byMonth.get(month)!;
      const due = group.reduce((s, b) => s + b.outstandingFen, 0);
      const issuedOn = group.map((b) => b.issuedAt.slice(0, 10)).sort()[0]!;
      // Most pay within a week of the notice; one in ten pays after the due date.
      const late = rng.chance(0.1);
      let paidOn = addDays(issuedOn, late ? rng.int(12, 25) : rng.int(1, 7));
      if (paidOn >= today) paidOn = addDays(today, -1);
      const method = rng.pick(METHODS);
      const last = m === paidMonths.length - 1;
      let amountFen = due;
      if (index === PARTIAL && last) amountFen = Math.floor(due / 200) * 100;
      // Paid ahead: November and, the same day, as much again for December.
      if (index === PAID_AHEAD && last) amountFen = due * 2;
      const book = (amount: number, on: string, by: number, note = '') =>
        bookPayment(db, {
          householdId,
          method,
          reference: reference(rng, method, on),
          amountFen: amount,
          paidOn: on,
          payerName: payer(householdId),
          note,
          receivedBy: by,
          allocations: allocateOldestFirst(amount, group.map((b) => ({ ...b, billId: b.id }))).allocations.map((a) => ({
            bill: group.find((b) => b.id === a.billId)!,
            amountFen: a.amountFen,
          })),
          createdAt: `${on}T0${rng.int(1, 8)}:${String(rng.int(10, 59))}:${String(rng.int(10, 59))}.000Z`,
        });
      if (index === VOIDED && m === 0) {
        // Recorded 100 yuan too much, voided by finance the next day, then recorded again as received.
        const wrong = book(amountFen + 10000, paidOn, desk);
        const voidOn = addDays(paidOn, 1);
        bookPaymentVoid(db, { payment: wrong.payment, reason: '金额登记错误（多录 100 元），已按实收金额重新登记', voidedBy: finance, voidedAt: `${voidOn}T02:15:00.000Z`, entryDate: voidOn });
        voided++;
        count++;
        paidOn = voidOn;
      }
      const booked = book(amountFen, paidOn, rng.chance(0.8) ? desk : finance, index === PAID_AHEAD && last ? '家长预交 12 月费用' : '');
      count++;
      // Finance enters the 财政票据 number for some bank transfers once the bureau issues it.
      if (method === 'bank' && rng.chance(0.5)) {
        db.insert(paymentInvoiceNumbers)
          .values({ paymentId: booked.payment.id, invoiceNo: `苏财通 ${rng.int(10000000, 99999999)}`, enteredBy: finance, enteredAt: `${addDays(paidOn, 3)}T03:00:00.000Z` })
          .run();
      }
    });
  });
  return { payments: count, voided };
}
