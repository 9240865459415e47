import { amountProblem } from '../../core/money';

/** What is wrong with an amount typed as text, in the interface language; '' when it is a valid amount. */
export function moneyError(text: string, t: (zh: string, en: string) => string): string {
  if (text.trim() === '') return t('请填写金额（元）', 'Enter an amount in yuan');
  const problem = amountProblem(text.trim());
  if (problem === 'negative') return t('金额不能为负数', 'The amount cannot be negative');
  if (problem === 'too_many_decimals') return t('金额最多两位小数（到分）', 'At most two decimals');
  if (problem === 'not_a_number') return t('请填写金额（元），例如 420.00', 'Enter an amount such as 420.00');
  return '';
}

/** A fresh idempotency key, made when a money dialog opens (billing-model invariant 6). */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}
