import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar } from '../../../../core/calendar';
import { getBuiltinPolicy, type Policy } from '../../../../core/policies';
import {
  attendanceMonths,
  type BillFact,
  type BillLineFact,
  type BookedLine,
  type ChildFact,
  chargesFor,
  type MonthAttendance,
  planChild,
  settledItemsFor,
} from '../../../../core/settlement';

const calendar = bundledLegalCalendar();
const nantong = getBuiltinPolicy('nantong-2018')!;
const generic = getBuiltinPolicy('generic-semester-days')!;

const child = (over: Partial<ChildFact> = {}): ChildFact => ({
  id: 7,
  name: '张子轩',
  classId: 1,
  className: '星星班',
  householdId: 3,
  enrolledOn: '2026-09-01',
  status: 'enrolled',
  statusSince: '2026-09-01',
  ...over,
});

const line = (over: Partial<BillLineFact>): BillLineFact => ({
  billId: 1,
  kind: 'charge',
  item: 'education',
  periodFirst: '2026-10',
  periodLast: '2026-10',
  quantity: 1,
  unitPriceFen: 52000,
  amountFen: 52000,
  standardUnit: 'month',
  ...over,
});

const monthlyBill = (lines: BillLineFact[], id = 1): BillFact => ({
  id,
  number: `JF2026-0000${id}`,
  householdId: 3,
  billing: 'monthly',
  periodFirst: '2026-10',
  periodLast: '2026-10',
  lines: lines.map((l) => ({ ...l, billId: id })),
});

const attendance = (month: string, present: number, more: Partial<MonthAttendance> = {}) =>
  [month, { month, W: calendar.legalWorkingDays(month), present, closureDays: 0, unrecorded: 0, missingDates: [], ...more }] as const;

function plan(input: { bills: BillFact[]; att: ReturnType<typeof attendance>[]; month?: string; c?: ChildFact; policy?: Policy; settled?: Set<string> }) {
  return planChild({
    month: input.month ?? '2026-10',
    child: input.c ?? child(),
    bills: input.bills,
    attendance: new Map(input.att),
    settledItems: input.settled ?? new Set(),
    policy: input.policy ?? nantong,
    calendar,
  });
}

describe('charges billed for a month', () => {
  it('takes each engine item once: charge minus its reductions, daily rate from a per-day standard, other items left out', () => {
    const bill = monthlyBill([
      line({}),
      line({ kind: 'reduction', amountFen: 26000, unitPriceFen: 26000, standardUnit: null }),
      line({ item: 'meal', quantity: 18, unitPriceFen: 1500, amountFen: 27000, standardUnit: 'day' }),
      line({ item: 'bus', amountFen: 20000, unitPriceFen: 20000 }),
    ]);
    const { groups, problem } = chargesFor('2026-10', [bill]);
    expect(problem).toBeNull();
    expect(groups).toEqual([
      {
        first: '2026-10',
        last: '2026-10',
        billing: 'monthly',
        items: [
          { item: 'education', billId: 1, baseFen: 26000, dailyRateFen: null },
          { item: 'meal', billId: 1, baseFen: 27000, dailyRateFen: 1500 },
        ],
      },
    ]);
  });

  it('keeps a semester charge apart from the month lines of the same bill, and ignores lines of other months', () => {
    const semester: BillFact = {
      id: 2,
      number: 'JF2026-00002',
      householdId: 3,
      billing: 'semester',
      periodFirst: '2026-09',
      periodLast: '2027-01',
      lines: [
        line({ billId: 2, periodFirst: '2026-09', periodLast: '2027-01', quantity: 5, amountFen: 260000 }),
        line({ billId: 2, item: 'meal', periodFirst: '2026-09', periodLast: '2026-09', quantity: 22, unitPriceFen: 1500, amountFen: 33000, standardUnit: null }),
        line({ billId: 2, item: 'meal', periodFirst: '2026-10', periodLast: '2026-10', quantity: 18, unitPriceFen: 1500, amountFen: 27000, standardUnit: null }),
      ],
    };
    const { groups } = chargesFor('2026-10', [semester]);
    expect(groups.map((g) => [g.billing, g.first, g.last, g.items.map((i) => [i.item, i.baseFen, i.dailyRateFen])])).toEqual([
      ['semester', '2026-09', '2027-01', [['education', 260000, null]]],
      ['monthly', '2026-10', '2026-10', [['meal', 27000, 1500]]],
    ]);
  });

  it('takes a month’s own part of meals charged by the day for a semester (daily rate x that month’s W), when the days add up', () => {
    const days = (m: string) => calendar.legalWorkingDays(m);
    const semester: BillFact = {
      id: 3,
      number: 'JF2026-00003',
      householdId: 3,
      billing: 'semester',
      periodFirst: '2026-09',
      periodLast: '2026-12',
      lines: [
        line({ billId: 3, periodFirst: '2026-09', periodLast: '2026-12', quantity: 4, amountFen: 200000 }),
        // 22 + 18 + 21 + 23 legal working days.
        line({ billId: 3, item: 'meal', periodFirst: '2026-09', periodLast: '2026-12', quantity: 84, unitPriceFen: 1500, amountFen: 126000, standardUnit: 'day' }),
      ],
    };
    const { groups } = chargesFor('2026-10', [semester], days);
    expect(groups.map((g) => [g.billing, g.first, g.last, g.items.map((i) => [i.item, i.baseFen, i.dailyRateFen])])).toEqual([
      ['semester', '2026-09', '2026-12', [['education', 200000, null]]],
      ['monthly', '2026-10', '2026-10', [['meal', 27000, 1500]]],
    ]);
    // Days that do not add up to the calendar's (or a whole-semester policy): the semester charge as billed.
    const odd = { ...semester, lines: [{ ...semester.lines[1]!, quantity: 80, amountFen: 120000 }] };
    expect(chargesFor('2026-10', [odd], days).groups[0]).toMatchObject({ billing: 'semester', items: [{ item: 'meal', baseFen: 120000 }] });
    expect(chargesFor('2026-10', [semester]).groups.map((g) => g.billing)).toEqual(['semester']);
    // Settled on October's days: full attendance refunds nothing.
    const result = plan({ bills: [semester], att: [attendance('2026-10', 18)] });
    expect(result.kind === 'settle' && result.lines.find((l) => l.item === 'meal')).toMatchObject({ baseFen: 27000, refundFen: 0 });
  });

  it('flags an item charged on two live bills for the same month', () => {
    const { problem } = chargesFor('2026-10', [monthlyBill([line({})], 1), monthlyBill([line({})], 2)]);
    expect(problem).toEqual({ kind: 'duplicate', item: 'education' });
  });
});

describe('planning one child-month', () => {
  it('settles a monthly payer on leave exactly as the engine does, one line per billed item', () => {
    const result = plan({ bills: [monthlyBill([line({}), line({ item: 'meal', quantity: 18, unitPriceFen: 1500, amountFen: 27000, standardUnit: 'day' })])], att: [attendance('2026-10', 3)] });
    expect(result.kind).toBe('settle');
    if (result.kind !== 'settle') return;
    expect(result).toMatchObject({ billing: 'monthly', reason: 'leave', presentDays: 3, closureDays: 0, totalFen: 41600 + 22500 });
    expect(result.lines.map((l) => [l.item, l.baseFen, l.refundFen, l.clause])).toEqual([
      ['education', 52000, 41600, 'NT-3.3'],
      ['meal', 27000, 22500, 'NT-3.4'],
    ]);
    expect(result.lines[0]!.explanation).toContain('退还保教费 80%');
    expect(result.cases[0]!.refundCase).toMatchObject({ billing: 'monthly', presentDays: 3, fees: [{ item: 'education', paid: '520.00' }, { item: 'meal', paid: '270.00', dailyRate: '15.00' }] });
  });

  it('is unsettled with the first day that has no roll call, and says what to do', () => {
    const result = plan({ bills: [monthlyBill([line({})])], att: [attendance('2026-10', 10, { unrecorded: 2, missingDates: ['2026-10-12', '2026-10-13'] })] });
    expect(result).toMatchObject({ kind: 'unsettled', problem: { code: 'missing_attendance', link: { to: 'attendance', childId: 7, month: '2026-10' } } });
    if (result.kind === 'unsettled') expect(result.problem.zh).toBe('2026-10-12 等 2 个工作日没有考勤记录，请在“考勤”中补录后再结算。');
  });

  it('settles the month a child left in as a withdrawal, and a semester share refunds the later months whole', () => {
    const bill: BillFact = {
      id: 4,
      number: 'JF2026-00004',
      householdId: 3,
      billing: 'semester',
      periodFirst: '2026-09',
      periodLast: '2027-01',
      lines: [line({ billId: 4, periodFirst: '2026-09', periodLast: '2027-01', quantity: 5, amountFen: 210000 })],
    };
    const left = child({ status: 'withdrawn', statusSince: '2026-10-19' });
    const result = plan({ bills: [bill], att: [attendance('2026-10', 6)], c: left });
    expect(result.kind).toBe('settle');
    if (result.kind !== 'settle') return;
    expect(result.reason).toBe('withdrawal');
    expect(result.billing).toBe('semester');
    // 420 share, 6 of W=18 days present -> 50% = 210, plus Nov-Jan whole = 1260.
    expect(result.lines[0]).toMatchObject({ item: 'education', baseFen: 42000, refundFen: 147000 });
    expect(result.lines[0]!.inputs).toMatchObject({ month: '2026-10', coversThrough: '2027-01', laterMonths: 3 });
  });

  it('a later month of a semester the child left waits for the leaving month, which refunds it whole', () => {
    const bill: BillFact = {
      id: 6,
      number: 'JF2026-00006',
      householdId: 3,
      billing: 'semester',
      periodFirst: '2026-09',
      periodLast: '2027-01',
      lines: [line({ billId: 6, periodFirst: '2026-09', periodLast: '2027-01', quantity: 5, amountFen: 210000 })],
    };
    const left = child({ status: 'withdrawn', statusSince: '2026-10-19' });
    const nov = plan({ month: '2026-11', bills: [bill], att: [attendance('2026-11', 0)], c: left });
    expect(nov).toMatchObject({ kind: 'unsettled', problem: { code: 'not_due', link: { to: 'settlement', month: '2026-10' } } });
    if (nov.kind === 'unsettled') expect(nov.problem.zh).toContain('请先结算 2026-10');
    expect(plan({ month: '2026-11', bills: [bill], att: [attendance('2026-11', 0)], c: left, settled: new Set(['education']) }).kind).toBe('skip');
  });

  it('a child leaving on the 1st left in the month before', () => {
    const left = child({ status: 'withdrawn', statusSince: '2026-11-01' });
    const oct = plan({ bills: [monthlyBill([line({})])], att: [attendance('2026-10', 18)], c: left });
    expect(oct.kind === 'settle' && oct.reason).toBe('withdrawal');
  });

  it('does not settle again what an earlier settlement covered, and skips a child with nothing left', () => {
    const bills = [monthlyBill([line({}), line({ item: 'meal', quantity: 18, unitPriceFen: 1500, amountFen: 27000, standardUnit: 'day' })])];
    const some = plan({ bills, att: [attendance('2026-10', 3)], settled: new Set(['education']) });
    expect(some.kind === 'settle' && some.lines.map((l) => l.item)).toEqual(['meal']);
    expect(plan({ bills, att: [attendance('2026-10', 3)], settled: new Set(['education', 'meal']) }).kind).toBe('skip');
  });

  describe('generic-semester-days (GS-1): a semester payer is settled once', () => {
    const semesterBill: BillFact = {
      id: 5,
      number: 'JF2026-00005',
      householdId: 3,
      billing: 'semester',
      periodFirst: '2026-09',
      periodLast: '2026-12',
      lines: [line({ billId: 5, periodFirst: '2026-09', periodLast: '2026-12', quantity: 4, amountFen: 208000 })],
    };

    it('is not due in the middle of the semester (unsettled, with the month it is settled in)', () => {
      const result = plan({ bills: [semesterBill], att: [attendance('2026-10', 3)], policy: generic });
      expect(result).toMatchObject({ kind: 'unsettled', problem: { code: 'not_due', link: null } });
      if (result.kind === 'unsettled') expect(result.problem.zh).toContain('2026-12');
    });

    it('at the end of the semester presentDays counts the whole semester', () => {
      const c = child();
      expect(attendanceMonths('2026-12', c, [semesterBill], generic)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
      const result = plan({
        month: '2026-12',
        bills: [semesterBill],
        att: [attendance('2026-09', 2), attendance('2026-10', 3), attendance('2026-11', 4), attendance('2026-12', 0)],
        policy: generic,
      });
      expect(result.kind).toBe('settle');
      if (result.kind !== 'settle') return;
      expect(result.presentDays).toBe(9);
      expect(result.cases[0]!.refundCase.semesterPresentDays).toBe(9);
      // s = 9 <= 10: 80% of the semester fee.
      expect(result.lines[0]).toMatchObject({ clause: 'GS-1', refundFen: 166400 });
      expect(result.lines[0]!.inputs.coversThrough).toBe('2026-12');
    });

    it('in the month the child leaves, days up to then, once', () => {
      const left = child({ status: 'withdrawn', statusSince: '2026-11-09' });
      const result = plan({ month: '2026-11', bills: [semesterBill], att: [attendance('2026-09', 20), attendance('2026-10', 15), attendance('2026-11', 5)], c: left, policy: generic });
      expect(result.kind === 'settle' && [result.reason, result.presentDays, result.lines[0]!.clause]).toEqual(['withdrawal', 40, 'GS-1']);
    });

    it('a semester month without attendance stops it', () => {
      const result = plan({
        month: '2026-12',
        bills: [semesterBill],
        att: [attendance('2026-09', 2), attendance('2026-10', 3, { unrecorded: 1, missingDates: ['2026-10-20'] }), attendance('2026-11', 4), attendance('2026-12', 0)],
        policy: generic,
      });
      expect(result).toMatchObject({ kind: 'unsettled', problem: { code: 'missing_attendance', link: { month: '2026-10' } } });
    });
  });
});

describe('what earlier settlements settled', () => {
  const booked = (over: Partial<BookedLine>): BookedLine => ({ item: 'education', billId: 1, month: '2026-10', coversThrough: '2026-10', clause: 'NT-3.3', deltaFen: 100, ...over });

  it('a month-end settlement leaves out items booked for the month, a re-settlement keeps them; a covering line counts either way', () => {
    const lines = [booked({}), booked({ item: 'meal', month: '2026-09', coversThrough: '2026-12' }), booked({ item: 'custody', month: '2026-09', coversThrough: '2026-09' })];
    expect([...settledItemsFor('2026-10', lines, true)].sort()).toEqual(['education', 'meal']);
    expect([...settledItemsFor('2026-10', lines, false)]).toEqual(['meal']);
  });
});
