import { describe, expect, it } from 'vitest';
import { bundledLegalCalendar, LegalCalendar } from '../../../../core/calendar';
import { CalendarMissingError } from '../../../../core/calendar';
import { getBuiltinPolicy } from '../../../../core/policies';
import {
  absorbedLines,
  addWorkingDays,
  afterLeavingLines,
  amountToReturnFen,
  type BillFact,
  bookedByItem,
  type BookedLine,
  differenceLines,
  hasDifference,
  leavingMonth,
  monthsAfterLeaving,
  type PlannedLine,
  unrecordedDates,
} from '../../../../core/settlement';

const planned = (over: Partial<PlannedLine>): PlannedLine => ({
  billId: 1,
  item: 'education',
  baseFen: 52000,
  refundFen: 41600,
  clause: 'NT-3.3',
  explanation: '本月在园 3 天，不超过 4 天，依南通市收费文件第三条第3款退还保教费 80%，计 416.00 元。',
  inputs: { month: '2026-10', coversThrough: '2026-10' },
  ...over,
});
const booked = (over: Partial<BookedLine>): BookedLine => ({ item: 'education', billId: 1, month: '2026-10', coversThrough: '2026-10', clause: 'NT-3.3', deltaFen: 26000, ...over });

describe('a re-settlement books only the difference', () => {
  it('sums what each earlier line booked per item (a correction adds its own difference)', () => {
    const previous = bookedByItem('2026-10', [booked({}), booked({ deltaFen: 15600 }), booked({ item: 'meal', deltaFen: 1500 }), booked({ month: '2026-09', deltaFen: 999 })]);
    expect(previous.get('education')?.fen).toBe(41600);
    expect(previous.get('meal')?.fen).toBe(1500);
  });

  it('names the old and new figures, and what is paid back or taken back', () => {
    const lines = differenceLines('2026-10', [planned({}), planned({ item: 'meal', refundFen: 1000, clause: 'NT-3.4' })], bookedByItem('2026-10', [booked({}), booked({ item: 'meal', deltaFen: 1500 })]), '考勤更正后重新计算');
    expect(lines.map((l) => [l.item, l.previousFen, l.refundFen, l.deltaFen])).toEqual([
      ['education', 26000, 41600, 15600],
      ['meal', 1500, 1000, -500],
    ]);
    expect(lines[0]!.explanation).toBe(
      '考勤更正后重新计算：本月在园 3 天，不超过 4 天，依南通市收费文件第三条第3款退还保教费 80%，计 416.00 元。原已退 260.00 元，现应退 416.00 元，本次补退 156.00 元。',
    );
    expect(lines[1]!.explanation).toMatch(/本次扣回 5\.00 元。$/);
    expect(hasDifference(lines)).toBe(true);
  });

  it('an item booked before and no longer billed is taken back; nothing changed means nothing to book', () => {
    const gone = differenceLines('2026-10', [], bookedByItem('2026-10', [booked({})]), '考勤更正后重新计算');
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({ refundFen: 0, previousFen: 26000, deltaFen: -26000, clause: 'NT-3.3' });
    const same = differenceLines('2026-10', [planned({ refundFen: 26000 })], bookedByItem('2026-10', [booked({})]), 'x');
    expect(hasDifference(same)).toBe(false);
    expect(same[0]!.explanation).toContain('无差额');
  });

  it('a first settlement through it books the refund as it is', () => {
    const first = differenceLines('2026-10', [planned({})], new Map(), 'x');
    expect(first[0]).toMatchObject({ previousFen: null, deltaFen: 41600, explanation: planned({}).explanation });
  });
});

describe('the final settlement of a child who leaves', () => {
  const nantong = getBuiltinPolicy('nantong-2018')!;
  const december: BillFact = {
    id: 9,
    number: 'JF2026-00009',
    householdId: 3,
    billing: 'monthly',
    periodFirst: '2026-12',
    periodLast: '2026-12',
    lines: [
      { billId: 9, kind: 'charge', item: 'education', periodFirst: '2026-12', periodLast: '2026-12', quantity: 1, unitPriceFen: 52000, amountFen: 52000, standardUnit: 'month' },
      { billId: 9, kind: 'charge', item: 'bus', periodFirst: '2026-12', periodLast: '2026-12', quantity: 1, unitPriceFen: 20000, amountFen: 20000, standardUnit: 'month' },
    ],
  };

  it('refunds whole every charge for a period after the leaving month, citing the semester clause', () => {
    expect(monthsAfterLeaving('2026-11', [december])).toEqual(['2026-12']);
    const lines = afterLeavingLines(nantong, '2026-11-23', '2026-11', ['2026-12'], [december], bundledLegalCalendar());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ item: 'education', refundFen: 52000, clause: 'NT-3.1', inputs: { month: '2026-12', afterLeaving: true } });
    expect(lines[0]!.explanation).toBe('幼儿自 2026-11-23 起退园，2026-12 未在园，已缴该期保教费 520.00 元依南通市收费文件第三条第1款全额退还，计 520.00 元。');
  });

  it('takes back refunds of later months that the leaving month now refunds whole', () => {
    const leavingLine = planned({ refundFen: 147000, inputs: { month: '2026-10', coversThrough: '2027-01', laterMonths: 3 } });
    const lines = absorbedLines([leavingLine], '2026-10', [booked({ month: '2026-11', coversThrough: '2026-11', deltaFen: 33600 })]);
    expect(lines).toEqual([expect.objectContaining({ item: 'education', refundFen: 0, previousFen: 33600, deltaFen: -33600, inputs: { month: '2026-11', coversThrough: '2026-11' } })]);
  });

  it('the month left in is the month of the last day in the kindergarten', () => {
    expect(leavingMonth({ status: 'withdrawn', statusSince: '2026-10-19', enrolledOn: '2026-09-01' })).toBe('2026-10');
    expect(leavingMonth({ status: 'withdrawn', statusSince: '2026-11-01', enrolledOn: '2026-09-01' })).toBe('2026-10');
    expect(leavingMonth({ status: 'graduated', statusSince: '2027-08-01', enrolledOn: '2024-09-01' })).toBe('2027-07');
    expect(leavingMonth({ status: 'withdrawn', statusSince: '2026-09-01', enrolledOn: '2026-09-01' })).toBe('2026-09');
    expect(leavingMonth({ status: 'suspended', statusSince: '2026-11-02', enrolledOn: '2026-09-01' })).toBeNull();
  });

  it('is to be paid within 10 legal working days (National Day week and its make-up Saturday counted right)', () => {
    const calendar = bundledLegalCalendar();
    expect(addWorkingDays(calendar, '2026-11-23', 10)).toBe('2026-12-07');
    // 2026-09-30 + 10 working days: 1-7 October are holidays, 10-10 is a make-up working day.
    expect(addWorkingDays(calendar, '2026-09-30', 10)).toBe('2026-10-20');
    expect(() => addWorkingDays(new LegalCalendar([], false), '2026-11-23', 10)).toThrow(CalendarMissingError);
  });

  it('pays back the credit left; with a sibling still enrolled only this child’s refund', () => {
    expect(amountToReturnFen(-50000, 30000, false)).toBe(50000);
    expect(amountToReturnFen(-50000, 30000, true)).toBe(30000);
    expect(amountToReturnFen(12000, 30000, false)).toBe(0);
  });
});

describe('days without a roll call', () => {
  it('are the enrolled working days, not closed, with nothing recorded', () => {
    const calendar = bundledLegalCalendar();
    const days = calendar.monthDays('2026-10');
    const child = { enrolledOn: '2026-09-01', status: 'withdrawn', statusSince: '2026-10-19', classId: 2 };
    const closures = [{ id: 1, firstDate: '2026-10-12', lastDate: '2026-10-12', kind: 'suspension' as const, classId: 2, reason: '消毒' }];
    const recorded = new Set(['2026-10-09', '2026-10-13', '2026-10-14', '2026-10-15']);
    expect(unrecordedDates(days, child, closures, recorded)).toEqual(['2026-10-08', '2026-10-10', '2026-10-16']);
  });
});
