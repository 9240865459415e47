// 收款日记账: money in and out by method (cash / WeChat / Alipay / bank /
// POS), day by day in a month (month by month in a year), each receipt listed;
// a voided receipt appears again on the day it was voided, with the sign turned.
import { monthOf } from '../calendar/dates';
import type { BucketTotals, CheckLine } from './check-line';
import { type Column, ledgerCheck, matchCheck, type ReportBody, type Row, yuan } from './document';
import type { ReportEntry } from './entries';
import { METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from './labels';

export interface ReceiptFacts {
  receiptNo: string;
  method: PaymentMethod;
  direction: 'in' | 'out';
  paidOn: string;
  payerName: string;
}

export interface CashBookInput {
  entries: readonly ReportEntry[];
  payments: ReadonlyMap<number, ReceiptFacts>;
  householdLabels: ReadonlyMap<number, string>;
  /** Day rows for a month, month rows for a year. */
  byMonth: boolean;
  check: CheckLine;
  totals: BucketTotals;
}

type MethodSums = Record<PaymentMethod, number>;
const noMethods = (): MethodSums => ({ cash: 0, wechat: 0, alipay: 0, bank: 0, pos: 0 });

export function buildCashBook({ entries, payments, householdLabels, byMonth, check, totals }: CashBookInput): ReportBody {
  const money = entries.filter((e) => e.bucket === 'paymentsIn' || e.bucket === 'paymentsOut');
  const inByMethod = noMethods();
  const outByMethod = noMethods();
  const days = new Map<string, { in: MethodSums; out: number }>();
  const receipts: Row[] = [];
  for (const e of [...money].sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.id - b.id))) {
    const receipt = e.paymentId === null ? undefined : payments.get(e.paymentId);
    const method: PaymentMethod = receipt?.method ?? 'cash';
    const key = byMonth ? monthOf(e.entryDate) : e.entryDate;
    const day = days.get(key) ?? { in: noMethods(), out: 0 };
    if (e.bucket === 'paymentsIn') {
      inByMethod[method] += e.lineFen;
      day.in[method] += e.lineFen;
    } else {
      outByMethod[method] += e.lineFen;
      day.out += e.lineFen;
    }
    days.set(key, day);
    receipts.push({
      date: e.entryDate,
      receiptNo: receipt?.receiptNo ?? '—',
      family: householdLabels.get(e.householdId) ?? `#${e.householdId}`,
      method: METHOD_LABELS[method],
      in: e.bucket === 'paymentsIn' ? yuan(e.lineFen) : '',
      out: e.bucket === 'paymentsOut' ? yuan(e.lineFen) : '',
      note: e.isReversal ? ['作废冲销', 'Voided (reversal)'] : '',
    });
  }
  const sumOf = (m: MethodSums) => PAYMENT_METHODS.reduce((a, k) => a + m[k], 0);
  const methodRows = PAYMENT_METHODS.map((m) => ({
    method: METHOD_LABELS[m],
    in: yuan(inByMethod[m]),
    out: yuan(outByMethod[m]),
    net: yuan(inByMethod[m] - outByMethod[m]),
  }));
  let running = 0;
  const dayRows = [...days]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([date, d]) => {
      const dayIn = sumOf(d.in);
      running += dayIn - d.out;
      return {
        date,
        ...Object.fromEntries(PAYMENT_METHODS.map((m) => [m, yuan(d.in[m])])),
        in: yuan(dayIn),
        out: yuan(d.out),
        net: yuan(dayIn - d.out),
        running: yuan(running),
      } as Row;
    });
  const allIn = sumOf(inByMethod);
  const allOut = sumOf(outByMethod);
  const methodColumns: Column[] = PAYMENT_METHODS.map((m) => ({ key: m, label: METHOD_LABELS[m], kind: 'money' }));
  return {
    tables: [
      {
        id: 'methods',
        title: ['按收款方式', 'By method'],
        columns: [
          { key: 'method', label: ['收款方式', 'Method'], kind: 'text' },
          { key: 'in', label: ['收款', 'In'], kind: 'money' },
          { key: 'out', label: ['付出（退款）', 'Out (paid back)'], kind: 'money' },
          { key: 'net', label: ['净额', 'Net'], kind: 'money' },
        ],
        rows: methodRows,
        total: { method: ['合计', 'Total'], in: yuan(allIn), out: yuan(allOut), net: yuan(allIn - allOut) },
      },
      {
        id: 'days',
        title: byMonth ? ['逐月', 'Month by month'] : ['逐日', 'Day by day'],
        columns: [
          { key: 'date', label: byMonth ? ['月份', 'Month'] : ['日期', 'Date'], kind: 'date' },
          ...methodColumns,
          { key: 'in', label: ['收款合计', 'In'], kind: 'money' },
          { key: 'out', label: ['付出', 'Out'], kind: 'money' },
          { key: 'net', label: ['净额', 'Net'], kind: 'money' },
          { key: 'running', label: ['累计', 'Running'], kind: 'money' },
        ],
        rows: dayRows,
        total: {
          date: ['合计', 'Total'],
          ...Object.fromEntries(PAYMENT_METHODS.map((m) => [m, yuan(inByMethod[m])])),
          in: yuan(allIn),
          out: yuan(allOut),
          net: yuan(allIn - allOut),
          running: '',
        },
        emptyText: ['本期没有收款或付出。', 'No money in or out in this period.'],
      },
      {
        id: 'receipts',
        title: ['收据明细', 'Receipts'],
        columns: [
          { key: 'date', label: ['日期', 'Date'], kind: 'date' },
          { key: 'receiptNo', label: ['收据号', 'Receipt'], kind: 'text' },
          { key: 'family', label: ['家庭（幼儿）', 'Family'], kind: 'text' },
          { key: 'method', label: ['方式', 'Method'], kind: 'text' },
          { key: 'in', label: ['收款', 'In'], kind: 'money' },
          { key: 'out', label: ['付出', 'Out'], kind: 'money' },
          { key: 'note', label: ['备注', 'Note'], kind: 'text' },
        ],
        rows: receipts,
        total: { date: ['合计', 'Total'], receiptNo: '', family: '', method: '', in: yuan(allIn), out: yuan(allOut), note: '' },
        emptyText: ['本期没有收据。', 'No receipts in this period.'],
      },
    ],
    checks: [
      ledgerCheck(check),
      matchCheck(['收款方式合计核对', 'Methods against the ledger'], [
        { zh: '各方式收款合计', en: 'money in by method', fen: allIn, ledgerFen: totals.paymentsIn },
        { zh: '各方式付出合计', en: 'money out by method', fen: allOut, ledgerFen: totals.paymentsOut },
      ]),
    ],
    notes: [
      [
        '按收款（付出）日期记账；已作废的收据保留原号，并在作废当日以冲销记录扣回。',
        'Booked on the day money changed hands; a voided receipt keeps its number and is taken back on the day it was voided.',
      ],
    ],
    empty: null,
  };
}
