import { householdAccount } from './household';
import { setInvoiceNo } from './invoice';
import { dayPayments } from './list';
import { receiptsToPrint } from './receipts';
import { recordPayment } from './record';
import { voidPayment } from './void';

/** 缴费 / 收据: recording money in, voiding by reversal, the official invoice number, receipts to print. */
export const paymentsHandlers = {
  'payments.household': householdAccount,
  'payments.day': dayPayments,
  'payments.record': recordPayment,
  'payments.void': voidPayment,
  'payments.setInvoiceNo': setInvoiceNo,
  'payments.receipts': receiptsToPrint,
};
