import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { CalendarMissingError } from '../../core/calendar';
import { RefundInputError, refundCaseSchema, computeRefund, whatIfDays } from '../../core/refund';
import { children, classes, kindergarten } from '../../db/schema';
import { loadLegalCalendar } from '../services/legal-calendar';
import { handler } from './define';
import { invalid, notFound } from './errors';
import { msg } from './messages';
import { policyLookup, resolvePolicy } from './policies';
import { refundGuardrails } from './settlement/guardrails';
import { id } from './schemas';

/** Engine errors carry their own Chinese sentence; they become ordinary input errors here. */
function asApiError(error: unknown): unknown {
  if (error instanceof RefundInputError && error.field) {
    // "fees[0].paid" is the form's "fees.0.paid": the message goes under that field.
    const path = error.field.replace(/\[(\d+)\]/g, '.$1');
    return invalid(error.messageZh, error.message, { [path]: msg(error.messageZh, error.message.replace(/^[^:]*: /, '')) });
  }
  if (error instanceof RefundInputError || error instanceof CalendarMissingError) return invalid(error.messageZh, error.message);
  return error;
}

export const refundHandlers = {
  /**
   * Computes a refund for one child-month with the kindergarten's fee notice,
   * without recording anything: the desk's "what would we refund" check, and
   * the printed statement a parent can verify clause by clause.
   */
  'refund.preview': handler({
    access: ['principal', 'finance', 'front_desk'],
    write: false,
    input: refundCaseSchema.omit({ policy: true }).extend({
      policyId: z.string().min(1).max(80).optional(),
      childId: id.optional(),
    }),
    run(ctx, { policyId, childId, ...refundCase }) {
      const profile = ctx.db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get();
      const policy = resolvePolicy(ctx, policyId ?? profile?.policyId ?? 'nantong-2018');
      let child: { id: number; name: string; className: string } | null = null;
      if (childId) {
        const row = ctx.db
          .select({ id: children.id, name: children.name, className: classes.name })
          .from(children)
          .innerJoin(classes, eq(classes.id, children.classId))
          .where(eq(children.id, childId))
          .get();
        if (!row) throw notFound('该幼儿', 'child');
        child = row;
      }
      const calendar = loadLegalCalendar(ctx.db);
      const options = { policies: policyLookup(ctx) };
      const input = { ...refundCase, policy: policy.id };
      try {
        const result = computeRefund(input, calendar, options);
        const whatIf = refundCase.presentDays != null || refundCase.semesterPresentDays != null ? whatIfDays(input, calendar, options) : null;
        // Never presented as final while the month runs or roll calls are missing; amounts above our standard questioned.
        const guardrails = refundGuardrails(ctx, { ...refundCase, childId, wholeSemester: refundCase.semesterPresentDays != null });
        return {
          ...guardrails,
          policy: { id: policy.id, name: policy.name, source: policy.source },
          kindergartenName: profile?.name ?? '',
          /** The statement's date: the backend's today. */
          today: ctx.today(),
          child,
          result,
          whatIf,
        };
      } catch (error) {
        throw asApiError(error);
      }
    },
  }),
};
