// 年度收费报告 for the price department (seed 004, supervision 8): the
// year's income per fee item, the standards in force, and the children by
// class and by reduction category.
import type { BucketTotals, CheckLine } from './check-line';
import { type Bi, ledgerCheck, matchCheck, type ReportBody, type Row, yuan } from './document';
import type { ReportEntry } from './entries';
import { FEE_ITEMS, itemLabel, levelLabel, PRICE_UNIT_LABELS } from './labels';
import { forWhom, type StandardRow } from './standards';

export interface AnnualInput {
  year: number;
  entries: readonly ReportEntry[];
  /** Every standard row that was in force on some day of the year. */
  standards: readonly StandardRow[];
  /** Children enrolled on at least one day of the year. */
  children: readonly { classId: number; reductionCategory: string | null }[];
  classes: readonly { id: number; name: string; level: string }[];
  categoryLabels: Readonly<Record<string, string>>;
  check: CheckLine;
  totals: BucketTotals;
}

export function buildAnnual(input: AnnualInput): ReportBody {
  const { year, entries, standards, children, classes, categoryLabels, check, totals } = input;
  type Sums = { charges: number; reductions: number; refunds: number };
  const byItem = new Map<string | null, Sums>();
  for (const e of entries) {
    if (e.bucket !== 'charges' && e.bucket !== 'reductions' && e.bucket !== 'refunds') continue;
    const s = byItem.get(e.item) ?? { charges: 0, reductions: 0, refunds: 0 };
    s[e.bucket] += e.lineFen;
    byItem.set(e.item, s);
  }
  const items = [...new Set<string | null>([...FEE_ITEMS.filter((i) => byItem.has(i) || standards.some((s) => s.item === i)), ...byItem.keys()])];
  const all = { charges: 0, reductions: 0, refunds: 0 };
  const incomeRows: Row[] = items.map((item) => {
    const s = byItem.get(item) ?? { charges: 0, reductions: 0, refunds: 0 };
    all.charges += s.charges;
    all.reductions += s.reductions;
    all.refunds += s.refunds;
    return { item: itemLabel(item), charges: yuan(s.charges), reductions: yuan(s.reductions), refunds: yuan(s.refunds), net: yuan(s.charges - s.reductions - s.refunds) };
  });
  const classRows: Row[] = classes
    .map((c) => ({ c, n: children.filter((k) => k.classId === c.id).length }))
    .filter((x) => x.n > 0)
    .map(({ c, n }) => ({ group: ['班级', 'Class'] as Bi, name: c.name, level: levelLabel(c.level), count: n }));
  const categories = new Map<string, number>();
  for (const k of children) if (k.reductionCategory) categories.set(k.reductionCategory, (categories.get(k.reductionCategory) ?? 0) + 1);
  const categoryRows: Row[] = [...categories].map(([key, n]) => ({
    group: ['减免类别', 'Reduction category'] as Bi,
    name: categoryLabels[key] ?? key,
    level: '',
    count: n,
  }));
  return {
    tables: [
      {
        id: 'income',
        title: [`${year} 年收费收入（按项目）`, `Income ${year} by item`],
        columns: [
          { key: 'item', label: ['收费项目', 'Fee item'], kind: 'text' },
          { key: 'charges', label: ['应收', 'Charged'], kind: 'money' },
          { key: 'reductions', label: ['减免', 'Reductions'], kind: 'money' },
          { key: 'refunds', label: ['退费', 'Refunds'], kind: 'money' },
          { key: 'net', label: ['净收入', 'Net income'], kind: 'money' },
        ],
        rows: incomeRows,
        total: { item: ['合计', 'Total'], charges: yuan(all.charges), reductions: yuan(all.reductions), refunds: yuan(all.refunds), net: yuan(all.charges - all.reductions - all.refunds) },
        emptyText: ['本年度没有收费记录。', 'No charges this year.'],
      },
      {
        id: 'standards',
        title: ['执行的收费标准', 'Standards in force'],
        columns: [
          { key: 'item', label: ['项目', 'Item'], kind: 'text' },
          { key: 'label', label: ['名称', 'Name'], kind: 'text' },
          { key: 'forWhom', label: ['适用对象', 'For'], kind: 'text' },
          { key: 'amount', label: ['标准（元）', 'Amount'], kind: 'money' },
          { key: 'unit', label: ['计费单位', 'Unit'], kind: 'text' },
          { key: 'appliesFrom', label: ['执行日期', 'From'], kind: 'date' },
          { key: 'note', label: ['备注', 'Note'], kind: 'text' },
        ],
        rows: standards.map((s) => ({
          item: itemLabel(s.item),
          label: s.label,
          forWhom: forWhom(s),
          amount: yuan(s.amountFen),
          unit: PRICE_UNIT_LABELS[s.unit] ?? s.unit,
          appliesFrom: s.appliesFrom,
          note: s.overrideClause ? [`经园长确认（${s.overrideClause}）`, `Confirmed by the principal (${s.overrideClause})`] : '',
        })),
        total: null,
        emptyText: ['尚未设置收费标准：请到 收费 → 收费标准 录入。', 'No fee standards yet: set them under Fees → Standards.'],
      },
      {
        id: 'children',
        title: ['在园幼儿（本年度内在园过的幼儿）', 'Children (enrolled during the year)'],
        columns: [
          { key: 'group', label: ['分类', 'Grouping'], kind: 'text' },
          { key: 'name', label: ['名称', 'Name'], kind: 'text' },
          { key: 'level', label: ['年级', 'Level'], kind: 'text' },
          { key: 'count', label: ['人数', 'Children'], kind: 'count' },
        ],
        rows: [...classRows, ...categoryRows],
        total: { group: ['全园', 'Kindergarten'], name: '', level: '', count: children.length },
      },
    ],
    checks: [
      ledgerCheck(check),
      matchCheck(['分项合计核对', 'Items against the ledger'], [
        { zh: '分项应收', en: 'charged by item', fen: all.charges, ledgerFen: totals.charges },
        { zh: '分项减免', en: 'reductions by item', fen: all.reductions, ledgerFen: totals.reductions },
        { zh: '分项退费', en: 'refunds by item', fen: all.refunds, ledgerFen: totals.refunds },
      ]),
    ],
    notes: [
      [
        `本年度收款 ${check.paymentsIn} 元，退还付出 ${check.paymentsOut} 元。年度收费报告中的支出部分（人员、公用、伙食成本等）由财务按账簿另行填报。`,
        `Money received this year ${check.paymentsIn}, paid back ${check.paymentsOut}. The expenditure part of the annual report (staff, running costs, food costs) is filled in by finance from the books.`,
      ],
    ],
    empty: null,
  };
}
