import type { FeeStandard } from '../../../../core/billing/standards';
import type { BillingContext, ChildForBilling, Semester } from '../../../../core/billing/types';
import { getBuiltinPolicy } from '../../../../core/policies';

export const nantong = getBuiltinPolicy('nantong-2018')!;

export const SEMESTERS: Semester[] = [
  { id: 1, name: '2026年秋季学期', first: '2026-09', last: '2027-01' },
  { id: 2, name: '2027年春季学期', first: '2027-02', last: '2027-07' },
];

/** W per month from the fee-policies doc (2026); 2027 January given, later 2027 months missing. */
const W: Record<string, number> = { '2026-09': 22, '2026-10': 18, '2026-11': 21, '2026-12': 23, '2027-01': 20 };

let nextId = 1;
export function standard(s: Partial<FeeStandard> & Pick<FeeStandard, 'item' | 'amountFen'>): FeeStandard {
  return { id: nextId++, label: s.item, unit: 'month', appliesFrom: '2026-09-01', level: null, enrolledFrom: null, ...s };
}

export const STANDARDS: FeeStandard[] = [
  standard({ item: 'education', label: '保教费', amountFen: 42000 }),
  standard({ item: 'education', label: '保教费（托班）', amountFen: 50000, level: 'toddler' }),
  standard({ item: 'meal', label: '伙食费', amountFen: 1500, unit: 'day' }),
  standard({ item: 'custody', label: '托管费', amountFen: 10000 }),
  standard({ item: 'bus', label: '校车费', amountFen: 15000 }),
];

export function context(overrides: Partial<BillingContext> = {}): BillingContext {
  return {
    policy: nantong,
    kindergartenType: 'public',
    standards: STANDARDS,
    semesters: SEMESTERS,
    workingDays: (month) => W[month] ?? null,
    ...overrides,
  };
}

export function child(overrides: Partial<ChildForBilling> = {}): ChildForBilling {
  return {
    id: 1,
    householdId: 10,
    name: '王子轩',
    classId: 2,
    className: '苗苗班',
    classLevel: 'small',
    enrolledOn: '2026-09-01',
    status: 'enrolled',
    statusSince: '2026-09-01',
    billingMode: 'monthly',
    meals: true,
    boarding: false,
    custodyAgreedOn: null,
    busAgreedOn: null,
    reductionCategory: null,
    ...overrides,
  };
}

export const monthly = (m: string) => ({ billing: 'monthly' as const, first: m, last: m, semesterId: 1 });
