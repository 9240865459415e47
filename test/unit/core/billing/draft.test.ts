import { describe, expect, it } from 'vitest';
import { applyHouseholdCredit, draftBill, periodFor } from '../../../../core/billing/draft';
import type { BillDraft, OwnDiscount } from '../../../../core/billing/types';
import { child, context, monthly, SEMESTERS, standard, STANDARDS } from './fixtures';

function ok(result: ReturnType<typeof draftBill>): BillDraft {
  if (!result.ok) throw new Error(result.problems.map((p) => p.messageZh).join('; '));
  return result.bill;
}
const amounts = (bill: BillDraft) => bill.lines.map((l) => [l.kind, l.item, l.quantity, l.unitPriceFen, l.amountFen]);

describe('drafting one child’s bill', () => {
  it('a monthly payer: education, and meals as the daily rate x W of the month from the legal calendar', () => {
    const bill = ok(draftBill(child(), monthly('2026-10'), context()));
    expect(amounts(bill)).toEqual([
      ['charge', 'education', 1, 42000, 42000],
      ['charge', 'meal', 18, 1500, 27000],
    ]);
    expect(bill.chargesFen).toBe(69000);
    expect(bill.totalDueFen).toBe(69000);
  });

  it('custody and the school bus only for families with a signed agreement (NT-1.3, NT-3.5); 托班 its own standard', () => {
    const bill = ok(draftBill(child({ classLevel: 'toddler', custodyAgreedOn: '2026-08-28', busAgreedOn: '2026-10-31', meals: false }), monthly('2026-10'), context()));
    expect(amounts(bill)).toEqual([
      ['charge', 'education', 1, 50000, 50000],
      ['charge', 'custody', 1, 10000, 10000],
      ['charge', 'bus', 1, 15000, 15000],
    ]);
    const later = ok(draftBill(child({ busAgreedOn: '2026-11-01', meals: false }), monthly('2026-10'), context()));
    expect(later.lines.map((l) => l.item)).toEqual(['education']);
  });

  it('NT-3.7: a 低保 child gets half the education fee off, as its own line with the clause; an orphan all of it', () => {
    const half = ok(draftBill(child({ reductionCategory: 'dibao' }), monthly('2026-10'), context()));
    expect(half.lines[1]).toMatchObject({ kind: 'reduction', item: 'education', amountFen: 21000, clause: 'NT-3.7', reductionCategory: 'dibao' });
    expect(half.totalDueFen).toBe(42000 + 27000 - 21000);
    const orphan = ok(draftBill(child({ reductionCategory: 'orphan' }), monthly('2026-10'), context()));
    expect(orphan.reductionsFen).toBe(42000);
  });

  it('NT-3.7 does not apply in a for-profit private kindergarten: no reduction line, and the preview says why', () => {
    const bill = ok(draftBill(child({ reductionCategory: 'dibao' }), monthly('2026-10'), context({ kindergartenType: 'forprofit_private' })));
    expect(bill.reductionsFen).toBe(0);
    expect(bill.notes.join()).toContain('本园类型不适用');
  });

  it('the kindergarten’s own discount: a reduction line without clause, with the reason, after the statutory one and never above the charge', () => {
    const discount: OwnDiscount = { id: 1, childId: 1, item: 'education', rate: '0.1', amountFen: null, fromMonth: '2026-09', reason: '二孩优惠', active: true };
    const bill = ok(draftBill(child(), monthly('2026-10'), context(), [discount]));
    expect(bill.lines[1]).toMatchObject({ kind: 'reduction', item: 'education', amountFen: 4200, clause: null, note: '二孩优惠' });
    const both = ok(draftBill(child({ reductionCategory: 'dibao' }), monthly('2026-10'), context(), [discount]));
    expect(both.lines.filter((l) => l.kind === 'reduction').map((l) => l.amountFen)).toEqual([21000, 2100]);
    const fixed = { ...discount, rate: null, amountFen: 50000 };
    expect(ok(draftBill(child(), monthly('2026-10'), context(), [fixed])).reductionsFen).toBe(42000);
    const ended = { ...discount, id: 2, fromMonth: '2026-10', active: false };
    expect(ok(draftBill(child(), monthly('2026-10'), context(), [discount, ended])).reductionsFen).toBe(0);
    expect(ok(draftBill(child(), monthly('2026-09'), context(), [discount, ended])).reductionsFen).toBe(4200);
  });

  it('a semester payer: the rest of the semester, months x the monthly standard, meals over each month’s W', () => {
    const period = periodFor(child({ billingMode: 'semester' }), '2026-09', SEMESTERS);
    expect(period).toEqual({ billing: 'semester', first: '2026-09', last: '2027-01', semesterId: 1 });
    const bill = ok(draftBill(child({ billingMode: 'semester' }), period as never, context()));
    expect(amounts(bill)).toEqual([
      ['charge', 'education', 5, 42000, 210000],
      ['charge', 'meal', 22 + 18 + 21 + 23 + 20, 1500, 104 * 1500],
    ]);
    const withSemesterStandard = context({ standards: [...STANDARDS, standard({ item: 'education', amountFen: 200000, unit: 'semester' })] });
    expect(ok(draftBill(child({ billingMode: 'semester' }), period as never, withSemesterStandard)).lines[0]).toMatchObject({ quantity: 1, amountFen: 200000 });
  });

  it('a semester bill reaching into a year without calendar stops at the last month W is known for, and says so', () => {
    const noJanuary = context({ workingDays: (m) => ({ '2026-09': 22, '2026-10': 18, '2026-11': 21, '2026-12': 23 })[m] ?? null });
    const bill = ok(draftBill(child({ billingMode: 'semester' }), { billing: 'semester', first: '2026-09', last: '2027-01', semesterId: 1 }, noJanuary));
    expect(bill.period.last).toBe('2026-12');
    expect(bill.lines[0]!.amountFen).toBe(4 * 42000);
    expect(bill.notes.join()).toContain('2027 年的法定节假日安排尚未公布');
    expect(bill.lines.find((l) => l.item === 'meal')!.note).toContain('2027年1月起的费用另行通知');
  });

  it('a monthly payer in a month without calendar cannot be billed, with the sentence saying to import it', () => {
    const result = draftBill(child(), monthly('2027-02'), context());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.messageZh).toContain('请先在“设置 → 法定日历”中导入或录入 2027 年');
  });

  it('NT-3.1: a bill covering months of two semesters is refused with the clause', () => {
    const result = draftBill(child({ billingMode: 'semester' }), { billing: 'semester', first: '2027-01', last: '2027-02', semesterId: 1 }, context());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ clause: 'NT-3.1', code: 'bill_across_semesters' });
  });

  it('cannot bill without a standard for an item the child takes, naming the item', () => {
    const result = draftBill(child({ custodyAgreedOn: '2026-08-28' }), monthly('2026-10'), context({ standards: STANDARDS.filter((s) => s.item !== 'custody') }));
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['standard_missing']);
    expect(!result.ok && result.problems[0]!.messageZh).toContain('托管费标准');
  });

  it('not enrolled in the month: not yet, or left before it began; leaving during the month is billed and noted', () => {
    expect(draftBill(child({ enrolledOn: '2026-11-03' }), monthly('2026-10'), context())).toMatchObject({ ok: false, problems: [{ code: 'not_yet_enrolled' }] });
    const left = child({ status: 'withdrawn', statusSince: '2026-10-19' });
    expect(draftBill(left, monthly('2026-11'), context())).toMatchObject({ ok: false, problems: [{ code: 'not_enrolled' }] });
    expect(ok(draftBill(left, monthly('2026-10'), context())).notes.join()).toContain('2026-10-19 起退园');
  });

  it('NT-3.2 插班生: the notice names a joiner standard without a figure, so the month is charged and the bill says so', () => {
    const bill = ok(draftBill(child({ enrolledOn: '2026-10-12' }), monthly('2026-10'), context()));
    expect(bill.chargesFen).toBe(69000);
    expect(bill.lines[0]!.note).toContain('插班生');
    expect(bill.notes.join()).toContain('NT-3.2');
  });
});

describe('credit from the household’s balance', () => {
  it('is applied to the household’s bills in order, never twice, and never makes a bill negative', () => {
    const a = ok(draftBill(child({ id: 1 }), monthly('2026-10'), context()));
    const b = ok(draftBill(child({ id: 2 }), monthly('2026-10'), context()));
    const other = ok(draftBill(child({ id: 3, householdId: 11 }), monthly('2026-10'), context()));
    const [first, second, third] = applyHouseholdCredit([a, b, other], (h) => (h === 10 ? -100000 : 5000));
    expect([first!.creditAppliedFen, first!.totalDueFen]).toEqual([69000, 0]);
    expect([second!.creditAppliedFen, second!.totalDueFen]).toEqual([31000, 38000]);
    expect([third!.creditAppliedFen, third!.totalDueFen]).toEqual([0, 69000]);
  });
});
