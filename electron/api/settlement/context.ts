// What every settlement operation needs from its caller, the window's handler
// or the command line: the database, who acts, the clock and the audit trail —
// and the kindergarten's fee notice and legal calendar for the month.
import { CalendarMissingError, type LegalCalendar } from '../../../core/calendar';
import { lastDayOf } from '../../../core/calendar/dates';
import type { Policy } from '../../../core/policies';
import type { RefundOptions } from '../../../core/refund';
import { loadLegalCalendar } from '../../services/legal-calendar';
import type { Actor, HandlerContext } from '../define';
import { ApiError } from '../errors';
import { policyLookup, resolvePolicy } from '../policies';

export type SettlementContext = Pick<HandlerContext, 'db' | 'sqlite' | 'actor' | 'now' | 'today' | 'audit'>;

/** Where a booking came from (settlements.source, and the audit trail). */
export type Source = 'app' | 'cli';

/** 园长 and 财务 settle; the same rule for the window and the command line. */
export const SETTLERS = ['principal', 'finance'] as const;
/** Who sees settlements and refunds (teachers see no money). */
export const MONEY_READERS = ['principal', 'finance', 'front_desk'] as const;

export function maySettle(actor: Pick<Actor, 'role'> | null): boolean {
  return actor !== null && (SETTLERS as readonly string[]).includes(actor.role);
}

export interface Setup {
  policy: Policy;
  options: RefundOptions;
  calendar: LegalCalendar;
  kindergartenName: string;
}

export class NotSetUpError extends ApiError {
  constructor() {
    super('conflict', '幼儿园尚未完成初始设置，无法结算。请先在园务通中完成设置。', 'The kindergarten has not been set up yet.');
  }
}

/** The fee notice in force and the legal calendar; refuses before the kindergarten is set up. */
export function settlementSetup(ctx: Pick<SettlementContext, 'db' | 'sqlite'>): Setup {
  const row = ctx.sqlite.prepare('SELECT name, policy_id AS policyId FROM kindergarten WHERE id = 1').get() as { name: string; policyId: string } | undefined;
  if (!row) throw new NotSetUpError();
  return { policy: resolvePolicy(ctx, row.policyId), options: { policies: policyLookup(ctx) }, calendar: loadLegalCalendar(ctx.db), kindergartenName: row.name };
}

/** A calendar query whose missing year becomes the sentence the desk can act on. */
export function withCalendar<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof CalendarMissingError) {
      throw new ApiError('invalid_input', error.messageZh, `No legal calendar for ${error.year}: enter or import it (Attendance → Legal calendar) before settling.`);
    }
    throw error;
  }
}

/** A month has ended when today (Beijing) is after its last day. */
export function monthEnded(month: string, today: string): boolean {
  return today > lastDayOf(month);
}
