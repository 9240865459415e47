import { eq } from 'drizzle-orm';
import { formatFen } from '../../../core/money';
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
      const result = {
        paymentId: payment.id,
        receiptNo: payment.receiptNo,
        voidedAt,
        balance: formatFen(householdBalanceFen(ctx.db, payment.householdId)),
      };
      ctx.audit({
        action: 'payment.void',
        kind: 'money',
        entity: 'payment',
        entityId: payment.id,
        summary: `作废收据 ${payment.receiptNo}（${formatFen(payment.amountFen)} 元）：${input.reason}`,
        before: payment,
        after: { reason: input.reason, voidedAt },
      });
      return result;
    });
  },
});
