// 预收款明细: the money held for service not yet given at a month's end, per
// household and in total, and the months it will be released into.
import type { CheckLine } from './check-line';
import { type Column, type CheckDoc, ledgerCheck, type ReportBody, type Row, yuan } from './document';
import type { HouseholdPrepaid } from './prepaid';

export interface PrepaidInput {
  month: string;
  households: readonly HouseholdPrepaid[];
  householdLabels: ReadonlyMap<number, string>;
  check: CheckLine;
  /** The households' balances summed at the month's end, from the ledger (fen). */
  closingFen: number;
}

export const PREPAID_DEFINITION = [
  '预收款（月末）：每户截至月末的收款减去付出，再减去截至本月已提供服务的净应收（收费 − 减免 − 退费；按学期等跨月收取的按月平均分摊，退费计入所结算的月份），差额为负即为预收款。预收款按月释放到以后各月已开具的收费中，尚未开具的部分为结余，留待以后的缴费通知单。',
  'Prepaid at month end: per household, money received minus money paid back, minus the net charges (charges − reductions − refunds) for service given up to the month (a line covering several months is spread evenly over them; a refund counts in the month it settles). A negative result is money held for service not yet given. It is released month by month into what is already billed for later months; what no bill claims yet stays as credit for bills to come.',
] as const;

export function buildPrepaid({ month, households, householdLabels, check, closingFen }: PrepaidInput): ReportBody {
  const releaseMonths = [...new Set(households.flatMap((h) => h.release.map((r) => r.month)))].sort();
  const shown = households.filter((h) => h.prepaidFen > 0);
  const sum = (f: (h: HouseholdPrepaid) => number, list: readonly HouseholdPrepaid[] = households) => list.reduce((a, h) => a + f(h), 0);
  const releaseOf = (h: HouseholdPrepaid, m: string) => h.release.find((r) => r.month === m)?.fen ?? 0;
  const releaseColumns: Column[] = releaseMonths.map((m) => ({ key: `r${m}`, label: [`${m} 释放`, `Released ${m}`], kind: 'money' }));
  const rows: Row[] = shown.map((h) => ({
    family: householdLabels.get(h.householdId) ?? `#${h.householdId}`,
    prepaid: yuan(h.prepaidFen),
    future: yuan(h.futureFen),
    balance: yuan(h.balanceFen),
    ...Object.fromEntries(releaseMonths.map((m) => [`r${m}`, yuan(releaseOf(h, m))])),
    unbilled: yuan(h.unbilledFen),
  }));
  const owed = sum((h) => h.owedFen);
  const prepaid = sum((h) => h.prepaidFen);
  const future = sum((h) => h.futureFen);
  const balances = sum((h) => h.balanceFen);
  const holds = owed - prepaid + future === closingFen && balances === closingFen;
  const own: CheckDoc = {
    label: ['预收款核对', 'Prepaid check'],
    zh: [
      `已服务未缴 ${yuan(owed)} − 预收款 ${yuan(prepaid)} + 已开具未服务 ${yuan(future)} = ${yuan(owed - prepaid + future)}；月末各户余额合计 ${yuan(closingFen)} ${holds ? '✓' : '✗ 不符'}`,
    ],
    en: [
      `owed for service given ${yuan(owed)} − prepaid ${yuan(prepaid)} + billed for later months ${yuan(future)} = ${yuan(owed - prepaid + future)}; household balances at month end ${yuan(closingFen)} ${holds ? '✓' : '✗ differs'}`,
    ],
    holds,
  };
  return {
    tables: [
      {
        id: 'release',
        title: ['按月释放', 'Release by month'],
        columns: [
          { key: 'month', label: ['月份', 'Month'], kind: 'date' },
          { key: 'amount', label: ['释放金额', 'Released'], kind: 'money' },
        ],
        rows: [
          ...releaseMonths.map((m) => ({ month: m, amount: yuan(sum((h) => releaseOf(h, m))) })),
          { month: ['尚未开具（结余）', 'Not yet billed (credit)'], amount: yuan(sum((h) => h.unbilledFen)) },
        ],
        total: { month: [`${month} 月末预收款合计`, `Prepaid at the end of ${month}`], amount: yuan(prepaid) },
      },
      {
        id: 'households',
        title: ['按家庭', 'By household'],
        columns: [
          { key: 'family', label: ['家庭（幼儿）', 'Family'], kind: 'text' },
          { key: 'prepaid', label: ['预收款', 'Prepaid'], kind: 'money' },
          { key: 'future', label: ['已开具未服务', 'Billed for later months'], kind: 'money' },
          { key: 'balance', label: ['月末余额', 'Balance'], kind: 'money' },
          ...releaseColumns,
          { key: 'unbilled', label: ['结余（未开具）', 'Credit (not billed)'], kind: 'money' },
        ],
        rows,
        total: {
          family: ['合计', 'Total'],
          prepaid: yuan(prepaid),
          future: yuan(sum((h) => h.futureFen, shown)),
          balance: yuan(sum((h) => h.balanceFen, shown)),
          ...Object.fromEntries(releaseMonths.map((m) => [`r${m}`, yuan(sum((h) => releaseOf(h, m)))])),
          unbilled: yuan(sum((h) => h.unbilledFen)),
        },
        emptyText: ['本月末没有预收款。', 'No money held in advance at this month’s end.'],
      },
    ],
    checks: [ledgerCheck(check), own],
    notes: [PREPAID_DEFINITION],
    empty: null,
  };
}
