import type { HandlerContext } from '../define';
import { ApiError } from '../errors';

/** Front desk records payments and prints; finance and the principal also void. Teachers see none of it. */
export const DESK = ['principal', 'finance', 'front_desk'] as const;
export const VOIDERS = ['principal', 'finance'] as const;

export function staffIdOf(ctx: HandlerContext): number {
  if (!ctx.actor) throw new ApiError('unauthenticated', '请先登录。', 'Please sign in.');
  return ctx.actor.staffId;
}
