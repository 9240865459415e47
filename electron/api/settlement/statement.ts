// The 退费结算单 of a withdrawal: every line with its clause and sentence,
// the amounts in figures and in words, what goes back to the family and by
// when (10 working days, seed 003), the payouts recorded so far.
import { CalendarMissingError } from '../../../core/calendar';
import { formatFen } from '../../../core/money';
import { amountInWords } from '../../../core/print/amount-words';
import { addWorkingDays, amountToReturnFen, PAYOUT_WORKING_DAYS } from '../../../core/settlement';
import { householdBalanceFen } from '../../../db/billing/ledger';
import { notFound } from '../errors';
import { type SettlementContext, settlementSetup } from './context';

const yuan = (fen: number) => formatFen(fen);

export interface StatementLine {
  month: string;
  item: string;
  base: string;
  refund: string;
  previous: string | null;
  /** What this settlement books for the line (refund minus what was refunded before). */
  booked: string;
  clause: string;
  explanation: string;
}

export interface WithdrawalStatement {
  settlementId: number;
  kindergartenName: string;
  policy: { id: string; name: string; source: string };
  child: { id: number; name: string; className: string; householdId: number };
  guardians: string[];
  leftOn: string;
  reason: string;
  leavingMonth: string;
  bookedAt: string;
  bookedBy: string | null;
  lines: StatementLine[];
  total: string;
  totalWords: string;
  /** The household's account now (negative: credit). */
  balance: string;
  toReturn: string;
  toReturnWords: string;
  siblingsEnrolled: boolean;
  /** Date by which the refund is to be paid (null: the legal calendar of that year is not entered yet). */
  payBy: string | null;
  payouts: { receiptNo: string; amount: string; paidOn: string; method: string; voided: boolean }[];
}

export function withdrawalStatement(ctx: SettlementContext, settlementId: number): WithdrawalStatement {
  const s = ctx.sqlite
    .prepare(
      `SELECT s.id, s.month, s.child_id AS childId, s.policy_id AS policyId, s.total_fen AS totalFen, s.booked_at AS bookedAt, st.display_name AS bookedBy
       FROM settlements s LEFT JOIN staff st ON st.id = s.booked_by WHERE s.id = ? AND s.kind = 'withdrawal'`,
    )
    .get(settlementId) as { id: number; month: string; childId: number; policyId: string; totalFen: number; bookedAt: string; bookedBy: string | null } | undefined;
  if (!s) throw notFound('这份退园结算', 'withdrawal settlement');
  const child = ctx.sqlite
    .prepare(`SELECT c.id, c.name, k.name AS className, c.household_id AS householdId FROM children c JOIN classes k ON k.id = c.class_id WHERE c.id = ?`)
    .get(s.childId) as WithdrawalStatement['child'];
  const change = ctx.sqlite
    .prepare(`SELECT effective_on AS leftOn, reason FROM child_status_changes WHERE child_id = ? AND to_status = 'withdrawn' AND recorded_at <= ? ORDER BY id DESC LIMIT 1`)
    .get(s.childId, s.bookedAt) as { leftOn: string; reason: string } | undefined;
  const lines = ctx.sqlite
    .prepare(
      `SELECT coalesce(json_extract(inputs_json, '$.month'), ?) AS month, item, base_fen AS baseFen, refund_fen AS refundFen,
         previous_refund_fen AS previousFen, clause, explanation FROM settlement_lines WHERE settlement_id = ? ORDER BY id`,
    )
    .all(s.month, s.id) as { month: string; item: string; baseFen: number; refundFen: number; previousFen: number | null; clause: string; explanation: string }[];
  const guardians = ctx.sqlite.prepare('SELECT name FROM guardians WHERE household_id = ? ORDER BY is_emergency_contact DESC, id').pluck().all(child.householdId) as string[];
  const siblings = ctx.sqlite.prepare(`SELECT count(*) FROM children WHERE household_id = ? AND id <> ? AND status = 'enrolled'`).pluck().get(child.householdId, child.id) as number;
  const balanceFen = householdBalanceFen(ctx.db, child.householdId);
  const payouts = ctx.sqlite
    .prepare(
      `SELECT p.receipt_no AS receiptNo, p.amount_fen AS amountFen, p.paid_on AS paidOn, p.method, EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id) AS voided
       FROM payments p WHERE p.household_id = ? AND p.direction = 'out' AND p.created_at >= ? ORDER BY p.id`,
    )
    .all(child.householdId, s.bookedAt) as { receiptNo: string; amountFen: number; paidOn: string; method: string; voided: number }[];
  const setup = settlementSetup(ctx);
  const leftOn = change?.leftOn ?? s.month;
  let payBy: string | null = null;
  try {
    payBy = addWorkingDays(setup.calendar, leftOn, PAYOUT_WORKING_DAYS);
  } catch (error) {
    if (!(error instanceof CalendarMissingError)) throw error;
  }
  // Paid out since: what is still owed to the family is the credit left.
  const toReturn = amountToReturnFen(balanceFen, s.totalFen - payouts.filter((p) => !p.voided).reduce((t, p) => t + p.amountFen, 0), siblings > 0);
  return {
    settlementId: s.id,
    kindergartenName: setup.kindergartenName,
    policy: { id: setup.policy.id, name: setup.policy.name, source: setup.policy.source },
    child,
    guardians,
    leftOn,
    reason: change?.reason ?? '',
    leavingMonth: s.month,
    bookedAt: s.bookedAt,
    bookedBy: s.bookedBy,
    lines: lines.map((l) => ({
      month: l.month,
      item: l.item,
      base: yuan(l.baseFen),
      refund: yuan(l.refundFen),
      previous: l.previousFen === null ? null : yuan(l.previousFen),
      booked: yuan(l.refundFen - (l.previousFen ?? 0)),
      clause: l.clause,
      explanation: l.explanation,
    })),
    total: yuan(s.totalFen),
    totalWords: amountInWords(yuan(Math.max(0, s.totalFen))),
    balance: yuan(balanceFen),
    toReturn: yuan(toReturn),
    toReturnWords: amountInWords(yuan(toReturn)),
    siblingsEnrolled: siblings > 0,
    payBy,
    payouts: payouts.map((p) => ({ receiptNo: p.receiptNo, amount: yuan(p.amountFen), paidOn: p.paidOn, method: p.method, voided: p.voided === 1 })),
  };
}
