import { z } from 'zod';
import { daySpan, FIRST_DATE, inDateWindow, inMonthWindow, isDate, LAST_DATE } from '../../core/calendar';
import { cleanText, textProblem } from '../../core/text';

/**
 * Shared field rules, with messages for the person filling the form. Every
 * date, month and piece of text the API accepts goes through these, so a
 * rule (the date window, the characters a name may hold) is written once.
 */

/**
 * Object-level rules (one field against another) run only when every field
 * passed: zod 4 would otherwise run them on the raw input ("x", "NaN").
 */
export const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const WINDOW_MESSAGE = `日期应在 ${FIRST_DATE.slice(0, 4)} 年至 ${LAST_DATE.slice(0, 4)} 年之间`;

export const month = z.string('请填写月份').superRefine((s, ctx) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) ctx.addIssue({ code: 'custom', message: '月份格式应为 YYYY-MM，例如 2026-09' });
  else if (!inMonthWindow(s)) ctx.addIssue({ code: 'custom', message: WINDOW_MESSAGE });
});

/** A real calendar day (no 2026-02-30) within the app's window (2000–2100), as YYYY-MM-DD. */
export const isoDate = z.string('请填写日期').superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: '日期格式应为 YYYY-MM-DD' });
  else if (!isDate(s)) ctx.addIssue({ code: 'custom', message: '不是有效的日期' });
  else if (!inDateWindow(s)) ctx.addIssue({ code: 'custom', message: WINDOW_MESSAGE });
});

/**
 * A range of whole days, `firstDate`..`lastDate`, added to the other fields
 * of an input: both real dates in the window, in order, at most `maxDays`
 * long, the length worked out by arithmetic (never by walking the days).
 */
export function dateRange<S extends z.ZodRawShape>(shape: S, maxDays: number, tooLong = `一次最多登记 ${maxDays} 天`) {
  return z.object({ ...shape, firstDate: isoDate, lastDate: isoDate }).superRefine((value, ctx) => {
    const v = value as unknown as { firstDate: string; lastDate: string };
    const days = daySpan(v.firstDate, v.lastDate);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: '结束日期不能早于开始日期' });
    else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: tooLong });
  }, whenFieldsValid);
}

export const id = z.number().int().positive();

/**
 * Trimmed text of at most `max` characters, without the characters
 * core/text.ts refuses (control characters, direction overrides, broken characters);
 * with `label`, it must not be empty and messages name the field.
 */
export function text(max: number, options: { label?: string; multiline?: boolean; tooLong?: string; min?: number; tooShort?: string } = {}) {
  const { label, multiline = false } = options;
  const min = options.min ?? (label === undefined ? 0 : 1);
  const rule = min === 0 ? z.string() : z.string().min(min, options.tooShort ?? `请填写${label ?? ''}`);
  return z
    .string(label === undefined ? '请填写文字' : `请填写${label}`)
    .transform(cleanText)
    .pipe(
      rule.max(max, options.tooLong ?? `${label ?? ''}最多 ${max} 个字`).superRefine((s, ctx) => {
        const problem = textProblem(s, multiline);
        if (problem) ctx.addIssue({ code: 'custom', message: `${label ?? ''}${problem}` });
      }),
    );
}

/** A required one-line field (a name, a title); `multiline` for a required paragraph. */
export const shortText = (label: string, max = 50, options: { multiline?: boolean } = {}) => text(max, { label, ...options });
export const optionalText = (max = 200) => text(max, { multiline: true }).default('');

export const KINDERGARTEN_TYPES = ['public', 'inclusive_private', 'nonprofit_private', 'forprofit_private'] as const;
export const FUNDING_TYPES = ['full', 'balance', 'self'] as const;
export const GRADES = ['provincial', 'municipal', 'qualified'] as const;
export const CLASS_LEVELS = ['toddler', 'small', 'middle', 'large'] as const;

export { BUILTIN_POLICY_IDS } from '../../core/policies';
