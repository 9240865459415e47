// A refund paid out by mistake (recorded twice, the wrong family, never
// actually paid) is voided by reversal, never deleted: the TK receipt keeps
// its number and prints 作废, and the refund is owed to the family again (its
// credit is back on the account, so it is listed among refunds to pay out or
// taken off the next bill).
import { formatFen } from '../../../core/money';
import { bookPaymentVoid } from '../../../db/billing/book';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { payments } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { conflict, invalid, notFound } from '../errors';
import type { SettlementContext } from './context';
import { localDate } from '../../../core/calendar/dates';

const METHOD_ZH: Record<string, string> = { cash: '现金', bank: '银行转账', wechat: '微信', alipay: '支付宝', pos: '刷卡' };

export interface PayoutRow {
  paymentId: number;
  receiptNo: string;
  householdId: number;
  children: string;
  payee: string;
  amount: string;
  method: string;
  paidOn: string;
  voided: boolean;
  voidReason: string | null;
}

/** Refunds paid out, newest first (voided ones too, marked). */
export function payoutsMade(ctx: Pick<SettlementContext, 'sqlite'>, limit = 200): PayoutRow[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT p.id AS paymentId, p.receipt_no AS receiptNo, p.household_id AS householdId, p.payer_name AS payee, p.amount_fen AS amountFen, p.method, p.paid_on AS paidOn,
         v.reason AS voidReason, (SELECT group_concat(name, '、') FROM (SELECT name FROM children c WHERE c.household_id = p.household_id ORDER BY c.id)) AS children
       FROM payments p LEFT JOIN payment_voids v ON v.payment_id = p.id
       WHERE p.direction = 'out' ORDER BY p.paid_on DESC, p.id DESC LIMIT ?`,
    )
    .all(limit) as { paymentId: number; receiptNo: string; householdId: number; payee: string; amountFen: number; method: string; paidOn: string; voidReason: string | null; children: string | null }[];
  return rows.map((r) => ({
    paymentId: r.paymentId,
    receiptNo: r.receiptNo,
    householdId: r.householdId,
    children: r.children ?? '',
    payee: r.payee,
    amount: formatFen(r.amountFen),
    method: METHOD_ZH[r.method] ?? r.method,
    paidOn: r.paidOn,
    voided: r.voidReason !== null,
    voidReason: r.voidReason,
  }));
}

/** Voids a payout: one reversal of its ledger entry, the void row with the reason; the credit is owed again. */
export function voidPayout(ctx: SettlementContext, input: { paymentId: number; reason: string }) {
  const payment = ctx.db.select().from(payments).where(eq(payments.id, input.paymentId)).get();
  if (payment?.direction !== 'out') throw notFound('这张退费收据', 'payout receipt');
  const staffId = ctx.actor?.staffId;
  if (staffId === undefined) throw invalid('请先登录', 'Sign in first.');
  const already = ctx.sqlite.prepare('SELECT voided_at AS voidedAt FROM payment_voids WHERE payment_id = ?').get(payment.id) as { voidedAt: string } | undefined;
  if (already) throw conflict(`退费收据 ${payment.receiptNo} 已于 ${localDate(new Date(already.voidedAt))} 作废`, `Payout ${payment.receiptNo} is already void.`);
  const voidedAt = ctx.now().toISOString();
  const { reversedFen } = bookPaymentVoid(ctx.db, { payment, reason: input.reason, voidedBy: staffId, voidedAt, entryDate: ctx.today() });
  const balanceFen = householdBalanceFen(ctx.db, payment.householdId);
  ctx.audit({
    action: 'settlement.voidPayout',
    kind: 'money',
    entity: 'payment',
    entityId: payment.id,
    summary: `作废退费收据 ${payment.receiptNo}（${formatFen(payment.amountFen)} 元）：${input.reason}；该笔退费重新记为应退`,
    before: payment,
    after: { reason: input.reason, voidedAt, reversedFen },
  });
  return {
    paymentId: payment.id,
    receiptNo: payment.receiptNo,
    voidedAt,
    /** What the family is owed now (credit on its account). */
    owed: formatFen(Math.max(0, -balanceFen)),
    balance: formatFen(balanceFen),
  };
}
