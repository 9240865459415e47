import { z } from 'zod';
import { daySpan, FIRST_DATE, inDateWindow, inMonthWindow, isDate, LAST_DATE } from '../../core/calendar';
import { amountProblem } from '../../core/money';
import { cleanText, textProblem } from '../../core/text';
import { msg } from './messages';

/**
 * Shared field rules, with messages in both languages for the person filling
 * the form (msg: the dispatcher gives the form each field's message). Every
 * date, month and piece of text the API accepts goes through these, so a
 * rule (the date window, the characters a name may hold) is written once.
 */

/**
 * Object-level rules (one field against another) run only when every field
 * passed: zod 4 would otherwise run them on the raw input ("x", "NaN").
 */
export const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const WINDOW_MESSAGE = msg(
  `日期应在 ${FIRST_DATE.slice(0, 4)} 年至 ${LAST_DATE.slice(0, 4)} 年之间`,
  `Dates must be between ${FIRST_DATE.slice(0, 4)} and ${LAST_DATE.slice(0, 4)}`,
);

export const month = z.string(msg('请填写月份', 'Choose a month')).superRefine((s, ctx) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) ctx.addIssue({ code: 'custom', message: msg('月份格式应为 YYYY-MM，例如 2026-09', 'Write the month as YYYY-MM, e.g. 2026-09') });
  else if (!inMonthWindow(s)) ctx.addIssue({ code: 'custom', message: WINDOW_MESSAGE });
});

/** A real calendar day (no 2026-02-30) within the app's window (2000–2100), as YYYY-MM-DD. */
export const isoDate = z.string(msg('请填写日期', 'Enter a date')).superRefine((s, ctx) => {
  if (s === '') ctx.addIssue({ code: 'custom', message: msg('请填写日期', 'Enter a date') });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: msg('日期格式应为 YYYY-MM-DD', 'Write the date as YYYY-MM-DD') });
  else if (!isDate(s)) ctx.addIssue({ code: 'custom', message: msg('不是有效的日期', 'Not a real date') });
  else if (!inDateWindow(s)) ctx.addIssue({ code: 'custom', message: WINDOW_MESSAGE });
});

/**
 * A range of whole days, `firstDate`..`lastDate`, added to the other fields
 * of an input: both real dates in the window, in order, at most `maxDays`
 * long, the length worked out by arithmetic (never by walking the days).
 */
export function dateRange<S extends z.ZodRawShape>(shape: S, maxDays: number, tooLong = msg(`一次最多登记 ${maxDays} 天`, `At most ${maxDays} days at once`)) {
  return z.object({ ...shape, firstDate: isoDate, lastDate: isoDate }).superRefine((value, ctx) => {
    const v = value as unknown as { firstDate: string; lastDate: string };
    const days = daySpan(v.firstDate, v.lastDate);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: msg('结束日期不能早于开始日期', 'The last day is before the first day') });
    else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: tooLong });
  }, whenFieldsValid);
}

export const id = z.number(msg('请选择', 'Choose one')).int().positive();

/**
 * Trimmed text of at most `max` characters, without the characters
 * core/text.ts refuses (control characters, direction overrides, broken characters);
 * with `label`, it must not be empty and messages name the field.
 */
export function text(max: number, options: { label?: string; multiline?: boolean; tooLong?: string; min?: number; tooShort?: string } = {}) {
  const { label, multiline = false } = options;
  const min = options.min ?? (label === undefined ? 0 : 1);
  const required = msg(label === undefined ? '请填写文字' : `请填写${label}`, 'Required');
  const rule = min === 0 ? z.string() : z.string().min(min, options.tooShort ?? required);
  return z
    .string(required)
    .transform(cleanText)
    .pipe(
      rule.max(max, options.tooLong ?? msg(`${label ?? ''}最多 ${max} 个字`, `At most ${max} characters`)).superRefine((s, ctx) => {
        const problem = textProblem(s, multiline);
        if (problem) ctx.addIssue({ code: 'custom', message: msg(`${label ?? ''}${problem}`, 'Contains characters that cannot be kept (control or direction marks)') });
      }),
    );
}

/** A required one-line field (a name, a title); `multiline` for a required paragraph. */
export const shortText = (label: string, max = 50, options: { multiline?: boolean } = {}) => text(max, { label, ...options });
export const optionalText = (max = 200) => text(max, { multiline: true }).default('');

/**
 * An amount of yuan as typed ("420", "420.5", "420.00"); a minus sign is
 * called a negative amount, not a format error.
 */
export const amountInput = (label = '金额') =>
  z
    .string(msg(`请填写${label}`, 'Enter an amount'))
    .trim()
    .superRefine((typed, ctx) => {
      const problem = amountProblem(typed);
      if (problem === 'negative') ctx.addIssue({ code: 'custom', message: msg(`${label}不能为负数`, 'The amount cannot be negative') });
      else if (problem === 'too_many_decimals') ctx.addIssue({ code: 'custom', message: msg(`${label}最多两位小数（到分）`, 'At most two decimals (fen)') });
      else if (problem) ctx.addIssue({ code: 'custom', message: msg(`${label}应为数字（元），例如 420.00`, 'Enter the amount in yuan, e.g. 420.00') });
    });

export const KINDERGARTEN_TYPES = ['public', 'inclusive_private', 'nonprofit_private', 'forprofit_private'] as const;
export const FUNDING_TYPES = ['full', 'balance', 'self'] as const;
export const GRADES = ['provincial', 'municipal', 'qualified'] as const;
export const CLASS_LEVELS = ['toddler', 'small', 'middle', 'large'] as const;

export { BUILTIN_POLICY_IDS } from '../../core/policies';
