// The case as it arrives over a boundary (command line, IPC, HTTP). Only the
// shape is checked here; values (month, amounts, day counts against W) are
// checked by the engine, which typed callers reach without this schema.
//
// Amounts must be JSON strings: a JSON number such as 520.1 has already been
// through a binary float by the time we see it, and the contract says paid is
// a decimal string, so numbers are refused with a message saying so.
import { z } from 'zod';
import { FEE_ITEMS, REASONS } from '../policies/schema';
import { inputError } from './errors';
import type { RefundCase } from './types';

/** Messages name no field: parseRefundCase prefixes the path. */
const required = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : `${expected}, not ${JSON.stringify(issue.input)}`;

const amountText = () => z.string({ error: required('must be a decimal string like "520.00"') });

const wholeDays = () =>
  z
    .number({ error: required('must be a whole number of days') })
    .int({ error: required('must be a whole number of days') })
    .min(0, { error: 'must not be negative' });

const feeSchema = z.object({
  item: z.enum(FEE_ITEMS, {
    error: (issue) =>
      `unknown fee item ${JSON.stringify(issue.input)} (expected one of ${FEE_ITEMS.join(', ')})`,
  }),
  paid: amountText(),
  dailyRate: amountText().nullish(),
});

export const refundCaseSchema = z.object({
  policy: z.string({ error: required('must be a policy id such as "nantong-2018"') }).min(1, { error: 'is required' }),
  month: z.string({ error: required('must be a month "YYYY-MM"') }),
  billing: z.enum(['monthly', 'semester'], { error: required('must be "monthly" or "semester"') }),
  semester: z
    .object(
      {
        first: z.string({ error: required('must be a month "YYYY-MM"') }),
        last: z.string({ error: required('must be a month "YYYY-MM"') }),
      },
      { error: required('must be {"first": "YYYY-MM", "last": "YYYY-MM"}') },
    )
    .nullish(),
  fees: z
    .array(feeSchema, { error: required('must be a list of {"item", "paid"}') })
    .min(1, { error: 'at least one fee item is required' }),
  presentDays: wholeDays().nullish(),
  semesterPresentDays: wholeDays().nullish(),
  closureDays: wholeDays().nullish(),
  reason: z.enum(REASONS, { error: required(`must be one of ${REASONS.join(', ')}`) }),
  agreedRate: z.string({ error: required('must be a decimal string like "0.4"') }).nullish(),
  legalWorkingDays: z
    .number({ error: required('must be a whole number of days') })
    .int({ error: required('must be a whole number of days') })
    .min(1, { error: 'must be at least 1' })
    .nullish(),
});

export type RefundCaseInput = z.input<typeof refundCaseSchema>;

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Checks the shape of an untrusted case; throws RefundInputError naming the field. */
export function parseRefundCase(raw: unknown): RefundCase {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    inputError('invalid_case', 'the case must be a JSON object', '退费数据格式有误：应为一个 JSON 对象。');
  }
  const parsed = refundCaseSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? issuePath(issue.path) : '';
  const message = issue?.message ?? 'invalid case';
  const full = path ? `${path}: ${message}` : message;
  return inputError('invalid_case', full, `退费数据有误：${full}`);
}
