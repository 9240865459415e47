// 缴费通知单 for a month: preview the run (nothing written), then issue it in
// one transaction, numbered and booked on the ledger.
import { z } from 'zod';
import { monthOf, nextMonth } from '../../../core/calendar/dates';
import { defaultDueDate, planDigest } from '../../../core/billing/run';
import { issueBills } from '../../../db/billing/bills';
import { planBillRun } from '../../../db/billing/run';
import { handler, type HandlerContext } from '../define';
import { ApiError, conflict, invalid } from '../errors';
import { idempotencyKey, once } from '../idempotency';
import { isoDate, month } from '../schemas';
import { actorId, billingContext, yuan } from './context';
import { planView } from './views';

const MANAGE = ['principal', 'finance'] as const;

function refuseFarMonth(ctx: HandlerContext, m: string): void {
  const limit = nextMonth(monthOf(ctx.today()));
  if (m > limit) {
    throw invalid(`只能开具本月或下月的缴费通知单（不晚于 ${limit}），不得提前预收。`, `Bills can be issued at most one month ahead (${limit}).`, { month: '月份太晚' });
  }
}

function plan(ctx: HandlerContext, m: string) {
  const { billing } = billingContext(ctx);
  return planBillRun(ctx.db, m, billing);
}

export const billRunHandlers = {
  /** What issuing the month would write: each child's bill, who is already billed, who cannot be and why. */
  'bills.preview': handler({
    access: MANAGE,
    write: false,
    input: z.object({ month }),
    run(ctx, input) {
      refuseFarMonth(ctx, input.month);
      const loaded = plan(ctx, input.month);
      return {
        ...planView(loaded.plan, loaded.children),
        issueDate: ctx.today(),
        defaultDueOn: defaultDueDate(input.month, ctx.today()),
        digest: planDigest(loaded.plan),
      };
    },
  }),

  /**
   * Issues the month's bills: plans again inside the transaction, refuses if
   * that differs from the preview the person saw (`digest`), numbers the
   * bills and books one ledger entry per line. Children already billed for
   * the period get nothing, so running it twice issues nothing twice.
   */
  'bills.issue': handler({
    access: MANAGE,
    write: true,
    input: z.object({ month, dueOn: isoDate, digest: z.string().max(64).optional(), idempotencyKey }),
    run(ctx, input) {
      return once(ctx, input.idempotencyKey, 'bills.issue', () => {
        refuseFarMonth(ctx, input.month);
        const issueDate = ctx.today();
        if (input.dueOn < issueDate) throw invalid(`缴费截止日不能早于开具日 ${issueDate}`, 'The due date is before the issue date.', { dueOn: `不能早于 ${issueDate}` });
        const loaded = plan(ctx, input.month);
        if (input.digest !== undefined && input.digest !== planDigest(loaded.plan)) {
          throw conflict('预览之后数据有变化（收费标准、幼儿信息或已开具的通知单），请重新预览后再开具。', 'The data changed since the preview; preview again.');
        }
        if (loaded.plan.bills.length === 0) {
          throw new ApiError('conflict', `${input.month} 没有需要开具的缴费通知单（已开具 ${loaded.plan.alreadyBilled.length} 份，无法开具 ${loaded.plan.cannotBill.length} 名）。`, 'Nothing to issue for this month.');
        }
        const issued = issueBills(ctx.db, loaded.plan.bills, {
          issueDate,
          dueOn: input.dueOn,
          at: ctx.now().toISOString(),
          staffId: actorId(ctx),
          runId: `${input.month}:${input.idempotencyKey}`,
        });
        const totalFen = issued.reduce((s, b) => s + b.totalDueFen, 0);
        const first = issued[0]!.number;
        const last = issued[issued.length - 1]!.number;
        ctx.audit({
          action: 'bills.issue',
          kind: 'money',
          entity: 'bill_run',
          entityId: input.month,
          summary: `开具 ${input.month} 缴费通知单 ${issued.length} 份（${first}～${last}），应缴合计 ${yuan(totalFen)} 元，截止 ${input.dueOn}`,
        });
        return { count: issued.length, first, last, totalDue: yuan(totalFen), alreadyBilled: loaded.plan.alreadyBilled.length, cannotBill: loaded.plan.cannotBill.length };
      });
    },
  }),
};
