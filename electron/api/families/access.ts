import { and, eq } from 'drizzle-orm';
import { children, households } from '../../../db/schema';
import type { Actor, HandlerContext } from '../define';
import { ApiError, notFound } from '../errors';

/**
 * Who does what with families: front desk and principal edit; teachers see
 * their own class and log conversations with its families; finance reads.
 */
export const EDITORS = ['principal', 'front_desk'] as const;
export const CONTACT_WRITERS = ['principal', 'front_desk', 'teacher'] as const;
export const READERS = ['principal', 'front_desk', 'finance'] as const;

export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new ApiError('unauthenticated', '请先登录。', 'Please sign in.');
  return ctx.actor;
}

/** A teacher's class (they see only it), or null for roles that see every family. */
export function ownClass(ctx: HandlerContext): number | null {
  actorOf(ctx);
  return ctx.classScope.classId;
}

export function householdVisible(ctx: HandlerContext, householdId: number): void {
  const household = ctx.db.select({ id: households.id }).from(households).where(eq(households.id, householdId)).get();
  if (!household) throw notFound('该家庭', 'family');
  const classId = ownClass(ctx);
  if (classId === null) return;
  const inClass = ctx.db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.householdId, householdId), eq(children.classId, classId)))
    .get();
  if (!inClass) throw new ApiError('forbidden', '只能查看本班幼儿的家庭。', 'Teachers see only their own class.');
}
