import { z } from 'zod';

/** Shared field rules, with messages for the person filling the form. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，例如 2026-09');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效的日期');
export const id = z.number().int().positive();
export const shortText = (label: string, max = 50) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
export const optionalText = (max = 200) => z.string().trim().max(max, `最多 ${max} 个字`).default('');

export const KINDERGARTEN_TYPES = ['public', 'inclusive_private', 'nonprofit_private', 'forprofit_private'] as const;
export const FUNDING_TYPES = ['full', 'balance', 'self'] as const;
export const GRADES = ['provincial', 'municipal', 'qualified'] as const;
export const CLASS_LEVELS = ['toddler', 'small', 'middle', 'large'] as const;

export const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
export { BUILTIN_POLICY_IDS } from '../../core/policies';
