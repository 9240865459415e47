import { describe, expect, it } from 'vitest';
import { draftBill } from '../../../../core/billing/draft';
import { NO_VOLUNTARY, type VoluntaryFacts } from '../../../../core/billing/voluntary';
import { child, context, monthly, standard, STANDARDS } from './fixtures';

const insurance = standard({ item: 'agency', label: '幼儿意外伤害保险', amountFen: 10000, unit: 'semester' });
const checkup = standard({ item: 'agency', label: '体检费', amountFen: 8000, unit: 'month' });
const winter = standard({ item: 'vacation_care', label: '寒假托管费', amountFen: 2400, unit: 'day', appliesFrom: '2027-01-18' });
const ctx = context({ standards: [...STANDARDS, insurance, checkup, winter] });
const facts = (f: Partial<VoluntaryFacts>): VoluntaryFacts => ({ ...NO_VOLUNTARY, ...f });

function lines(month: string, f: VoluntaryFacts, who = child()) {
  const result = draftBill(who, monthly(month), ctx, [], f);
  if (!result.ok) throw new Error(result.problems.map((p) => p.messageZh).join());
  return result.bill;
}

describe('voluntary items on a draft', () => {
  it('charges nothing voluntary without a recorded choice (the default is no)', () => {
    expect(lines('2026-12', NO_VOLUNTARY).lines.map((l) => l.item)).toEqual(['education', 'meal']);
  });

  it('a semester 代收费 once per semester: not again while a live bill of the semester has it, again in the next semester', () => {
    const opted = facts({ agencyOptedIn: ['幼儿意外伤害保险'] });
    expect(lines('2026-10', opted).lines.find((l) => l.item === 'agency')).toMatchObject({ amountFen: 10000, quantity: 1, unit: 'semester' });
    const billed = facts({ ...opted, agencyBilled: [{ label: '幼儿意外伤害保险', periodFirst: '2026-09', periodLast: '2026-09' }] });
    expect(lines('2026-10', billed).lines.some((l) => l.item === 'agency')).toBe(false);
    // Another item of the same kind is its own choice.
    expect(lines('2026-10', facts({ ...billed, agencyOptedIn: ['幼儿意外伤害保险', '体检费'] })).lines.filter((l) => l.item === 'agency').map((l) => l.label)).toEqual(['体检费']);
  });

  it('vacation care: days booked × the day rate, a rate set from mid-month counting for that month, no reduction applied', () => {
    const reduced = child({ reductionCategory: 'dibao' });
    const bill = lines('2027-01', facts({ vacationDays: { '2027-01': 7 } }), reduced);
    const vacation = bill.lines.find((l) => l.item === 'vacation_care');
    expect(vacation).toMatchObject({ quantity: 7, unitPriceFen: 2400, amountFen: 16800, clause: 'NT-3.6' });
    // The NT-3.7 reduction is on the education fee only.
    expect(bill.lines.filter((l) => l.kind === 'reduction').map((l) => l.item)).toEqual(['education']);
    expect(bill.chargesFen).toBe(42000 + 20 * 1500 + 16800);
  });

  it('days booked without a day rate refuse the bill, naming the month', () => {
    const result = draftBill(child(), monthly('2026-12'), ctx, [], facts({ vacationDays: { '2026-12': 3 } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'standard_missing', messageZh: expect.stringContaining('2026-12 预订了寒暑假托管 3 天') });
  });
});
