// 欠费账龄: issued bills not fully paid by their due date, by how long
// overdue (0-30 / 31-60 / over 60 days), per class and bill by bill.
import type { CheckLine } from './check-line';
import { type Bi, byClassOrder, ledgerCheck, matchCheck, type ReportBody, yuan } from './document';

export const AGING_BANDS = ['d0_30', 'd31_60', 'd60_plus'] as const;
export type AgingBand = (typeof AGING_BANDS)[number];
export const AGING_LABELS: Record<AgingBand, Bi> = {
  d0_30: ['逾期 0-30 天', '0-30 days'],
  d31_60: ['逾期 31-60 天', '31-60 days'],
  d60_plus: ['逾期 60 天以上', 'Over 60 days'],
};

/** Days past the due date (the day after it is day 1). */
export function daysOverdue(dueOn: string, asOf: string): number {
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
}

export function agingBand(days: number): AgingBand {
  return days <= 30 ? 'd0_30' : days <= 60 ? 'd31_60' : 'd60_plus';
}

export interface OverdueBill {
  billId: number;
  number: string;
  householdId: number;
  childName: string;
  classId: number;
  dueOn: string;
  outstandingFen: number;
}

export interface ArrearsInput {
  asOf: string;
  bills: readonly OverdueBill[];
  classNames: ReadonlyMap<number, string>;
  householdLabels: ReadonlyMap<number, string>;
  check: CheckLine;
}

export function buildArrears({ asOf, bills, classNames, check }: ArrearsInput): ReportBody {
  const aged = bills.map((b) => ({ ...b, days: daysOverdue(b.dueOn, asOf) })).sort((a, b) => b.days - a.days || a.number.localeCompare(b.number));
  type Sums = Record<AgingBand, number> & { count: number };
  const zero = (): Sums => ({ d0_30: 0, d31_60: 0, d60_plus: 0, count: 0 });
  const byClass = new Map<number, Sums>();
  const all = zero();
  for (const b of aged) {
    const sums = byClass.get(b.classId) ?? zero();
    const band = agingBand(b.days);
    sums[band] += b.outstandingFen;
    sums.count++;
    all[band] += b.outstandingFen;
    all.count++;
    byClass.set(b.classId, sums);
  }
  const cells = (s: Sums) => ({
    ...Object.fromEntries(AGING_BANDS.map((k) => [k, yuan(s[k])])),
    total: yuan(AGING_BANDS.reduce((a, k) => a + s[k], 0)),
    count: s.count,
  });
  const bandColumns = AGING_BANDS.map((k) => ({ key: k, label: AGING_LABELS[k], kind: 'money' as const }));
  const listed = aged.reduce((a, b) => a + b.outstandingFen, 0);
  return {
    tables: [
      {
        id: 'aging',
        title: ['按班级与账龄', 'By class and age'],
        columns: [
          { key: 'className', label: ['班级', 'Class'], kind: 'text' },
          ...bandColumns,
          { key: 'total', label: ['欠费合计', 'Total'], kind: 'money' },
          { key: 'count', label: ['通知单数', 'Bills'], kind: 'count' },
        ],
        rows: [...byClass]
          .sort((a, b) => byClassOrder(classNames)(a[0], b[0]))
          .map(([classId, s]) => ({ className: classNames.get(classId) ?? `#${classId}`, ...cells(s) })),
        total: { className: ['合计', 'Total'], ...cells(all) },
        emptyText: [`截至 ${asOf} 没有逾期未缴的缴费通知单。`, `No bill is overdue as of ${asOf}.`],
      },
      {
        id: 'bills',
        title: ['逾期通知单', 'Overdue bills'],
        columns: [
          { key: 'number', label: ['通知单号', 'Bill'], kind: 'text' },
          { key: 'child', label: ['幼儿', 'Child'], kind: 'text' },
          { key: 'className', label: ['班级', 'Class'], kind: 'text' },
          { key: 'dueOn', label: ['缴费截止', 'Due'], kind: 'date' },
          { key: 'days', label: ['逾期天数', 'Days overdue'], kind: 'count' },
          { key: 'band', label: ['账龄', 'Age'], kind: 'text' },
          { key: 'outstanding', label: ['未缴金额', 'Outstanding'], kind: 'money' },
        ],
        rows: aged.map((b) => ({
          number: b.number,
          child: b.childName,
          className: classNames.get(b.classId) ?? `#${b.classId}`,
          dueOn: b.dueOn,
          days: b.days,
          band: AGING_LABELS[agingBand(b.days)],
          outstanding: yuan(b.outstandingFen),
        })),
        total: { number: ['合计', 'Total'], child: '', className: '', dueOn: '', days: null, band: '', outstanding: yuan(listed) },
        emptyText: ['没有逾期的缴费通知单。', 'No overdue bills.'],
      },
    ],
    checks: [
      ledgerCheck(check),
      matchCheck(
        ['账龄合计核对', 'Aging against the bills'],
        [
          { zh: '各账龄段合计', en: 'age bands summed', fen: AGING_BANDS.reduce((a, k) => a + all[k], 0), ledgerFen: listed },
        ],
        ['逾期通知单合计', 'overdue bills listed'],
      ),
    ],
    notes: [
      [
        `截至 ${asOf}：已开具、未作废、未被替换的缴费通知单，应缴金额减去已分配到它的收款（不含已作废收据），仍有未缴且已过缴费截止日的，按逾期天数分段。`,
        `As of ${asOf}: issued bills, not voided or replaced, whose amount due less the payments allocated to them (voided receipts excluded) is still unpaid after the due date, grouped by days overdue.`,
      ],
    ],
    empty: null,
  };
}
