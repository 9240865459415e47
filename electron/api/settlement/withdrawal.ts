// 退园 in one operation: the child's status changes (the families area's rule
// and history row), billing stops (the bill run skips children who left), and
// the final settlement is computed and booked — the leaving month as a
// withdrawal, every charge for a period after it whole, each against what was
// booked before. The preview is the same operation rolled back.
import { CHILD_STATUS_LABELS, type ChildStatus } from '../../../core/families/labels';
import { statusChangeProblem } from '../../../core/families/lifecycle';
import {
  absorbedLines,
  afterLeavingLines,
  bookedByItem,
  type DifferenceLine,
  differenceLines,
  leavingMonth,
  monthsAfterLeaving,
} from '../../../core/settlement';
import { formatFen } from '../../../core/money';
import { conflict, invalid, notFound } from '../errors';
import { writeSettlement } from './book';
import type { SettlementContext, Source } from './context';
import { loadBills, loadBooked, loadChildren } from './load';
import { planMonth } from './plan-month';

export interface WithdrawInput {
  childId: number;
  /** The first day the child no longer comes (as the families area records a status). */
  leftOn: string;
  reason: string;
}

const PREFIX = '退园结算';
const END = '9999-12';
const yuan = (fen: number) => formatFen(fen);

interface ChildRow {
  id: number;
  name: string;
  status: ChildStatus;
  statusSince: string | null;
  statusReason: string | null;
  enrolledOn: string;
}

function changeStatus(ctx: SettlementContext, child: ChildRow, input: WithdrawInput): void {
  const current = { status: child.status, since: child.statusSince ?? child.enrolledOn };
  const problem = statusChangeProblem(current, { status: 'withdrawn', effectiveOn: input.leftOn, reason: input.reason });
  if (problem) throw invalid(problem.message, 'This withdrawal cannot be recorded.', { [problem.field === 'effectiveOn' ? 'leftOn' : problem.field]: problem.message });
  const present = ctx.sqlite
    .prepare(`SELECT date FROM attendance WHERE child_id = ? AND date >= ? AND status = 'present' ORDER BY date LIMIT 3`)
    .pluck()
    .all(child.id, input.leftOn) as string[];
  if (present.length > 0) {
    throw invalid(
      `${child.name}在 ${present.join('、')} 仍记为出勤，退园日期应在最后一天来园之后。请核对退园日期或考勤。`,
      'The child is recorded present on or after the leaving date.',
      { leftOn: '退园日期之后仍有出勤记录' },
    );
  }
  ctx.sqlite.prepare('UPDATE children SET status = ?, status_since = ?, status_reason = ? WHERE id = ?').run('withdrawn', input.leftOn, input.reason, child.id);
  ctx.sqlite
    .prepare('INSERT INTO child_status_changes (child_id, from_status, to_status, effective_on, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(child.id, child.status, 'withdrawn', input.leftOn, input.reason, ctx.actor?.staffId ?? null, ctx.now().toISOString());
  ctx.audit({
    action: 'child.status',
    kind: 'record',
    entity: 'child',
    entityId: child.id,
    summary: `${child.name}：${CHILD_STATUS_LABELS[child.status][0]} → ${CHILD_STATUS_LABELS.withdrawn[0]}（${input.leftOn}）`,
    before: { status: child.status, statusSince: child.statusSince, statusReason: child.statusReason },
    after: { status: 'withdrawn', statusSince: input.leftOn, statusReason: input.reason },
  });
}

/** The final settlement's lines: the leaving month, what it absorbs, and every charge after it. */
function finalLines(ctx: SettlementContext, childId: number, leftOn: string, leaving: string) {
  const plan = planMonth(ctx, leaving, { childIds: [childId], resettle: true, reason: 'withdrawal' });
  const p = plan.plans[0];
  if (p?.kind === 'unsettled') throw conflict(`不能办理退园结算：${p.problem.zh}`, `The final settlement cannot be computed: ${p.problem.en}`);
  const booked = loadBooked(ctx.sqlite, leaving, END, [childId]).get(childId) ?? [];
  const settled = p?.kind === 'settle' ? p : null;
  const lines: DifferenceLine[] = [
    ...differenceLines(leaving, settled?.lines ?? [], bookedByItem(leaving, booked), PREFIX),
    ...absorbedLines(settled?.lines ?? [], leaving, booked),
  ];
  const bills = loadBills(ctx.sqlite, leaving, END, childId).get(childId) ?? [];
  const later = afterLeavingLines(plan.setup.policy, leftOn, leaving, monthsAfterLeaving(leaving, bills), bills, plan.setup.calendar);
  for (const month of [...new Set(later.map((l) => l.inputs.month))].sort()) {
    lines.push(...differenceLines(month, later.filter((l) => l.inputs.month === month), bookedByItem(month, booked), PREFIX));
  }
  return { plan, settled, lines };
}

/** Records the withdrawal and books its final settlement (inside a write transaction). */
export function bookWithdrawal(ctx: SettlementContext, input: WithdrawInput, source: Source): { settlementId: number } {
  const child = ctx.sqlite
    .prepare('SELECT id, name, status, status_since AS statusSince, status_reason AS statusReason, enrolled_on AS enrolledOn FROM children WHERE id = ?')
    .get(input.childId) as ChildRow | undefined;
  if (!child) throw notFound('这名幼儿', 'child');
  changeStatus(ctx, child, input);
  const fact = loadChildren(ctx.sqlite, [child.id]).get(child.id)!;
  const leaving = leavingMonth(fact)!;
  const { plan, settled, lines } = finalLines(ctx, child.id, input.leftOn, leaving);
  const previous = lines.filter((l) => l.previousFen !== null);
  const booked = writeSettlement(
    ctx,
    { kind: 'withdrawal', month: leaving, childId: child.id, policyId: plan.setup.policy.id, legalWorkingDays: plan.W, source, note: `退园日期 ${input.leftOn}：${input.reason}` },
    [
      {
        child: fact,
        billing: settled?.billing ?? 'monthly',
        reason: 'withdrawal',
        presentDays: settled?.presentDays ?? 0,
        closureDays: settled?.closureDays ?? 0,
        lines,
        previousTotalFen: previous.length > 0 ? previous.reduce((s, l) => s + (l.previousFen ?? 0), 0) : null,
      },
    ],
  );
  ctx.audit({
    action: 'settlement.withdraw',
    kind: 'money',
    entity: 'settlement',
    entityId: booked.settlementId,
    summary: `${child.name} 退园（${input.leftOn}）最终结算：退费 ${yuan(booked.totalFen)} 元${source === 'cli' ? '（命令行）' : ''}`,
    after: { childId: child.id, leftOn: input.leftOn, reason: input.reason, totalFen: booked.totalFen, lines: lines.length },
  });
  return { settlementId: booked.settlementId };
}

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('preview');
  }
}

/** What the withdrawal would book, computed by the booking itself and rolled back. */
export function previewInTransaction<T>(ctx: SettlementContext, run: () => T): T {
  try {
    ctx.sqlite.transaction(() => {
      throw new Rollback(run());
    })();
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
  throw new Error('unreachable');
}
