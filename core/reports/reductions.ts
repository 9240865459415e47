// 减免与资助统计: reductions and exemptions granted (NT-3.7), per category
// and class, and the share of children supported against the notice's 10%.
import { Decimal } from '../money';
import type { BucketTotals, CheckLine } from './check-line';
import { type Bi, byClassOrder, ledgerCheck, matchCheck, type ReportBody, yuan } from './document';
import type { ReportEntry } from './entries';

export interface ReductionCategoryInfo {
  label: string;
  /** Share of the fee not charged, "0.5" or "1". */
  rate: string;
}

export interface ReductionsInput {
  entries: readonly ReportEntry[];
  /** Children with a reduction line on a live bill for a month of the period, one row per child and category. */
  supported: readonly { childId: number; classId: number; category: string | null }[];
  /** Children enrolled on at least one day of the period, per class. */
  enrolled: ReadonlyMap<number, number>;
  classNames: ReadonlyMap<number, string>;
  categories: Readonly<Record<string, ReductionCategoryInfo>>;
  clause: string | null;
  /** The guide share (NT-3.7: "不低于 10%"), as a fraction "0.1"; null when the notice has none. */
  guide: string | null;
  check: CheckLine;
  totals: BucketTotals;
}

/** Exemptions (rate 1) are outside the 10% of financial aid (NT-3.7); so is the kindergarten's own discount. */
export const countsTowardGuide = (info: ReductionCategoryInfo | undefined) => info !== undefined && new Decimal(info.rate).lessThan(1);

export function sharePercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const text = new Decimal(part).times(100).dividedBy(whole).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString();
  return `${text.includes('.') ? text : `${text}.0`}%`;
}

export function buildReductions(input: ReductionsInput): ReportBody {
  const { entries, supported, enrolled, classNames, categories, check, totals } = input;
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
      clause: info ? (input.clause ?? '') : '',
      guide: countsTowardGuide(info) ? (['计入', 'Counted'] as Bi) : (['不计入', 'Not counted'] as Bi),
      children: children.get(k)?.size ?? 0,
      amount: yuan(amounts.get(k) ?? 0),
    };
  });
  const allAmount = [...amounts.values()].reduce((a, b) => a + b, 0);

  const classIds = [...new Set([...enrolled.keys(), ...supported.map((s) => s.classId)])].sort(byClassOrder(classNames));
  const perClass = (classId: number | null) => {
    const mine = supported.filter((s) => classId === null || s.classId === classId);
    return {
      all: new Set(mine.map((s) => s.childId)).size,
      counted: new Set(mine.filter((s) => s.category !== null && countsTowardGuide(categories[s.category])).map((s) => s.childId)).size,
      enrolled: classId === null ? [...enrolled.values()].reduce((a, b) => a + b, 0) : (enrolled.get(classId) ?? 0),
    };
  };
  const classRows = classIds.map((id) => {
    const c = perClass(id);
    return { className: classNames.get(id) ?? `#${id}`, enrolled: c.enrolled, supported: c.all, counted: c.counted, share: sharePercent(c.counted, c.enrolled) };
  });
  const whole = perClass(null);
  const guideText = input.guide ? `${new Decimal(input.guide).times(100).toString()}%` : null;
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
        total: { category: ['合计', 'Total'], rate: '', clause: '', guide: '', children: whole.all, amount: yuan(allAmount) },
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
        total: { className: ['全园', 'Kindergarten'], enrolled: whole.enrolled, supported: whole.all, counted: whole.counted, share: sharePercent(whole.counted, whole.enrolled) },
      },
    ],
    checks: [
      ledgerCheck(check),
      matchCheck(['减免合计核对', 'Categories against the ledger'], [{ zh: '各类别减免合计', en: 'reductions by category', fen: allAmount, ledgerFen: totals.reductions }]),
    ],
    notes: [
      guideText
        ? [
            `资助比例 = 计入资助比例的幼儿 ÷ 在园幼儿。收费文件（${input.clause ?? ''}）要求平均资助比例不低于在园幼儿总数的 ${guideText}；免收保教费的残疾儿童、孤儿、烈士子女、因公牺牲军人子女及本园自定优惠不计入此比例。本期全园为 ${sharePercent(whole.counted, whole.enrolled)}。`,
            `Share = children counted for the guide ÷ children enrolled. The notice (${input.clause ?? ''}) asks for at least ${guideText}; exemptions and the kindergarten’s own discounts are not counted. This period: ${sharePercent(whole.counted, whole.enrolled)}.`,
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

/**
 * The share of children a notice asks to support, by the clause that says it
 * (NT-3.7: 平均资助比例不低于在园幼儿总数的10%). The policy files carry the
 * categories and rates but not this sentence.
 */
export const AID_SHARE_GUIDES: Readonly<Record<string, string>> = { 'NT-3.7': '0.1' };
