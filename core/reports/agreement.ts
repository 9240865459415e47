// 收费协议 signed at enrolment (seed 004, 2.2): the charging method, the
// standard of each item the child takes, the period, the services, the
// refund and reduction rules that apply, and both signatures.
import type { Policy } from '../policies/schema';
import { type Bi, yuan } from './document';
import { basisOf } from './fee-board';
import { ITEM_LABELS, UNIT_LABELS } from './labels';
import { type StandardRow, standardsForChild } from './standards';

export interface AgreementChild {
  id: number;
  name: string;
  gender: string;
  birthDate: string;
  className: string;
  level: string;
  enrolledOn: string;
  billingMode: 'monthly' | 'semester';
  meals: boolean;
  boarding: boolean;
  custodyAgreedOn: string | null;
  busAgreedOn: string | null;
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
  reduction: { label: string; rate: string; clause: string } | null;
  refunds: { cite: string; text: string }[];
  date: string;
  complaintPhone: string;
}

const SERVICES: Record<string, string> = {
  education: '保育教育服务（一日生活、游戏与教学活动）',
  nursery: '3岁以下幼儿保育服务',
  accommodation: '住宿及夜间照护',
  meal: '在园伙食（按实际成本，不营利）',
  custody: '非教学时间托管服务（家长申请并签订托管协议）',
  bus: '校车接送（家长自愿并签订校车协议）',
  vacation_care: '寒暑假期间保育教育服务（自愿，按天）',
  agency: '代收代办（家长自愿，据实收取，多退少补）',
};

/** Whether the child takes an item: by the fee profile on the child's record and the agreements signed. */
function takes(child: AgreementChild, item: string): { take: boolean; optional: boolean } {
  switch (item) {
    case 'meal':
      return { take: child.meals, optional: false };
    case 'accommodation':
      return { take: child.boarding, optional: false };
    case 'custody':
      return { take: child.custodyAgreedOn !== null, optional: false };
    case 'bus':
      return { take: child.busAgreedOn !== null, optional: false };
    case 'vacation_care':
    case 'agency':
      return { take: true, optional: true };
    default:
      return { take: true, optional: false };
  }
}

export interface AgreementInput {
  kindergartenName: string;
  kindergartenType: string;
  policy: Policy;
  child: AgreementChild;
  guardians: { name: string; relationship: string }[];
  standards: readonly StandardRow[];
  /** The semester the agreement starts in, and the school year. */
  semester: { name: string; firstMonth: string; lastMonth: string } | null;
  schoolYear: string | null;
  today: string;
  complaintPhone: string;
}

export function buildAgreement(input: AgreementInput): FeeAgreement {
  const { policy, child } = input;
  const date = child.enrolledOn > input.today ? child.enrolledOn : input.today;
  const items = standardsForChild(input.standards, child, date)
    .map((s) => ({ s, t: takes(child, s.item) }))
    .filter(({ t }) => t.take)
    .map(({ s, t }) => ({
      key: s.item,
      item: ITEM_LABELS[s.item as keyof typeof ITEM_LABELS] ?? ([s.item, s.item] as Bi),
      label: s.label,
      amount: yuan(s.amountFen),
      unit: UNIT_LABELS[s.unit] ?? ([s.unit, s.unit] as Bi),
      service: SERVICES[s.item] ?? s.label,
      basis: basisOf(policy, s.item, input.kindergartenType, child.level),
      optional: t.optional,
    }));
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
    reduction,
    refunds: [...clauses].map((c) => ({ cite: `${policy.clauses[c]?.cite ?? c}（${c}）`, text: policy.clauses[c]?.text ?? '' })),
    date,
    complaintPhone: input.complaintPhone,
  };
}
