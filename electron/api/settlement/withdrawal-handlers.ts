import { z } from 'zod';
import { handler } from '../define';
import { idempotencyKey, once } from '../idempotency';
import { id, isoDate, optionalText, shortText } from '../schemas';
import { MONEY_READERS, SETTLERS } from './context';
import { PAYOUT_METHODS, payoutReceipt, payoutsDue, recordPayout, refundDestination, setRefundDestination } from './payouts';
import { payoutsMade, voidPayout } from './payout-void';
import { withdrawalStatement } from './statement';
import { bookWithdrawal, previewInTransaction } from './withdrawal';

const withdrawInput = z.object({ childId: id, leftOn: isoDate, reason: shortText('退园原因', 200) });
const amount = z.string().trim().regex(/^\d{1,9}(\.\d{1,2})?$/, '金额应为数字，最多两位小数，例如 520.00');

export const withdrawalHandlers = {
  /**
   * What the withdrawal would book, exactly: the booking itself, rolled back
   * (so it needs the writer connection; nothing is left written).
   */
  'settlement.withdrawPreview': handler({
    access: MONEY_READERS,
    write: true,
    input: withdrawInput,
    run: (ctx, input) => previewInTransaction(ctx, () => withdrawalStatement(ctx, bookWithdrawal(ctx, input, 'app').settlementId)),
  }),

  /** 退园: the status change and the final settlement, one transaction, once. */
  'settlement.withdraw': handler({
    access: SETTLERS,
    write: true,
    input: withdrawInput.extend({ idempotencyKey }),
    run: (ctx, { idempotencyKey: key, ...input }) => once(ctx, key, 'settlement.withdraw', () => bookWithdrawal(ctx, input, 'app')),
  }),

  /** The 退费结算单 of a withdrawal. */
  'settlement.statement': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({ settlementId: id }),
    run: (ctx, input) => withdrawalStatement(ctx, input.settlementId),
  }),

  /** Withdrawals booked, newest first. */
  'settlement.withdrawals': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      return ctx.sqlite
        .prepare(
          `SELECT s.id, s.month, s.child_id AS childId, c.name, k.name AS className, s.total_fen AS totalFen, s.booked_at AS bookedAt, s.note
           FROM settlements s JOIN children c ON c.id = s.child_id JOIN classes k ON k.id = c.class_id
           WHERE s.kind = 'withdrawal' ORDER BY s.id DESC LIMIT 200`,
        )
        .all() as { id: number; month: string; childId: number; name: string; className: string; totalFen: number; bookedAt: string; note: string }[];
    },
  }),

  'settlement.refundDestination': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({ householdId: id }),
    run: (ctx, input) => ({ householdId: input.householdId, mode: refundDestination(ctx, input.householdId) }),
  }),

  /** How the household wants refunds back: credited to the next bill, or paid out. */
  'settlement.setRefundDestination': handler({
    access: MONEY_READERS,
    write: true,
    input: z.object({ householdId: id, mode: z.enum(['credit', 'payout'], '请选择退费去向'), idempotencyKey }),
    run: (ctx, input) => once(ctx, input.idempotencyKey, 'settlement.setRefundDestination', () => setRefundDestination(ctx, input.householdId, input.mode)),
  }),

  /** Refunds to pay out: credit of households that asked for payouts or have no child enrolled any more. */
  'settlement.payoutsDue': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({}).strict().default({}),
    run: (ctx) => payoutsDue(ctx),
  }),

  /** Money paid back to a family: a payment out with its TK receipt. */
  'settlement.recordPayout': handler({
    access: SETTLERS,
    write: true,
    input: z.object({
      householdId: id,
      amount,
      method: z.enum(PAYOUT_METHODS, '请选择付款方式'),
      reference: optionalText(60),
      paidOn: isoDate,
      payee: optionalText(30),
      note: optionalText(200),
      idempotencyKey,
    }),
    run: (ctx, { idempotencyKey: key, ...input }) => once(ctx, key, 'settlement.recordPayout', () => recordPayout(ctx, input)),
  }),

  /** Refunds paid out, newest first, voided ones marked. */
  'settlement.payouts': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({}).strict().default({}),
    run: (ctx) => payoutsMade(ctx),
  }),

  /** A payout recorded by mistake: reversed with a reason; the TK receipt keeps its number and prints 作废; the refund is owed again. */
  'settlement.voidPayout': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ paymentId: id, reason: shortText('作废原因', 200), idempotencyKey }),
    run: (ctx, { idempotencyKey: key, ...input }) => once(ctx, key, 'settlement.voidPayout', () => voidPayout(ctx, input)),
  }),

  'settlement.payoutReceipt': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({ paymentId: id }),
    run: (ctx, input) => payoutReceipt(ctx, input.paymentId),
  }),
};
