import { z } from 'zod';
import { id, isoDate, whenFieldsValid } from '../schemas';

/** A household's account, optionally one child's entries and a period of business dates (inclusive). */
export const accountInput = z
  .object({
    householdId: id,
    childId: id.nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
  })
  .refine((v) => v.from === null || v.to === null || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期', ...whenFieldsValid });
