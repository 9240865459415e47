// Computes the refunds of 10,000 random child-months through the engine and
// prints the time per 1,000 (target: under 50 ms), beside its floor: the bare
// decimal arithmetic of the same lines (paid x a rate, rounded once), with no
// policy, calendar, validation or explanation. Run: npx tsx bench/refund.ts
import { bundledLegalCalendar, monthsBetween } from '../core/calendar';
import { BUILTIN_POLICY_IDS, type FeeItem } from '../core/policies';
import { Decimal } from '../core/money';
import { type RefundCase, computeRefund } from '../core/refund';
import { median, report } from './lib/floor';

const COUNT = 10_000;
const calendar = bundledLegalCalendar();

// Deterministic (mulberry32) so runs are comparable.
let seed = 20260901;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (max: number) => Math.floor(random() * (max + 1));
const amount = (maxYuan: number) => `${int(maxYuan)}.${String(int(99)).padStart(2, '0')}`;

const SEMESTERS: Array<[string, string]> = [
  ['2026-02', '2026-07'],
  ['2026-09', '2026-12'],
];

function randomCase(): RefundCase {
  const policy = pick(BUILTIN_POLICY_IDS);
  const [first, last] = pick(SEMESTERS);
  const months = monthsBetween(first, last);
  const month = pick(months);
  const billing = pick(['monthly', 'semester'] as const);
  const whole = billing === 'semester' && policy === 'generic-semester-days';
  const soFar = whole ? months.slice(0, months.indexOf(month) + 1) : [month];
  const limit = soFar.reduce((s, m) => s + calendar.legalWorkingDays(m), 0);
  const fees = (['education', 'meal', 'accommodation', 'custody'] as FeeItem[])
    .filter((_item, i) => i === 0 || random() < 0.5)
    .map((item) => (item === 'meal' && random() < 0.5 ? { item, paid: amount(2000), dailyRate: amount(30) } : { item, paid: amount(3000) }));
  const d = int(limit);
  return {
    policy,
    month,
    billing,
    semester: { first, last },
    fees,
    ...(whole ? { semesterPresentDays: d } : { presentDays: d }),
    closureDays: random() < 0.2 ? int(limit - d) : 0,
    reason: pick(['leave', 'leave', 'withdrawal', 'false_advertising'] as const),
  };
}

const cases = Array.from({ length: COUNT }, randomCase);
// Warm-up: policies validated and calendar months cached once, as in the app.
for (const c of cases.slice(0, 500)) computeRefund(c, calendar);

let lines = 0;
const all = () => {
  lines = 0;
  for (const c of cases) lines += computeRefund(c, calendar).lines.length;
};
const amounts = cases.flatMap((c) => c.fees.map((f) => new Decimal(f.paid)));
const rate = new Decimal('0.5');
const arithmetic = () => {
  let total = new Decimal(0);
  for (const paid of amounts) total = total.plus(paid.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  return total;
};
const perThousand = (ms: number) => (ms / COUNT) * 1000;
// Three rounds each, the median reported (the machine is shared).
const engine = perThousand(await median(all, 3));
const floor = perThousand(await median(arithmetic, 3));
console.log(`computed ${COUNT} random child-months (${lines} lines) per round, 3 rounds`);
report('refunds per 1,000 child-months', engine, 'decimal arithmetic of the same lines', floor, 'target < 50 ms');
