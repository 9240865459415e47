import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { idempotencyKeys } from '../../db/schema';
import type { HandlerContext } from './define';
import { conflict } from './errors';

/**
 * The key a money dialog makes when it opens (crypto.randomUUID()) and sends
 * with every attempt; part of the input schema of every money-writing call.
 */
export const idempotencyKey = z
  .string()
  .trim()
  .min(8, '缺少防重复提交的标识，请关闭对话框后重新打开')
  .max(100, '防重复提交的标识过长');

/**
 * Runs a money-writing operation once per key (billing-model invariant 6).
 * Call it inside a write handler (so the operation and the stored result are
 * one transaction): a retry or a double click with the same key returns the
 * first result and books nothing. The result must be JSON.
 */
export function once<T>(ctx: HandlerContext, key: string, operation: string, run: () => T): T {
  const seen = ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).get();
  if (seen) {
    if (seen.operation !== operation) {
      throw conflict('这个提交标识已用于另一项操作，请关闭对话框后重新打开。', 'This submission key was used for another operation.');
    }
    return JSON.parse(seen.resultJson) as T;
  }
  const result = run();
  ctx.db
    .insert(idempotencyKeys)
    .values({ key, operation, staffId: ctx.actor?.staffId ?? null, resultJson: JSON.stringify(result ?? null) })
    .run();
  return result;
}
