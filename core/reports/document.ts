import { formatAmount, fromFen } from '../money';
import type { CheckLine } from './check-line';

// One shape for every report, so the screen, the .xlsx file and the printed
// A4 page show the same figures and the same check line, from one builder.
export type Bi = readonly [zh: string, en: string];

export const REPORT_KINDS = ['income', 'cashbook', 'reductions', 'prepaid', 'arrears', 'annual', 'attendance'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Which periods a report can be asked for. */
export const REPORT_PERIODS: Record<ReportKind, readonly ('month' | 'year')[]> = {
  income: ['month', 'year'],
  cashbook: ['month', 'year'],
  reductions: ['month', 'year'],
  prepaid: ['month'],
  arrears: ['month'],
  annual: ['year'],
  attendance: ['month'],
};

export const REPORT_TITLES: Record<ReportKind, Bi> = {
  income: ['收费与退费汇总表', 'Income and refunds'],
  cashbook: ['收款日记账', 'Cash book'],
  reductions: ['减免与资助统计表', 'Reductions and exemptions'],
  prepaid: ['预收款（未服务）明细表', 'Prepaid, not yet served'],
  arrears: ['欠费账龄表', 'Arrears aging'],
  annual: ['幼儿园年度收费报告', 'Annual fee report'],
  attendance: ['幼儿出勤月报表', 'Monthly attendance report'],
};

/** money: "520.00" (negative "-520.00"); count: an integer; percent: "12.5%"; text/date: as is. */
export type ColumnKind = 'text' | 'date' | 'money' | 'count' | 'percent';

export interface Column {
  key: string;
  label: Bi;
  kind: ColumnKind;
}

/** A text cell may carry both languages; print and spreadsheet use the Chinese. */
export type Cell = string | number | Bi | null;
export type Row = Record<string, Cell>;

export interface Table {
  id: string;
  title: Bi;
  columns: Column[];
  rows: Row[];
  total: Row | null;
  /** Shown instead of an empty table. */
  emptyText?: Bi;
}

export interface CheckDoc {
  label: Bi;
  zh: string[];
  en: string[];
  holds: boolean;
}

export interface ReportDoc {
  kind: ReportKind;
  title: Bi;
  periodKey: string;
  periodLabel: Bi;
  /** The day the figures are taken at (the period's end, or today for the running month). */
  asOf: string;
  kindergartenName: string;
  generatedOn: string;
  tables: Table[];
  checks: CheckDoc[];
  /** Definitions and sources, printed under the tables. */
  notes: Bi[];
  /** Nothing to report yet: what to do first. */
  empty: { title: Bi; hint: Bi } | null;
}

export const zhOf = (cell: Cell): string | number | null => (Array.isArray(cell) ? (cell as Bi)[0] : (cell as string | number | null));


/** A money cell: integer fen written as yuan with two decimals. */
export const yuan = (fen: number): string => formatAmount(fromFen(fen));

export function ledgerCheck(line: CheckLine): CheckDoc {
  return { label: ['账户核对', 'Ledger check'], zh: line.text.zh, en: line.text.en, holds: line.holds };
}

/** A report's own cross-check: its rows add up to the line of the ledger check they belong to. */
export function sumCheck(label: Bi, parts: { zh: string; en: string; fen: number }[], total: { zh: string; en: string; fen: number }): CheckDoc {
  const sum = parts.reduce((a, p) => a + p.fen, 0);
  const holds = sum === total.fen;
  const zh = `${parts.map((p) => `${p.zh} ${yuan(p.fen)}`).join(' + ')} = ${yuan(sum)}；${total.zh} ${yuan(total.fen)} ${holds ? '✓' : '✗ 不符'}`;
  const en = `${parts.map((p) => `${p.en} ${yuan(p.fen)}`).join(' + ')} = ${yuan(sum)}; ${total.en} ${yuan(total.fen)} ${holds ? '✓' : '✗ differs'}`;
  return { label, zh: [zh], en: [en], holds };
}

/** What a report builder produces; the handler adds the header (kindergarten, period, dates). */
export type ReportBody = Pick<ReportDoc, 'tables' | 'checks' | 'notes' | 'empty'>;

export const NO_BILLS_YET = {
  title: ['本期尚未开具缴费通知单', 'No bills issued for this period yet'] as Bi,
  hint: ['本月尚未开具缴费通知单，请先到 收费 → 缴费通知单 开具。', 'No bills have been issued yet: issue them first under Fees → Bills.'] as Bi,
};

/** Each figure of the report beside the same figure on the ledger check. */
export function matchCheck(
  label: Bi,
  pairs: { zh: string; en: string; fen: number; ledgerFen: number }[],
  against: Bi = ['账户', 'ledger'],
): CheckDoc {
  const holds = pairs.every((p) => p.fen === p.ledgerFen);
  const zh = pairs.map((p) => `${p.zh} ${yuan(p.fen)} ${p.fen === p.ledgerFen ? '=' : '≠'} ${against[0]} ${yuan(p.ledgerFen)}`).join('；');
  const en = pairs.map((p) => `${p.en} ${yuan(p.fen)} ${p.fen === p.ledgerFen ? '=' : '≠'} ${against[1]} ${yuan(p.ledgerFen)}`).join('; ');
  return { label, zh: [`${zh} ${holds ? '✓' : '✗ 不符'}`], en: [`${en} ${holds ? '✓' : '✗ differs'}`], holds };
}

/** Classes in the order of `names` (托班 to 大班, as the lookup gives them); unknown ids last. */
export function byClassOrder(names: ReadonlyMap<number, string>): (a: number | null, b: number | null) => number {
  const order = new Map([...names.keys()].map((id, i) => [id, i]));
  const rank = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : (order.get(id) ?? Number.MAX_SAFE_INTEGER - 1));
  return (a, b) => rank(a) - rank(b);
}
