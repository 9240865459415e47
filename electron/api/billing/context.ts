// What every billing handler needs: the kindergarten's profile and policy,
// and the billing context (standards, semesters, W of a month).
import { eq } from 'drizzle-orm';
import type { BillingContext } from '../../../core/billing/types';
import { formatAmount, fromFen } from '../../../core/money';
import type { Policy } from '../../../core/policies/schema';
import { loadBillingContext } from '../../../db/billing/inputs';
import { kindergarten } from '../../../db/schema';
import { loadLegalCalendar } from '../../services/legal-calendar';
import type { HandlerContext } from '../define';
import { notFound } from '../errors';
import { resolvePolicy } from '../policies';

export type Profile = typeof kindergarten.$inferSelect;

export function loadProfile(ctx: HandlerContext): Profile {
  const profile = ctx.db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get();
  if (!profile) throw notFound('幼儿园资料', 'kindergarten profile');
  return profile;
}

export function billingContext(ctx: HandlerContext): { profile: Profile; policy: Policy; billing: BillingContext } {
  const profile = loadProfile(ctx);
  const policy = resolvePolicy(ctx, profile.policyId);
  const calendar = loadLegalCalendar(ctx.db);
  // A year without calendar data gives null: drafting then says which calendar to import.
  const workingDays = (month: string) => (calendar.hasYear(Number(month.slice(0, 4))) ? calendar.legalWorkingDays(month) : null);
  return { profile, policy, billing: loadBillingContext(ctx.db, policy, workingDays) };
}

/** Integer fen to the API's money string ("520.00"). */
export function yuan(fen: number): string {
  return formatAmount(fromFen(fen));
}

export function actorId(ctx: HandlerContext): number | null {
  return ctx.actor?.staffId ?? null;
}
