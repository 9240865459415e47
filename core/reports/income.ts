// 收费与退费汇总: what was charged, reduced and refunded in the period, per
// fee item and per class, from the ledger (the only truth about money).
import type { BucketTotals, CheckLine } from './check-line';
import { byClassOrder, type Column, ledgerCheck, NO_BILLS_YET, matchCheck, type ReportBody, type Row, yuan } from './document';
import type { ReportEntry } from './entries';
import { FEE_ITEMS, itemLabel } from './labels';

export interface IncomeInput {
  entries: readonly ReportEntry[];
  classNames: ReadonlyMap<number, string>;
  check: CheckLine;
  totals: BucketTotals;
}

const MONEY_COLUMNS: Column[] = [
  { key: 'charges', label: ['收费', 'Charges'], kind: 'money' },
  { key: 'reductions', label: ['减免', 'Reductions'], kind: 'money' },
  { key: 'refunds', label: ['退费', 'Refunds'], kind: 'money' },
  { key: 'net', label: ['净应收', 'Net charged'], kind: 'money' },
];

type Sums = { charges: number; reductions: number; refunds: number };
const zero = (): Sums => ({ charges: 0, reductions: 0, refunds: 0 });
const moneyCells = (s: Sums): Row => ({
  charges: yuan(s.charges),
  reductions: yuan(s.reductions),
  refunds: yuan(s.refunds),
  net: yuan(s.charges - s.reductions - s.refunds),
});

const itemOrder = (item: string | null) => {
  const i = item === null ? -1 : FEE_ITEMS.indexOf(item);
  return i < 0 ? FEE_ITEMS.length : i;
};

export function buildIncome({ entries, classNames, check, totals }: IncomeInput): ReportBody {
  const charged = entries.filter((e) => e.bucket === 'charges' || e.bucket === 'reductions' || e.bucket === 'refunds');
  if (charged.length === 0) return { tables: [], checks: [ledgerCheck(check)], notes: [], empty: NO_BILLS_YET };
  const byItem = new Map<string | null, Sums>();
  const byClassItem = new Map<string, { classId: number | null; item: string | null; sums: Sums }>();
  const all = zero();
  for (const e of charged) {
    const bucket = e.bucket as keyof Sums;
    const item = byItem.get(e.item) ?? zero();
    item[bucket] += e.lineFen;
    byItem.set(e.item, item);
    const key = `${e.classId ?? ''}|${e.item ?? ''}`;
    const cell = byClassItem.get(key) ?? { classId: e.classId, item: e.item, sums: zero() };
    cell.sums[bucket] += e.lineFen;
    byClassItem.set(key, cell);
    all[bucket] += e.lineFen;
  }
  const itemRows = [...byItem]
    .sort((a, b) => itemOrder(a[0]) - itemOrder(b[0]))
    .map(([item, sums]) => ({ item: itemLabel(item), ...moneyCells(sums) }));
  const classOrder = byClassOrder(classNames);
  const className = (id: number | null) => (id === null ? '—' : (classNames.get(id) ?? `#${id}`));
  const classRows = [...byClassItem.values()]
    .sort((a, b) => classOrder(a.classId, b.classId) || itemOrder(a.item) - itemOrder(b.item))
    .map((c) => ({ className: className(c.classId), item: itemLabel(c.item), ...moneyCells(c.sums) }));
  return {
    tables: [
      {
        id: 'items',
        title: ['按收费项目', 'By fee item'],
        columns: [{ key: 'item', label: ['收费项目', 'Fee item'], kind: 'text' }, ...MONEY_COLUMNS],
        rows: itemRows,
        total: { item: ['合计', 'Total'], ...moneyCells(all) },
      },
      {
        id: 'classes',
        title: ['按班级与项目', 'By class and item'],
        columns: [
          { key: 'className', label: ['班级', 'Class'], kind: 'text' },
          { key: 'item', label: ['收费项目', 'Fee item'], kind: 'text' },
          ...MONEY_COLUMNS,
        ],
        rows: classRows,
        total: { className: ['合计', 'Total'], item: '', ...moneyCells(all) },
      },
    ],
    checks: [
      ledgerCheck(check),
      matchCheck(['分项合计核对', 'Items against the ledger'], [
        { zh: '分项收费', en: 'charges by item', fen: all.charges, ledgerFen: totals.charges },
        { zh: '分项减免', en: 'reductions by item', fen: all.reductions, ledgerFen: totals.reductions },
        { zh: '分项退费', en: 'refunds by item', fen: all.refunds, ledgerFen: totals.refunds },
      ]),
    ],
    notes: [
      [
        '按记账日期统计：缴费通知单开具之日记收费与减免，月结之日记退费；作废的通知单以冲销记录在作废当期扣回。班级为幼儿当前所在班级。',
        'Counted by booking date: charges and reductions when a bill is issued, refunds when a month is settled; a voided bill is taken back by its reversal in the period it was voided. Classes are the children’s current classes.',
      ],
    ],
    empty: null,
  };
}
