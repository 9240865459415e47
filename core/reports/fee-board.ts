// 收费公示 (seed 002 and seed 004): every item, its standard and unit, the
// basis (the notice and its clause), reductions, refund rules, the
// complaint telephone and the date, as the board at the gate shows them.
import type { Policy } from '../policies/schema';
import { type Bi, yuan } from './document';
import { itemLabel, PRICE_UNIT_LABELS } from './labels';
import { currentStandards, forWhom, type StandardRow } from './standards';

export interface BoardItem {
  item: Bi;
  label: string;
  forWhom: Bi;
  amount: string;
  unit: Bi;
  appliesFrom: string;
  basis: string[];
  note: Bi | null;
}

export interface FeeBoard {
  kindergartenName: string;
  policyName: string;
  policySource: string;
  date: string;
  complaintPhone: string;
  items: BoardItem[];
  /** Announced ahead: standards that apply from a later day (publicised before they are used, seed 002). */
  upcoming: BoardItem[];
  reductions: { label: string; rate: Bi; basis: string }[];
  refunds: { clause: string; cite: string; text: string }[];
}

const cite = (policy: Policy, clause: string | undefined): string[] => {
  if (!clause) return [];
  const c = policy.clauses[clause];
  return [c ? `${c.cite}（${clause}）` : clause];
};

/** The clauses of the notice that set or limit a fee item. */
export function basisOf(policy: Policy, item: string, kindergartenType: string, level: string | null): string[] {
  const ch = policy.feeStandards;
  const semester = cite(policy, ch?.noCrossSemester?.clause);
  const raise = cite(policy, ch?.raise?.clause);
  const refundRule = (key: keyof NonNullable<Policy['monthly']['items']>) => {
    const ruleId = policy.monthly.items[key]?.leave;
    return cite(policy, ruleId ? policy.rules[ruleId]?.clause : undefined);
  };
  let list: string[];
  switch (item) {
    case 'education':
      list = [
        ...(kindergartenType === 'public' ? cite(policy, ch?.benchmark?.clause) : []),
        ...(level === 'toddler' ? cite(policy, ch?.earlyCare?.clause) : []),
        ...semester,
        ...raise,
      ];
      break;
    case 'nursery':
      list = cite(policy, ch?.earlyCare?.clause);
      break;
    case 'accommodation':
      list = [...semester, ...raise];
      break;
    case 'meal':
      list = refundRule('meal');
      break;
    case 'custody':
      list = cite(policy, ch?.custody?.clause);
      break;
    case 'bus':
      list = cite(policy, ch?.schoolBus?.clause);
      break;
    case 'vacation_care':
      list = cite(policy, ch?.vacationDayRate?.clause);
      break;
    default:
      list = [];
  }
  return [...new Set(list)];
}

const NOTES: Record<string, Bi> = {
  meal: ['按实际成本收取，不得营利；按日标准 × 当月法定工作日预收，按实际在园天数结算', 'At cost, no profit; daily rate × legal working days, settled on days present'],
  custody: ['自愿，须先签订托管协议', 'Voluntary, after a signed custody agreement'],
  bus: ['自愿，须签订校车协议', 'Voluntary, after a signed bus agreement'],
  vacation_care: ['寒暑假按天收取，自愿参加', 'Per day in the holidays, voluntary'],
  agency: ['代收费：家长自愿，据实收取，及时结算，多退少补', 'Collected on behalf: voluntary, at cost, the surplus refunded'],
};

/** The notice's own words: the app's reading of an unclear clause (（本系统按此理解：…）) stays off the public board. */
export const noticeText = (text: string) => text.replace(/（本系统按此理解：[^）]*）/g, '');

export interface FeeBoardInput {
  kindergartenName: string;
  kindergartenType: string;
  policy: Policy;
  standards: readonly StandardRow[];
  complaintPhone: string;
  today: string;
}

export function buildFeeBoard({ kindergartenName, kindergartenType, policy, standards, complaintPhone, today }: FeeBoardInput): FeeBoard {
  const toItem = (s: StandardRow): BoardItem => ({
    item: itemLabel(s.item),
    label: s.label,
    forWhom: forWhom(s),
    amount: yuan(s.amountFen),
    unit: PRICE_UNIT_LABELS[s.unit] ?? [s.unit, s.unit],
    appliesFrom: s.appliesFrom,
    basis: basisOf(policy, s.item, kindergartenType, s.level),
    note: NOTES[s.item] ?? null,
  });
  const current = currentStandards(standards, today);
  const upcoming = standards.filter((s) => s.appliesFrom > today);
  const rules = policy.reductions;
  const reductions =
    rules?.kindergartenKinds.includes(kindergartenType)
      ? Object.values(rules.categories).map((c) => ({
          label: c.label,
          rate: (c.rate === '1' ? ['免收保教费', 'Education fee waived'] : ['保教费减半收取', 'Education fee halved']) as Bi,
          basis: cite(policy, rules.clause)[0] ?? '',
        }))
      : [];
  const refundClauses = new Set<string>();
  for (const rules of Object.values(policy.monthly.items)) {
    for (const ruleId of [rules?.leave, rules?.closure]) {
      const clause = ruleId ? policy.rules[ruleId]?.clause : undefined;
      if (clause) refundClauses.add(clause);
    }
  }
  if (policy.semester.clause) refundClauses.add(policy.semester.clause);
  return {
    kindergartenName,
    policyName: policy.name,
    policySource: policy.source,
    date: today,
    complaintPhone,
    items: current.map(toItem),
    upcoming: upcoming.map(toItem),
    reductions,
    refunds: [...refundClauses].map((clause) => ({ clause, cite: policy.clauses[clause]?.cite ?? clause, text: noticeText(policy.clauses[clause]?.text ?? '') })),
  };
}

