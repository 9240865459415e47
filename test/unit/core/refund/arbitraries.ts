// Random child-months for property tests and the benchmark's twin in bench/.
import fc from 'fast-check';
import { bundledLegalCalendar, monthsBetween } from '../../../../core/calendar';
import type { FeeItem, Reason } from '../../../../core/policies';
import type { RefundCase } from '../../../../core/refund';

const calendar = bundledLegalCalendar();
const SEMESTERS: Array<[string, string]> = [
  ['2026-02', '2026-07'],
  ['2026-03', '2026-07'],
  ['2026-09', '2026-12'],
  ['2025-09', '2026-01'],
];

const fen = (max: number) => fc.integer({ min: 0, max }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);

const feeArb = (item: FeeItem) =>
  fc.record({ paid: fen(2_000_000), dailyRate: fc.option(fen(5_000), { nil: undefined }) }).map(({ paid, dailyRate }) =>
    item === 'meal' || item === 'custody' ? { item, paid, ...(dailyRate ? { dailyRate } : {}) } : { item, paid },
  );

const feesArb = fc
  .subarray(['education', 'meal', 'accommodation', 'custody'] as FeeItem[], { minLength: 1 })
  .chain((items) => fc.tuple(...items.map(feeArb)));

/** A valid case for `policy` (any reason, billing, closure), with W from the 2025-2026 calendar. */
export function caseArb(policy: string, reasons: readonly Reason[] = ['leave', 'withdrawal', 'false_advertising']): fc.Arbitrary<RefundCase> {
  return fc
    .record({
      semester: fc.constantFrom(...SEMESTERS),
      billing: fc.constantFrom('monthly' as const, 'semester' as const),
      monthPick: fc.nat(),
      fees: feesArb,
      dRaw: fc.nat(),
      cRaw: fc.nat(),
      withClosure: fc.boolean(),
      reason: fc.constantFrom(...reasons),
    })
    .map(({ semester, billing, monthPick, fees, dRaw, cRaw, withClosure, reason }) => {
      const months = monthsBetween(semester[0], semester[1]);
      const month = months[monthPick % months.length] as string;
      const whole = billing === 'semester' && policy === 'generic-semester-days';
      const soFar = months.slice(0, months.indexOf(month) + 1);
      const W = (whole ? months : [month]).reduce((s, m) => s + calendar.legalWorkingDays(m), 0);
      const limit = whole ? soFar.reduce((s, m) => s + calendar.legalWorkingDays(m), 0) : W;
      const d = dRaw % (limit + 1);
      const closureDays = withClosure ? cRaw % (W - d + 1) : 0;
      return {
        policy,
        month,
        billing,
        ...(billing === 'semester' ? { semester: { first: semester[0], last: semester[1] } } : {}),
        fees,
        ...(whole ? { semesterPresentDays: d } : { presentDays: d }),
        closureDays,
        reason,
      };
    });
}

export function presentDaysOf(c: RefundCase): number {
  return (c.semesterPresentDays ?? c.presentDays) as number;
}

export function withPresentDays(c: RefundCase, d: number): RefundCase {
  return c.semesterPresentDays != null ? { ...c, semesterPresentDays: d } : { ...c, presentDays: d };
}
