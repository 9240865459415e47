// A wrong issued bill is never edited: it is replaced by a new revision
// (ledger: only the difference) or voided with a reason (ledger: reversals).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { draftBill } from '../../../core/billing/draft';
import { REPLACE_REASONS } from '../../../core/billing/items';
import { replacementDifference } from '../../../core/billing/lifecycle';
import type { BillDraft, Period } from '../../../core/billing/types';
import { type BillRow, liveBill, replaceBill, voidBill } from '../../../db/billing/bills';
import { loadChild, loadDiscounts } from '../../../db/billing/inputs';
import { voluntaryOf } from '../../../db/billing/voluntary';
import { billLines } from '../../../db/schema';
import { handler, type HandlerContext } from '../define';
import { conflict, invalid, notFound } from '../errors';
import { idempotencyKey, once } from '../idempotency';
import { id, isoDate, text, whenFieldsValid } from '../schemas';
import { actorId, billingContext, yuan } from './context';
import { draftView, lineView } from './views';

const MANAGE = ['principal', 'finance'] as const;

function requireLive(ctx: HandlerContext, billId: number): BillRow {
  const found = liveBill(ctx.db, billId);
  if (!found) throw notFound('这份缴费通知单', 'bill');
  if (found.state === 'voided') throw conflict(`缴费通知单 ${found.bill.number} 已作废，不能再更改。`, 'The bill is voided.');
  if (found.state === 'replaced') throw conflict(`缴费通知单 ${found.bill.number} 已被替换，请在最新的一份上操作。`, 'The bill was replaced; use the newest revision.');
  return found.bill;
}

/** The bill as it would be drafted today for the same period, or why it cannot be. */
function redraft(ctx: HandlerContext, old: BillRow): BillDraft {
  const child = loadChild(ctx.db, old.childId);
  if (!child) throw notFound('幼儿', 'child');
  const { billing } = billingContext(ctx);
  const period: Period = { billing: old.billing as Period['billing'], first: old.periodFirst, last: old.periodLast, semesterId: old.semesterId };
  const result = draftBill(child, period, billing, loadDiscounts(ctx.db, child.id), voluntaryOf(ctx.db, child.id, old.id));
  if (!result.ok) {
    const reasons = result.problems.map((p) => (p.clause ? `【${p.clause}】${p.messageZh}` : p.messageZh)).join('；');
    const hint = result.problems.some((p) => p.code === 'not_enrolled' || p.code === 'not_yet_enrolled') ? '如本期不应收费，请作废原通知单。' : '';
    throw invalid(`无法按现有资料重新计算：${reasons}${hint}`, 'The bill cannot be drafted again from the current data.');
  }
  return result.bill;
}

function oldLines(ctx: HandlerContext, billId: number) {
  return ctx.db.select().from(billLines).where(eq(billLines.billId, billId)).all();
}

const replaceInput = z.object({
  billId: id,
  reason: z.enum(REPLACE_REASONS, '请选择替换原因'),
  note: text(200, { multiline: true, tooLong: '说明最多 200 个字' }).default(''),
});

export const billFixHandlers = {
  /** The replacement a bill would get from today's standards and child record, next to the old one. */
  'bills.replacePreview': handler({
    access: MANAGE,
    write: false,
    input: z.object({ billId: id }),
    run(ctx, input) {
      const old = requireLive(ctx, input.billId);
      const draft = redraft(ctx, old);
      const child = loadChild(ctx.db, old.childId) ?? undefined;
      const lines = oldLines(ctx, old.id);
      const difference = replacementDifference(
        lines.map((l) => ({ kind: l.kind as 'charge' | 'reduction', item: l.item, amountFen: l.amountFen })),
        draft.lines,
      );
      return {
        old: { number: old.number, lines: lines.map(lineView), net: yuan(old.chargesFen - old.reductionsFen) },
        next: draftView(draft, child),
        difference: difference.map((d) => ({ kind: d.kind, item: d.item, old: yuan(d.oldFen), new: yuan(d.newFen), change: (d.differenceFen < 0 ? '-' : '+') + yuan(Math.abs(d.differenceFen)) })),
      };
    },
  }),

  /** Issues the replacement: a new number and revision, the reason, and only the difference on the ledger. */
  'bills.replace': handler({
    access: MANAGE,
    write: true,
    input: replaceInput
      .extend({ dueOn: isoDate.optional(), idempotencyKey })
      .refine((v) => v.reason !== 'other' || v.note.length >= 2, { path: ['note'], message: '原因为“其他”时请写明说明', ...whenFieldsValid }),
    run(ctx, input) {
      return once(ctx, input.idempotencyKey, 'bills.replace', () => {
        const old = requireLive(ctx, input.billId);
        const draft = redraft(ctx, old);
        const result = replaceBill(ctx.db, old, draft, { reason: input.reason, note: input.note }, {
          issueDate: ctx.today(),
          at: ctx.now().toISOString(),
          staffId: actorId(ctx),
          dueOn: input.dueOn,
        });
        if (!result) throw conflict(`按现有资料重新计算的金额与 ${old.number} 相同，无需替换。请先更正收费标准、减免或幼儿资料。`, 'Nothing would change.');
        ctx.audit({
          action: 'bills.replace',
          kind: 'money',
          entity: 'bill',
          entityId: result.bill.id,
          summary: `${result.bill.number} 替换 ${old.number}（${input.reason}${input.note ? `：${input.note}` : ''}），账户变动 ${result.differenceFen < 0 ? '-' : '+'}${yuan(Math.abs(result.differenceFen))} 元`,
        });
        return { id: result.bill.id, number: result.bill.number, replaced: old.number, difference: (result.differenceFen < 0 ? '-' : '') + yuan(Math.abs(result.differenceFen)) };
      });
    },
  }),

  /** Voids a bill issued in error: it keeps its number, its entries are reversed. */
  'bills.void': handler({
    access: MANAGE,
    write: true,
    input: z.object({ billId: id, reason: text(200, { min: 2, tooShort: '请写明作废原因', tooLong: '原因最多 200 个字', multiline: true }), idempotencyKey }),
    run(ctx, input) {
      return once(ctx, input.idempotencyKey, 'bills.void', () => {
        const bill = requireLive(ctx, input.billId);
        const { reversedFen } = voidBill(ctx.db, bill, input.reason, { issueDate: ctx.today(), at: ctx.now().toISOString(), staffId: actorId(ctx) });
        ctx.audit({
          action: 'bills.void',
          kind: 'money',
          entity: 'bill',
          entityId: bill.id,
          summary: `作废缴费通知单 ${bill.number}（${input.reason}），冲销 ${yuan(Math.abs(reversedFen))} 元`,
        });
        return { number: bill.number, reversed: yuan(Math.abs(reversedFen)) };
      });
    },
  }),
};
