import { eq } from 'drizzle-orm';
import { allocationProblems } from '../../../core/billing/allocate';
import { PAYMENT_METHOD_LABELS } from '../../../core/billing/payments';
import { formatFen, parseFen } from '../../../core/money';
import { loadBills, openBills } from '../../../db/billing/bill-state';
import { bookPayment } from '../../../db/billing/book';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { households } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { once } from '../idempotency';
import { DESK, staffIdOf } from './access';
import { recordInput } from './inputs';

/**
 * 缴费: money received from a family, in one transaction: the receipt number,
 * the payment, its allocations to the household's open bills and its ledger
 * entries (db/billing/book.ts). What is not allocated stays as credit.
 */
export const recordPayment = handler({
  access: DESK,
  write: true,
  input: recordInput,
  run(ctx, input) {
    return once(ctx, input.idempotencyKey, 'payments.record', () => {
      const staffId = staffIdOf(ctx);
      if (!ctx.db.select({ id: households.id }).from(households).where(eq(households.id, input.householdId)).get()) throw notFound('该家庭', 'family');
      if (input.paidOn > ctx.today()) throw invalid('缴费日期不能晚于今天', 'The payment date is in the future.', { paidOn: '缴费日期不能晚于今天' });
      const amountFen = parseFen(input.amount);
      const open = openBills(loadBills(ctx.db, ctx.today(), [input.householdId]));
      const allocations = input.allocations.map((a) => ({ billId: a.billId, amountFen: parseFen(a.amount) }));
      const problems = allocationProblems(amountFen, allocations, open.map((b) => ({ ...b, billId: b.id })));
      if (problems.length > 0) {
        const fields = Object.fromEntries(problems.map((p) => [p.index === null ? 'allocations' : `allocations.${p.index}.amount`, p.message]));
        throw invalid(problems[0]!.message, problems[0]!.messageEn, fields);
      }
      const bills = new Map(open.map((b) => [b.id, b]));
      const booked = bookPayment(ctx.db, {
        householdId: input.householdId,
        method: input.method,
        reference: input.reference,
        amountFen,
        paidOn: input.paidOn,
        payerName: input.payerName,
        note: input.note,
        receivedBy: staffId,
        allocations: allocations.map((a) => ({ bill: bills.get(a.billId)!, amountFen: a.amountFen })),
        createdAt: ctx.now().toISOString(),
      });
      const result = {
        paymentId: booked.payment.id,
        receiptNo: booked.receiptNo,
        amount: formatFen(amountFen),
        allocated: formatFen(booked.allocatedFen),
        credit: formatFen(booked.creditFen),
        balance: formatFen(householdBalanceFen(ctx.db, input.householdId)),
      };
      ctx.audit({
        action: 'payment.record',
        kind: 'money',
        entity: 'payment',
        entityId: booked.payment.id,
        summary: `收款 ${booked.receiptNo}：${result.amount} 元（${PAYMENT_METHOD_LABELS[input.method][0]}${input.reference ? ` ${input.reference}` : ''}），分配 ${result.allocated} 元，预收 ${result.credit} 元`,
        after: { payment: booked.payment, allocations },
      });
      return result;
    });
  },
});
