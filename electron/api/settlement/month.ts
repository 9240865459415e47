// Month-end settlement (月结): preview (nothing written), booking (one
// transaction: the settlement, its children and lines, the ledger entries and
// the settled month the attendance area reads), and the booked view of a
// settled month. The settlement screen and `kd settle` both come here.
import { formatFen } from '../../../core/money';
import { differenceLines, type FixLink, totalsByClass, totalsByItem } from '../../../core/settlement';
import type { ChildPlan, SettledChild } from '../../../core/settlement';
import { conflict, invalid } from '../errors';
import { writeSettlement } from './book';
import { monthEnded, type SettlementContext, type Source } from './context';
import { type MonthPlan, planMonth } from './plan-month';
import { groupBy } from '../../../core/group';

const yuan = (fen: number) => formatFen(fen);

export interface LineView {
  item: string;
  base: string;
  refund: string;
  clause: string;
  explanation: string;
}

export interface ChildView {
  childId: number;
  name: string;
  className: string;
  billing: 'monthly' | 'semester';
  reason: 'leave' | 'withdrawal' | 'false_advertising';
  presentDays: number;
  closureDays: number;
  lines: LineView[];
  total: string;
}

export interface UnsettledView {
  childId: number;
  name: string;
  className: string;
  code: string;
  reason: string;
  reasonEn: string;
  link: FixLink;
}

export interface MonthView {
  month: string;
  policy: { id: string; name: string };
  legalWorkingDays: number;
  status: 'preview' | 'booked' | 'settled';
  /** Today (Beijing) is after the month's last day: it may be booked. */
  ended: boolean;
  children: ChildView[];
  unsettled: UnsettledView[];
  /** Billed, but everything was settled before (a withdrawal's final settlement). */
  alreadySettled: { childId: number; name: string; className: string }[];
  total: string;
  byItem: { item: string; children: number; refund: string }[];
  byClass: { className: string; children: number; refund: string }[];
  booking: { settlementId: number; bookedAt: string; bookedBy: string | null; source: string } | null;
}

function childView(p: SettledChild): ChildView {
  return {
    childId: p.child.id,
    name: p.child.name,
    className: p.child.className,
    billing: p.billing,
    reason: p.reason,
    presentDays: p.presentDays,
    closureDays: p.closureDays,
    lines: p.lines.map((l) => ({ item: l.item, base: yuan(l.baseFen), refund: yuan(l.refundFen), clause: l.clause, explanation: l.explanation })),
    total: yuan(p.totalFen),
  };
}

function sums(children: { className: string; lines: { item: string; refundFen: number }[]; totalFen: number }[]) {
  const settled = children.map((c) => ({ child: { className: c.className }, lines: c.lines, totalFen: c.totalFen }));
  return {
    byItem: totalsByItem(settled).map((r) => ({ item: r.key, children: r.children, refund: yuan(r.refundFen) })),
    byClass: totalsByClass(settled).map((r) => ({ className: r.key, children: r.children, refund: yuan(r.refundFen) })),
  };
}

function unsettledViews(plans: readonly ChildPlan[]): Pick<MonthView, 'unsettled' | 'alreadySettled'> {
  const unsettled: UnsettledView[] = [];
  const alreadySettled: MonthView['alreadySettled'] = [];
  for (const p of plans) {
    if (p.kind === 'unsettled') {
      unsettled.push({ childId: p.child.id, name: p.child.name, className: p.child.className, code: p.problem.code, reason: p.problem.zh, reasonEn: p.problem.en, link: p.problem.link });
    } else if (p.kind === 'skip') {
      alreadySettled.push({ childId: p.child.id, name: p.child.name, className: p.child.className });
    }
  }
  return { unsettled, alreadySettled };
}

function planView(plan: MonthPlan, status: MonthView['status'], ended: boolean, booking: MonthView['booking']): MonthView {
  const settled = plan.plans.filter((p): p is SettledChild => p.kind === 'settle');
  const totalFen = settled.reduce((s, p) => s + p.totalFen, 0);
  return {
    month: plan.month,
    policy: { id: plan.setup.policy.id, name: plan.setup.policy.name },
    legalWorkingDays: plan.W,
    status,
    ended,
    children: settled.map(childView),
    ...unsettledViews(plan.plans),
    total: yuan(totalFen),
    ...sums(settled.map((p) => ({ className: p.child.className, lines: p.lines, totalFen: p.totalFen }))),
    booking,
  };
}

interface MonthRow {
  id: number;
  legalWorkingDays: number;
  policyId: string;
  bookedAt: string;
  bookedBy: string | null;
  source: string;
}

function monthSettlement(ctx: SettlementContext, month: string): MonthRow | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT s.id, s.legal_working_days AS legalWorkingDays, s.policy_id AS policyId, s.booked_at AS bookedAt, st.display_name AS bookedBy, s.source
       FROM settlements s LEFT JOIN staff st ON st.id = s.booked_by WHERE s.kind = 'month' AND s.month = ?`,
    )
    .get(month) as MonthRow | undefined;
}

/**
 * A settled month as it was booked; the children who could not be settled
 * then are planned again now (they may have been settled since by a
 * correction, or still wait for their roll calls).
 */
function settledView(ctx: SettlementContext, month: string, row: MonthRow): MonthView {
  const kids = ctx.sqlite
    .prepare(
      `SELECT child_id AS childId, name, class_name AS className, billing, reason, present_days AS presentDays,
         closure_days AS closureDays, total_fen AS totalFen
       FROM settlement_children WHERE settlement_id = ? ORDER BY child_id`,
    )
    .all(row.id) as (Omit<ChildView, 'lines' | 'total'> & { totalFen: number })[];
  const lines = ctx.sqlite
    .prepare(`SELECT child_id AS childId, item, base_fen AS baseFen, refund_fen AS refundFen, clause, explanation FROM settlement_lines WHERE settlement_id = ? ORDER BY id`)
    .all(row.id) as { childId: number; item: string; baseFen: number; refundFen: number; clause: string; explanation: string }[];
  const byChild = groupBy(lines, (l) => l.childId);
  const plan = planMonth(ctx, month);
  const booked = new Set(kids.map((k) => k.childId));
  const rest = plan.plans.filter((p) => !booked.has(p.child.id));
  const nowSettleable = rest.filter((p) => p.kind === 'settle').map((p) => ({
    kind: 'unsettled' as const,
    child: p.child,
    problem: {
      code: 'now_due' as const,
      zh: '月结时未能结算，现已可以结算：请在“结算更正”中为这名幼儿补办结算。',
      en: 'Could not be settled at month end and can be now: settle the child under Corrections.',
      link: null,
    },
  }));
  const children = kids.map(({ totalFen, ...k }) => ({
    ...k,
    lines: (byChild.get(k.childId) ?? []).map((l) => ({ item: l.item, base: yuan(l.baseFen), refund: yuan(l.refundFen), clause: l.clause, explanation: l.explanation })),
    total: yuan(totalFen),
  }));
  const totalFen = kids.reduce((s, k) => s + k.totalFen, 0);
  const policy = plan.setup.policy;
  return {
    month,
    policy: { id: row.policyId, name: policy.id === row.policyId ? policy.name : row.policyId },
    legalWorkingDays: row.legalWorkingDays,
    status: 'settled',
    ended: true,
    children,
    ...unsettledViews([...rest.filter((p) => p.kind !== 'settle'), ...nowSettleable].sort((a, b) => a.child.id - b.child.id)),
    total: yuan(totalFen),
    ...sums(kids.map((k) => ({ className: k.className, lines: (byChild.get(k.childId) ?? []).map((l) => ({ item: l.item, refundFen: l.refundFen })), totalFen: k.totalFen }))),
    booking: { settlementId: row.id, bookedAt: row.bookedAt, bookedBy: row.bookedBy, source: row.source },
  };
}

/** What the month's settlement is or would be. Writes nothing. */
export function previewMonth(ctx: SettlementContext, month: string): MonthView {
  const row = monthSettlement(ctx, month);
  if (row) return settledView(ctx, month, row);
  return planView(planMonth(ctx, month), 'preview', monthEnded(month, ctx.today()), null);
}

/** Books the month (call inside a write transaction). A settled month books nothing and shows what was booked. */
export function bookMonth(ctx: SettlementContext, month: string, source: Source): MonthView {
  const existing = monthSettlement(ctx, month);
  if (existing) return settledView(ctx, month, existing);
  if (!monthEnded(month, ctx.today())) {
    throw invalid(`${month} 还没有结束，月底之后才能结算（现在可以预览）。`, `${month} has not ended yet; it can be settled after its last day (preview it now).`);
  }
  const plan = planMonth(ctx, month);
  const settled = plan.plans.filter((p): p is SettledChild => p.kind === 'settle');
  // Nothing was booked for the month before: one empty map for every child (differenceLines only reads it).
  const nothingBefore = new Map();
  let booked: ReturnType<typeof writeSettlement>;
  try {
    booked = writeSettlement(
      ctx,
      { kind: 'month', month, childId: null, policyId: plan.setup.policy.id, legalWorkingDays: plan.W, source },
      settled.map((p) => ({ ...p, lines: differenceLines(month, p.lines, nothingBefore, ''), previousTotalFen: null })),
    );
  } catch (error) {
    // Two bookings at once (the window and the command line): the second one meets the unique month.
    if (error instanceof Error && /UNIQUE constraint failed: settlements\.month/.test(error.message)) {
      throw conflict(`${month} 刚刚已由他人结算，请刷新查看。`, `${month} was just settled by someone else.`);
    }
    throw error;
  }
  ctx.sqlite.prepare('INSERT OR IGNORE INTO settled_months (month, settled_at, settled_by) VALUES (?, ?, ?)').run(month, booked.bookedAt, ctx.actor?.staffId ?? null);
  const unsettled = plan.plans.filter((p) => p.kind === 'unsettled').length;
  ctx.audit({
    action: 'settlement.book',
    kind: 'money',
    entity: 'settlement',
    entityId: booked.settlementId,
    summary: `${month} 月结：${settled.length} 名幼儿退费合计 ${yuan(booked.totalFen)} 元${unsettled ? `，${unsettled} 名暂不能结算` : ''}${source === 'cli' ? '（命令行）' : ''}`,
    after: { month, source, children: settled.length, unsettled, totalFen: booked.totalFen, ledgerEntries: booked.ledgerEntries },
  });
  return planView(plan, 'booked', true, { settlementId: booked.settlementId, bookedAt: booked.bookedAt, bookedBy: ctx.actor?.displayName ?? null, source });
}
