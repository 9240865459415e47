// The refund calculator's guardrails on the database side: today, the chosen
// child's roll calls for the period counted, and the kindergarten's fee
// standards (core/settlement/guardrails.ts decides).
import { CalendarMissingError, monthsBetween } from '../../../core/calendar';
import { paidAboveStandard, type PaidFee, provisionalReasons } from '../../../core/settlement';
import { loadStandards } from '../../../db/billing/inputs';
import type { SettlementContext } from './context';
import { settlementSetup } from './context';
import { loadChildren, loadMonthAttendance } from './load';

export interface GuardrailCase {
  childId?: number;
  month: string;
  billing: 'monthly' | 'semester';
  semester?: { first: string; last: string } | null;
  fees: readonly PaidFee[];
  /** Days counted over the semester so far (GS-1), not the month alone. */
  wholeSemester: boolean;
}

export interface Guardrails {
  /** Non-empty: the figures are provisional, never to be presented as final. */
  provisional: string[];
  /** Amounts paid above the kindergarten's own standard. */
  questions: string[];
}

export function refundGuardrails(ctx: SettlementContext, input: GuardrailCase): Guardrails {
  const { calendar } = settlementSetup(ctx);
  const child = input.childId ? loadChildren(ctx.sqlite, [input.childId]).get(input.childId) : undefined;
  let unrecorded: { days: number; first: string | null } | null = null;
  if (child) {
    const months = input.wholeSemester && input.semester ? monthsBetween(input.semester.first, input.month) : [input.month];
    unrecorded = { days: 0, first: null };
    for (const m of months) {
      try {
        const row = loadMonthAttendance(ctx.db, ctx.sqlite, calendar, m, [child]).get(child.id);
        if (!row) continue;
        unrecorded.days += row.unrecorded;
        unrecorded.first ??= row.missingDates[0] ?? null;
      } catch (error) {
        if (!(error instanceof CalendarMissingError)) throw error;
      }
    }
  }
  const level = child ? (ctx.sqlite.prepare('SELECT level FROM classes WHERE id = ?').pluck().get(child.classId) as string) : null;
  const workingDays = (m: string) => {
    try {
      return calendar.legalWorkingDays(m);
    } catch (error) {
      if (error instanceof CalendarMissingError) return null;
      throw error;
    }
  };
  return {
    provisional: provisionalReasons({ month: input.month, today: ctx.today(), unrecorded }),
    questions: paidAboveStandard({
      month: input.month,
      billing: input.billing,
      semester: input.semester ?? null,
      fees: input.fees,
      standards: loadStandards(ctx.db),
      child: child && level ? { level, enrolledOn: child.enrolledOn } : null,
      workingDays,
    }),
  };
}
