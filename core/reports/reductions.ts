// 减免与资助统计: reductions and exemptions granted (NT-3.7), per category
// and class, and the share of children supported against the notice's 10%.
import { reductionShare } from '../billing/reduction-share';
import { Decimal } from '../money';
import type { Policy } from '../policies/schema';
import type { BucketTotals, CheckLine } from './check-line';
import { type Bi, byClassOrder, ledgerCheck, matchCheck, type ReportBody, yuan } from './document';
import type { ReportEntry } from './entries';

export interface ReductionsInput {
  entries: readonly ReportEntry[];
  /** Children enrolled on at least one day of the period. */
  enrolled: readonly { id: number; classId: number }[];
  /** Children with a reduction line on a live bill for a month of the period (category null: the kindergarten's own discount). */
  supported: readonly { childId: number; classId: number; category: string | null }[];
  classNames: ReadonlyMap<number, string>;
  policy: Policy;
  kindergartenType: string;
  check: CheckLine;
  totals: BucketTotals;
}

export function buildReductions(input: ReductionsInput): ReportBody {
  const { entries, enrolled, supported, classNames, policy, check, totals } = input;
  const rules = policy.reductions;
  const categories = rules?.categories ?? {};
  const uncounted = new Set(rules?.aidShareGuide?.uncountedCategories ?? []);
  const clause = rules ? `${policy.clauses[rules.clause]?.cite ?? rules.clause}（${rules.clause}）` : '';
  const label = (category: string | null): Bi =>
    category === null ? ['本园优惠', 'Own discount'] : [categories[category]?.label ?? category, category];
  const amounts = new Map<string | null, number>();
  for (const e of entries) if (e.bucket === 'reductions') amounts.set(e.reductionCategory, (amounts.get(e.reductionCategory) ?? 0) + e.lineFen);
  const children = new Map<string | null, Set<number>>();
  for (const s of supported) {
    const set = children.get(s.category) ?? new Set<number>();
    set.add(s.childId);
    children.set(s.category, set);
  }
  const keys = [...new Set<string | null>([...Object.keys(categories).filter((k) => amounts.has(k) || children.has(k)), ...amounts.keys(), ...children.keys()])];
  const categoryRows = keys.map((k) => {
    const info = k === null ? undefined : categories[k];
    return {
      category: label(k),
      rate: info ? (new Decimal(info.rate).equals(1) ? (['免收', 'Exempt'] as Bi) : (['减半', 'Half'] as Bi)) : (['—', '—'] as Bi),
      clause: info ? clause : '',
      guide: info && !uncounted.has(k!) ? (['计入', 'Counted'] as Bi) : (['不计入', 'Not counted'] as Bi),
      children: children.get(k)?.size ?? 0,
      amount: yuan(amounts.get(k) ?? 0),
    };
  });
  const allAmount = [...amounts.values()].reduce((a, b) => a + b, 0);

  // The share as the standards screen computes it (core/billing/reduction-share), from the bills of the period.
  const facts = new Map<number, { reductionCategory: string | null; ownDiscount: boolean }>();
  for (const s of supported) {
    const f = facts.get(s.childId) ?? { reductionCategory: null, ownDiscount: false };
    if (s.category === null) f.ownDiscount = true;
    else f.reductionCategory ??= s.category;
    facts.set(s.childId, f);
  }
  const shareOf = (kids: readonly { id: number }[]) =>
    reductionShare(policy, input.kindergartenType, kids.map((k) => facts.get(k.id) ?? { reductionCategory: null, ownDiscount: false }));
  const cells = (kids: readonly { id: number }[]) => {
    const share = shareOf(kids);
    return { enrolled: share.enrolled, supported: kids.filter((k) => facts.has(k.id)).length, counted: share.counted, share: share.enrolled === 0 ? '—' : share.share };
  };
  const classIds = [...new Set(enrolled.map((k) => k.classId))].sort(byClassOrder(classNames));
  const classRows = classIds.map((id) => ({ className: classNames.get(id) ?? `#${id}`, ...cells(enrolled.filter((k) => k.classId === id)) }));
  const whole = shareOf(enrolled);
  const guide = whole.guide;
  return {
    tables: [
      {
        id: 'categories',
        title: ['按减免类别', 'By category'],
        columns: [
          { key: 'category', label: ['减免类别', 'Category'], kind: 'text' },
          { key: 'rate', label: ['减免幅度', 'Rate'], kind: 'text' },
          { key: 'clause', label: ['依据', 'Clause'], kind: 'text' },
          { key: 'guide', label: ['计入资助比例', 'In the aid share'], kind: 'text' },
          { key: 'children', label: ['幼儿数', 'Children'], kind: 'count' },
          { key: 'amount', label: ['减免金额', 'Amount'], kind: 'money' },
        ],
        rows: categoryRows,
        total: { category: ['合计', 'Total'], rate: '', clause: '', guide: '', children: facts.size, amount: yuan(allAmount) },
        emptyText: ['本期没有减免。', 'No reductions in this period.'],
      },
      {
        id: 'classes',
        title: ['受资助幼儿占比', 'Share of children supported'],
        columns: [
          { key: 'className', label: ['班级', 'Class'], kind: 'text' },
          { key: 'enrolled', label: ['在园幼儿', 'Enrolled'], kind: 'count' },
          { key: 'supported', label: ['享受减免', 'With a reduction'], kind: 'count' },
          { key: 'counted', label: ['计入资助比例', 'Counted for the guide'], kind: 'count' },
          { key: 'share', label: ['资助比例', 'Share'], kind: 'percent' },
        ],
        rows: classRows,
        total: { className: ['全园', 'Kindergarten'], ...cells(enrolled) },
      },
    ],
    checks: [
      ledgerCheck(check),
      matchCheck(['减免合计核对', 'Categories against the ledger'], [{ zh: '各类别减免合计', en: 'reductions by category', fen: allAmount, ledgerFen: totals.reductions }]),
    ],
    notes: [
      guide
        ? [
            `${guide.note} 本期全园资助比例为 ${whole.share}（计入 ${whole.counted} 人 ÷ 在园 ${whole.enrolled} 人），${guide.met ? '达到' : '低于'} ${guide.minShare} 的要求。`,
            `The notice asks for at least ${guide.minShare} of children supported (exemptions not counted). This period: ${whole.share} (${whole.counted} of ${whole.enrolled}), ${guide.met ? 'met' : 'below the guide'}.`,
          ]
        : ['本园适用的收费文件没有资助比例要求。', 'The notice in force sets no share of children to support.'],
      [
        '享受减免的幼儿：本期任一月份有效缴费通知单上有减免行的幼儿；减免金额按通知单开具（作废）日期记账。',
        'Children with a reduction: a reduction line on a live bill for a month of the period; amounts are booked when the bill is issued (or voided).',
      ],
    ],
    empty: null,
  };
}
