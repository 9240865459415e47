import { eq } from 'drizzle-orm';
import { formatFen } from '../../../core/money';
import { loadBills } from '../../../db/billing/bill-state';
import { bookPaymentVoid } from '../../../db/billing/book';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { payments, paymentVoids } from '../../../db/schema';
import { handler } from '../define';
import { conflict, invalid, notFound } from '../errors';
import { once } from '../idempotency';
import { staffIdOf, VOIDERS } from './access';
import { voidInput } from './inputs';
import { localDate } from '../../../core/calendar/dates';

/** 作废: a payment recorded in error is reversed, never deleted; the receipt keeps its number and prints 作废. */
export const voidPayment = handler({
  access: VOIDERS,
  write: true,
  input: voidInput,
  run(ctx, input) {
    return once(ctx, input.idempotencyKey, 'payments.void', () => {
      const staffId = staffIdOf(ctx);
      const payment = ctx.db.select().from(payments).where(eq(payments.id, input.paymentId)).get();
      if (!payment) throw notFound('这张收据', 'receipt');
      if (payment.direction !== 'in') throw invalid('退款支付的收据在退费结算中处理，不能在这里作废', 'Payouts are handled in settlement.');
      const already = ctx.db.select().from(paymentVoids).where(eq(paymentVoids.paymentId, payment.id)).get();
      if (already) throw conflict(`收据 ${payment.receiptNo} 已于 ${localDate(new Date(already.voidedAt))} 作废`, `Receipt ${payment.receiptNo} is already void.`);
      const voidedAt = ctx.now().toISOString();
      bookPaymentVoid(ctx.db, { payment, reason: input.reason, voidedBy: staffId, voidedAt, entryDate: ctx.today() });
      // Credit this payment left over that a later bill already took off is gone: that bill is owed again.
      const creditWithdrawn = loadBills(ctx.db, ctx.today(), [payment.householdId])
        .filter((b) => b.creditWithdrawnFen > 0)
        .map((b) => ({ billId: b.id, number: b.number, childName: b.childName, amount: formatFen(b.creditWithdrawnFen) }));
      const result = {
        paymentId: payment.id,
        receiptNo: payment.receiptNo,
        voidedAt,
        balance: formatFen(householdBalanceFen(ctx.db, payment.householdId)),
        creditWithdrawn,
        /** One sentence for the desk: what the family owes again and why. */
        explanation: creditWithdrawn.length
          ? `该笔缴费的预收款已在 ${creditWithdrawn.map((c) => `${c.number}（${c.childName}）抵扣 ${c.amount} 元`).join('、')}；收据作废后预收款不复存在，这些金额重新计为该通知单的欠费。`
          : '',
      };
      ctx.audit({
        action: 'payment.void',
        kind: 'money',
        entity: 'payment',
        entityId: payment.id,
        summary: `作废收据 ${payment.receiptNo}（${formatFen(payment.amountFen)} 元）：${input.reason}${result.explanation ? `。${result.explanation}` : ''}`,
        before: payment,
        after: { reason: input.reason, voidedAt },
      });
      return result;
    });
  },
});
