import { z } from 'zod';
import { needsReference, PAYMENT_METHODS, paymentAmountProblem } from '../../../core/billing/payments';
import { idempotencyKey } from '../idempotency';
import { id, isoDate, optionalText, shortText, text, whenFieldsValid } from '../schemas';

/** An amount of yuan as typed ("520", "520.00"), above zero; the message goes under the field. */
export const amountText = z
  .string('请填写金额')
  .trim()
  .superRefine((value, ctx) => {
    const problem = paymentAmountProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem[0] });
    // A slip of the finger (an extra zero) should not become a receipt.
    else if (value.split('.')[0]!.length > 7) ctx.addIssue({ code: 'custom', message: '单笔金额不能超过 1000 万元，请核对' });
  });

export const recordInput = z
  .object({
    idempotencyKey,
    householdId: id,
    amount: amountText,
    method: z.enum(PAYMENT_METHODS, '请选择缴费方式'),
    reference: text(60, { tooLong: '交易单号最多 60 个字' }).default(''),
    paidOn: isoDate,
    payerName: optionalText(30),
    note: optionalText(200),
    /** How the amount is spread over the household's open bills; what is left stays as credit. */
    allocations: z
      .array(z.object({ billId: id, amount: amountText }))
      .max(60, '一次最多分配到 60 张账单')
      .default([]),
  })
  .superRefine((value, ctx) => {
    if (needsReference(value.method) && value.reference === '') {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: '请填写交易单号（微信、支付宝、银行或 POS 凭证上的号码）' });
    }
  }, whenFieldsValid);

export const voidInput = z.object({
  idempotencyKey,
  paymentId: id,
  reason: shortText('作废原因', 200),
});

export const invoiceInput = z.object({
  idempotencyKey,
  paymentId: id,
  invoiceNo: shortText('票据号码', 40),
});
