import { z } from 'zod';
import { amountProblem, parseAmount, toFen } from '../../../core/money';

const MONEY_MESSAGES = {
  negative: '金额不能为负数',
  too_many_decimals: '金额最多两位小数（到分）',
  not_a_number: '请填写金额（元），例如 420.00',
} as const;

/** An amount typed as text ("420", "420.5", "420.00"); becomes integer fen. */
export const moneyText = z
  .string()
  .trim()
  .superRefine((text, issue) => {
    const problem = amountProblem(text);
    if (problem) issue.addIssue({ code: 'custom', message: MONEY_MESSAGES[problem] });
    else if (parseAmount(text).greaterThan(1_000_000)) issue.addIssue({ code: 'custom', message: '金额过大，请核对' });
  });

export const toFenText = (text: string) => toFen(parseAmount(text));
