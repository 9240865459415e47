import { amountProblem } from '../../core/money';

/**
 * What is wrong with an amount as typed, in the interface language, for the
 * field itself: "-520" is a negative amount, not "please enter an amount".
 * The rule is core/money's, the same the backend applies.
 */
export function amountMessage(text: string, t: (zh: string, en: string) => string, required = true): string | null {
  const typed = text.trim();
  if (typed === '') return required ? t('请填写金额', 'Enter the amount') : null;
  switch (amountProblem(typed)) {
    case null:
      return null;
    case 'negative':
      return t('金额不能为负数', 'The amount cannot be negative');
    case 'too_many_decimals':
      return t('金额最多两位小数（到分）', 'At most two decimals (fen)');
    default:
      return t('金额应为数字（元），例如 420.00', 'Enter the amount in yuan, e.g. 420.00');
  }
}
