// What a payment is made of at the desk: the method, the reference on the
// slip, the amount typed, and the receipt number it gets.
import { amountProblem } from '../money';

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'bank', 'pos'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, [zh: string, en: string]> = {
  cash: ['现金', 'Cash'],
  wechat: ['微信', 'WeChat'],
  alipay: ['支付宝', 'Alipay'],
  bank: ['银行转账', 'Bank transfer'],
  pos: ['POS 刷卡', 'POS card'],
};

/** Every method but cash leaves a slip with a transaction number; it is what finds the money again in a dispute. */
export function needsReference(method: PaymentMethod): boolean {
  return method !== 'cash';
}

/** The message under the amount field, or null when the text is an amount above zero. */
export function paymentAmountProblem(text: string): [zh: string, en: string] | null {
  const trimmed = text.trim();
  if (trimmed === '') return ['请填写金额', 'Enter the amount'];
  switch (amountProblem(trimmed)) {
    case 'negative':
      return ['金额不能为负数', 'The amount cannot be negative'];
    case 'too_many_decimals':
      return ['金额最多两位小数（到分）', 'At most two decimals'];
    case 'not_a_number':
      return ['金额应为数字，例如 520.00', 'Enter a number such as 520.00'];
    default:
      return /^0+(\.0+)?$/.test(trimmed) ? ['金额必须大于 0', 'The amount must be more than 0'] : null;
  }
}

/** Document numbers: SK2026-00001 (receipts), JF2026-00001 (bills), TK2026-00001 (payouts). */
export function documentNumber(prefix: string, year: string, sequence: number): string {
  return `${prefix}${year}-${String(sequence).padStart(5, '0')}`;
}

/** The sequence number inside a document number (SK2026-00012 -> 12), or null. */
export function sequenceOf(number: string): number | null {
  const match = /^[A-Z]{2}\d{4}-(\d{5,})$/.exec(number);
  return match ? Number(match[1]) : null;
}

export const RECEIPT_PREFIX = 'SK';
export const receiptSequence = (paidOn: string) => `receipt:${paidOn.slice(0, 4)}`;

/** One way a period is written, on notices and receipts alike. */
export { periodLabel } from './items';
