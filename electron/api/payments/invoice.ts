import { eq } from 'drizzle-orm';
import { paymentInvoiceNumbers, payments, paymentVoids } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { once } from '../idempotency';
import { DESK, staffIdOf } from './access';
import { invoiceInput } from './inputs';

/** The official invoice / 财政票据 number issued outside the app, entered later. A correction is a newer row; the old one stays. */
export const setInvoiceNo = handler({
  access: DESK,
  write: true,
  input: invoiceInput,
  run(ctx, input) {
    return once(ctx, input.idempotencyKey, 'payments.setInvoiceNo', () => {
      const payment = ctx.db.select().from(payments).where(eq(payments.id, input.paymentId)).get();
      if (!payment) throw notFound('这张收据', 'receipt');
      if (ctx.db.select().from(paymentVoids).where(eq(paymentVoids.paymentId, payment.id)).get()) {
        throw invalid('已作废的收据不能登记票据号码', 'A void receipt takes no invoice number.', { invoiceNo: '收据已作废' });
      }
      const row = ctx.db
        .insert(paymentInvoiceNumbers)
        .values({ paymentId: payment.id, invoiceNo: input.invoiceNo, enteredBy: staffIdOf(ctx), enteredAt: ctx.now().toISOString() })
        .returning()
        .get();
      ctx.audit({
        action: 'payment.invoiceNo',
        kind: 'money',
        entity: 'payment',
        entityId: payment.id,
        summary: `收据 ${payment.receiptNo} 登记票据号码 ${input.invoiceNo}`,
        after: row,
      });
      return { paymentId: payment.id, invoiceNo: row.invoiceNo };
    });
  },
});
