// 收费协议 signed at enrolment (seed 004, 2.2): the charging method, the
// standard of each item the child takes, the period, the services, the
// refund and reduction rules that apply, and both signatures. The items and
// standards are those of the child's next bill as billing drafts it
// (core/billing/draft.ts), so the agreement never promises another price.
import type { DraftResult } from '../billing/types';
import type { Policy } from '../policies/schema';
import { type Bi, yuan } from './document';
import { basisOf } from './fee-board';
import { itemLabel, PRICE_UNIT_LABELS } from './labels';
import type { StandardRow } from './standards';

export interface AgreementChild {
  id: number;
  name: string;
  gender: string;
  birthDate: string;
  className: string;
  level: string;
  enrolledOn: string;
  billingMode: string;
  reductionCategory: string | null;
}

export interface AgreementItem {
  key: string;
  item: Bi;
  label: string;
  amount: string;
  unit: Bi;
  service: string;
  basis: string[];
  optional: boolean;
}

export interface FeeAgreement {
  kindergartenName: string;
  child: AgreementChild;
  guardians: { name: string; relationship: string }[];
  method: string;
  period: string;
  items: AgreementItem[];
  /** Reduction lines of the bill (NT-3.7 category, the kindergarten's own discount). */
  reductions: string[];
  reduction: { label: string; rate: string; clause: string } | null;
  /** Why no bill can be drafted yet (a standard missing, ...): the agreement cannot list prices until it is fixed. */
  problems: string[];
  refunds: { cite: string; text: string }[];
  date: string;
  complaintPhone: string;
}

const SERVICES: Record<string, string> = {
  education: '保育教育服务（一日生活、游戏与教学活动）',
  accommodation: '住宿及夜间照护',
  meal: '在园伙食（按实际成本，不营利）',
  custody: '非教学时间托管服务（家长申请并签订托管协议）',
  bus: '校车接送（家长自愿并签订校车协议）',
  vacation_care: '寒暑假期间保育教育服务（自愿，按天）',
  agency: '代收代办（家长自愿，据实收取，多退少补）',
};

export interface AgreementInput {
  kindergartenName: string;
  kindergartenType: string;
  policy: Policy;
  child: AgreementChild;
  guardians: { name: string; relationship: string }[];
  /** The child's bill for the first period the agreement covers, as billing drafts it. */
  draft: DraftResult;
  /** Voluntary items no bill run charges (vacation care, collected on behalf) in force for the child. */
  voluntary: readonly StandardRow[];
  semester: { name: string; firstMonth: string; lastMonth: string } | null;
  schoolYear: string | null;
  date: string;
  complaintPhone: string;
}

export function buildAgreement(input: AgreementInput): FeeAgreement {
  const { policy, child, draft } = input;
  const item = (key: string, label: string, fen: number, unit: string | null, optional: boolean): AgreementItem => ({
    key,
    item: itemLabel(key),
    label,
    amount: yuan(fen),
    unit: (unit && PRICE_UNIT_LABELS[unit]) || ['元', 'yuan'],
    service: SERVICES[key] ?? label,
    basis: basisOf(policy, key, input.kindergartenType, child.level),
    optional,
  });
  const lines = draft.ok ? draft.bill.lines : [];
  const items = [
    ...lines.filter((l) => l.kind === 'charge').map((l) => item(l.item, l.label, l.unitPriceFen, l.unit, false)),
    ...input.voluntary.map((s) => item(s.item, s.label, s.amountFen, s.unit, true)),
  ];
  const rules = policy.reductions;
  const category = child.reductionCategory ? rules?.categories[child.reductionCategory] : undefined;
  const reduction =
    rules && category && rules.kindergartenKinds.includes(input.kindergartenType)
      ? { label: category.label, rate: category.rate === '1' ? '免收保教费' : '保教费减半收取', clause: policy.clauses[rules.clause]?.cite ?? rules.clause }
      : null;
  const clauses = new Set<string>();
  for (const key of ['education', 'meal', 'accommodation', 'custody'] as const) {
    const r = policy.monthly.items[key];
    if (!r || !items.some((i) => i.key === key)) continue;
    for (const ruleId of [r.leave, r.withdrawal, r.closure]) {
      const clause = ruleId ? policy.rules[ruleId]?.clause : undefined;
      if (clause) clauses.add(clause);
    }
  }
  if (child.billingMode === 'semester') clauses.add(policy.semester.clause);
  const method =
    child.billingMode === 'semester'
      ? '按学期收取：每学期开学时缴纳本学期费用，不跨学期预收；伙食费按当月法定工作日计收，按实际在园天数结算。'
      : '按月收取：每月缴纳当月费用；伙食费按当月法定工作日计收，按实际在园天数结算。';
  const period = input.semester
    ? `${input.schoolYear ?? ''}${input.semester.name}（${input.semester.firstMonth} 至 ${input.semester.lastMonth}），此后各学期按届时公示的标准执行（标准提高的，在园幼儿仍按原标准：新生新办法、老生老办法）`
    : `自 ${child.enrolledOn} 入园之日起，至幼儿离园之日止`;
  return {
    kindergartenName: input.kindergartenName,
    child,
    guardians: input.guardians,
    method,
    period,
    items,
    reductions: lines.filter((l) => l.kind === 'reduction').map((l) => l.label),
    reduction,
    problems: draft.ok ? [] : draft.problems.map((p) => p.messageZh),
    refunds: [...clauses].map((c) => ({ cite: `${policy.clauses[c]?.cite ?? c}（${c}）`, text: policy.clauses[c]?.text ?? '' })),
    date: input.date,
    complaintPhone: input.complaintPhone,
  };
}
