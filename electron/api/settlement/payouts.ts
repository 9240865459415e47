// How a refund goes back to the family. By default it stays on the
// household's account as credit and the next bill takes it off (上月退费);
// a household may ask for it to be paid out (cash, transfer) instead, and a
// family that left is paid what is left. A payout is a payment out with its
// own receipt number (TK2026-00001) and a positive ledger entry.
import { localDate } from '../../../core/calendar/dates';
import { formatFen, parseAmount, toFen } from '../../../core/money';
import { amountInWords } from '../../../core/print/amount-words';
import { householdBalanceFen, nextNumber } from '../../../db/billing/ledger';
import { invalid, notFound } from '../errors';
import type { SettlementContext } from './context';

/** 退费去向: a household's refunds credited to its next bill, or paid out (RefundMode in core/refund is something else: how a refund's period is counted). */
export type RefundDestination = 'credit' | 'payout';
export const PAYOUT_METHODS = ['cash', 'bank', 'wechat', 'alipay'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
const METHOD_ZH: Record<PayoutMethod, string> = { cash: '现金', bank: '银行转账', wechat: '微信', alipay: '支付宝' };

const yuan = (fen: number) => formatFen(fen);

/** The newest row counts; none means credit to the next bill. */
export function refundDestination(ctx: Pick<SettlementContext, 'sqlite'>, householdId: number): RefundDestination {
  const mode = ctx.sqlite.prepare('SELECT mode FROM refund_preferences WHERE household_id = ? ORDER BY id DESC LIMIT 1').pluck().get(householdId) as RefundDestination | undefined;
  return mode ?? 'credit';
}

function householdName(ctx: Pick<SettlementContext, 'sqlite'>, householdId: number): { children: string; guardian: string } {
  const children = ctx.sqlite.prepare('SELECT name FROM children WHERE household_id = ? ORDER BY id').pluck().all(householdId) as string[];
  const guardian = ctx.sqlite.prepare('SELECT name FROM guardians WHERE household_id = ? ORDER BY is_emergency_contact DESC, id LIMIT 1').pluck().get(householdId) as string | undefined;
  return { children: children.join('、'), guardian: guardian ?? '' };
}

export function setRefundDestination(ctx: SettlementContext, householdId: number, mode: RefundDestination): { householdId: number; mode: RefundDestination } {
  if (!ctx.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(householdId)) throw notFound('这个家庭', 'household');
  const before = refundDestination(ctx, householdId);
  ctx.sqlite.prepare('INSERT INTO refund_preferences (household_id, mode, set_by, set_at) VALUES (?, ?, ?, ?)').run(householdId, mode, ctx.actor?.staffId ?? null, ctx.now().toISOString());
  const { children } = householdName(ctx, householdId);
  ctx.audit({
    action: 'settlement.refundMode',
    kind: 'money',
    entity: 'household',
    entityId: householdId,
    summary: `${children} 家庭退费去向：${mode === 'payout' ? '退还现金或转账' : '抵扣下期缴费通知单'}`,
    before: { mode: before },
    after: { mode },
  });
  return { householdId, mode };
}

export interface PayoutDue {
  householdId: number;
  children: string;
  guardian: string;
  credit: string;
  mode: RefundDestination;
  /** No child of the household is enrolled any more: the credit has nowhere else to go. */
  left: boolean;
  /** The newest withdrawal settlement of the household, for its statement. */
  withdrawalId: number | null;
}

/** Households with credit that is to be paid out: they asked for payouts, or no child of theirs is enrolled. */
export function payoutsDue(ctx: Pick<SettlementContext, 'sqlite'>): PayoutDue[] {
  const rows = ctx.sqlite
    .prepare(
      `WITH balance AS (SELECT household_id AS id, sum(amount_fen) AS fen FROM ledger_entries GROUP BY household_id HAVING sum(amount_fen) < 0)
       SELECT b.id AS householdId, b.fen,
         (SELECT mode FROM refund_preferences p WHERE p.household_id = b.id ORDER BY p.id DESC LIMIT 1) AS mode,
         NOT EXISTS (SELECT 1 FROM children c WHERE c.household_id = b.id AND c.status = 'enrolled') AS gone,
         (SELECT max(s.id) FROM settlements s JOIN children c ON c.id = s.child_id WHERE s.kind = 'withdrawal' AND c.household_id = b.id) AS withdrawalId
       FROM balance b ORDER BY b.id`,
    )
    .all() as { householdId: number; fen: number; mode: RefundDestination | null; gone: number; withdrawalId: number | null }[];
  return rows
    .filter((r) => r.mode === 'payout' || r.gone === 1)
    .map((r) => ({ householdId: r.householdId, ...householdName(ctx, r.householdId), credit: yuan(-r.fen), mode: r.mode ?? 'credit', left: r.gone === 1, withdrawalId: r.withdrawalId }));
}

export interface PayoutInput {
  householdId: number;
  amount: string;
  method: PayoutMethod;
  reference: string;
  paidOn: string;
  payee: string;
  note: string;
}

/** Records money paid back to a family: a payment out with its TK receipt number and a positive ledger entry. */
export function recordPayout(ctx: SettlementContext, input: PayoutInput): { paymentId: number; receiptNo: string; amount: string; balance: string } {
  const { children } = householdName(ctx, input.householdId);
  if (!children) throw notFound('这个家庭', 'household');
  const fen = toFen(parseAmount(input.amount));
  if (fen <= 0) throw invalid('退还金额应大于 0。', 'The amount must be positive.', { amount: '退还金额应大于 0' });
  const credit = -householdBalanceFen(ctx.db, input.householdId);
  if (fen > credit) {
    throw invalid(
      `退还金额 ${yuan(fen)} 元超过了家庭账户的结余 ${yuan(Math.max(0, credit))} 元，多付的钱无从冲抵。请核对金额。`,
      `The payout exceeds the household's credit of ${yuan(Math.max(0, credit))}.`,
      { amount: `最多 ${yuan(Math.max(0, credit))} 元` },
    );
  }
  if (input.paidOn > ctx.today()) throw invalid('付款日期不能晚于今天。', 'The payment date cannot be in the future.', { paidOn: '不能晚于今天' });
  const year = input.paidOn.slice(0, 4);
  const receiptNo = `TK${year}-${String(nextNumber(ctx.db, `payout:${year}`)).padStart(5, '0')}`;
  const staffId = ctx.actor?.staffId ?? null;
  const at = ctx.now().toISOString();
  const { id: paymentId } = ctx.sqlite
    .prepare(
      `INSERT INTO payments (receipt_no, household_id, direction, method, reference, amount_fen, paid_on, payer_name, note, received_by, created_at)
       VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(receiptNo, input.householdId, input.method, input.reference, fen, input.paidOn, input.payee, input.note, staffId, at) as { id: number };
  ctx.sqlite
    .prepare(
      `INSERT INTO ledger_entries (household_id, kind, amount_fen, entry_date, payment_id, description, created_by, created_at)
       VALUES (?, 'payout', ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.householdId, fen, input.paidOn, paymentId, `退费支付 ${receiptNo}（${METHOD_ZH[input.method]}${input.reference ? `，${input.reference}` : ''}）：退还 ${input.payee || children} ${yuan(fen)} 元`, staffId, at);
  const balance = householdBalanceFen(ctx.db, input.householdId);
  ctx.audit({
    action: 'settlement.payout',
    kind: 'money',
    entity: 'payment',
    entityId: paymentId,
    summary: `${receiptNo} 退还 ${children} 家庭 ${yuan(fen)} 元（${METHOD_ZH[input.method]}）`,
    after: { receiptNo, householdId: input.householdId, amountFen: fen, method: input.method, paidOn: input.paidOn },
  });
  return { paymentId, receiptNo, amount: yuan(fen), balance: yuan(balance) };
}

export interface PayoutReceipt {
  receiptNo: string;
  kindergartenName: string;
  children: string;
  payee: string;
  amount: string;
  amountWords: string;
  method: string;
  reference: string;
  paidOn: string;
  paidBy: string | null;
  note: string;
  voided: boolean;
  voidReason: string | null;
  voidedOn: string | null;
}

export function payoutReceipt(ctx: Pick<SettlementContext, 'sqlite'>, paymentId: number): PayoutReceipt {
  const row = ctx.sqlite
    .prepare(
      `SELECT p.receipt_no AS receiptNo, p.household_id AS householdId, p.amount_fen AS amountFen, p.method, p.reference, p.paid_on AS paidOn,
         p.payer_name AS payee, p.note, st.display_name AS paidBy, (v.payment_id IS NOT NULL) AS voided, v.reason AS voidReason, v.voided_at AS voidedAt
       FROM payments p LEFT JOIN staff st ON st.id = p.received_by LEFT JOIN payment_voids v ON v.payment_id = p.id WHERE p.id = ? AND p.direction = 'out'`,
    )
    .get(paymentId) as
    | { receiptNo: string; householdId: number; amountFen: number; method: PayoutMethod; reference: string; paidOn: string; payee: string; note: string; paidBy: string | null; voided: number; voidReason: string | null; voidedAt: string | null }
    | undefined;
  if (!row) throw notFound('这张退费收据', 'payout receipt');
  const kg = ctx.sqlite.prepare('SELECT name FROM kindergarten WHERE id = 1').pluck().get() as string | undefined;
  const amount = yuan(row.amountFen);
  return {
    receiptNo: row.receiptNo,
    kindergartenName: kg ?? '',
    children: householdName(ctx, row.householdId).children,
    payee: row.payee,
    amount,
    amountWords: amountInWords(amount),
    method: METHOD_ZH[row.method] ?? row.method,
    reference: row.reference,
    paidOn: row.paidOn,
    paidBy: row.paidBy,
    note: row.note,
    voided: row.voided === 1,
    voidReason: row.voidReason,
    voidedOn: row.voidedAt ? localDate(new Date(row.voidedAt)) : null,
  };
}
