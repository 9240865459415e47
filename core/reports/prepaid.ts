// 预收款 (prepaid, not yet served): the escrow view of seed 000's 一课一消.
//
// Definition, for the end of month M and one household:
//   served balance S = every payment in and out booked by the end of M
//                    + the part of every charge, reduction and refund booked by
//                      the end of M that is for months up to M;
//   prepaid = max(0, -S)   money held for service not yet given
//   owed    = max(0,  S)   service given and not yet paid
// A line covering several months (a semester bill) is spread evenly over its
// months (cumulative rounding half-up, so the months add up to the line);
// a refund is for the month it settles. The household's balance is then
// S + F, where F is what was booked for months after M; the prepaid money is
// released into those months in order, and what no bill has yet claimed
// stays as credit (结余) for bills still to come.
import { nextMonth, prevMonth } from '../calendar/dates';
import { monthSpan } from '../calendar';
import { Decimal } from '../money';
import type { Bucket } from './check-line';

export interface PrepaidEntry {
  householdId: number;
  bucket: Bucket;
  /** Signed ledger amount, fen (+ = the family owes more). */
  amountFen: number;
  /** The months a charge, reduction or refund is for; ignored for money in and out. */
  periodFirst: string;
  periodLast: string;
}

const isMoney = (bucket: Bucket) => bucket === 'paymentsIn' || bucket === 'paymentsOut';

/** The part of `amountFen` spread over first..last that falls in months up to `month`. */
export function servedFen(amountFen: number, first: string, last: string, month: string): number {
  if (month < first) return 0;
  if (month >= last) return amountFen;
  const months = monthSpan(first, last);
  const served = monthSpan(first, month);
  return new Decimal(amountFen).times(served).dividedBy(months).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

export interface HouseholdPrepaid {
  householdId: number;
  /** S: money in and out plus what was served up to the month. */
  servedBalanceFen: number;
  prepaidFen: number;
  owedFen: number;
  /** F: booked for months after the month. */
  futureFen: number;
  /** The household's balance, S + F. */
  balanceFen: number;
  /** The prepaid money released month by month into what is booked for later months. */
  release: { month: string; fen: number }[];
  /** Prepaid money no bill has claimed yet (credit for bills still to come). */
  unbilledFen: number;
}

/** Per household, from every entry booked by the end of `month`. */
export function prepaidAt(entries: readonly PrepaidEntry[], month: string): HouseholdPrepaid[] {
  const byHousehold = new Map<number, PrepaidEntry[]>();
  for (const e of entries) {
    const list = byHousehold.get(e.householdId);
    if (list) list.push(e);
    else byHousehold.set(e.householdId, [e]);
  }
  const out: HouseholdPrepaid[] = [];
  for (const [householdId, list] of [...byHousehold].sort((a, b) => a[0] - b[0])) {
    let served = 0;
    const future = new Map<string, number>();
    for (const e of list) {
      if (isMoney(e.bucket)) {
        served += e.amountFen;
        continue;
      }
      served += servedFen(e.amountFen, e.periodFirst, e.periodLast, month);
      if (e.periodLast <= month) continue;
      // Month by month after `month`, each month's share is the step of the cumulative share.
      let m = e.periodFirst > month ? e.periodFirst : nextMonth(month);
      while (m <= e.periodLast) {
        const step = servedFen(e.amountFen, e.periodFirst, e.periodLast, m) - servedFen(e.amountFen, e.periodFirst, e.periodLast, prevMonth(m));
        future.set(m, (future.get(m) ?? 0) + step);
        m = nextMonth(m);
      }
    }
    const futureFen = [...future.values()].reduce((a, b) => a + b, 0);
    const prepaidFen = Math.max(0, -served);
    let left = prepaidFen;
    const release: { month: string; fen: number }[] = [];
    for (const [m, fen] of [...future].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const take = Math.min(left, Math.max(0, fen));
      if (take > 0) release.push({ month: m, fen: take });
      left -= take;
    }
    out.push({
      householdId,
      servedBalanceFen: served,
      prepaidFen,
      owedFen: Math.max(0, served),
      futureFen,
      balanceFen: served + futureFen,
      release,
      unbilledFen: left,
    });
  }
  return out;
}

