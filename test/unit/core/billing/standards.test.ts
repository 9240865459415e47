import { describe, expect, it } from 'vitest';
import { previousStandard, standardInForce } from '../../../../core/billing/standards';
import { standard } from './fixtures';

const query = { item: 'education' as const, month: '2026-10', level: 'small', enrolledOn: '2026-09-01', units: ['month'] as const };

describe('the standard in force for a child, an item and a month', () => {
  it('takes the newest standard applying on the first of the month; one from mid-month starts with the next bill', () => {
    const rows = [
      standard({ item: 'education', amountFen: 40000, appliesFrom: '2025-09-01' }),
      standard({ item: 'education', amountFen: 42000, appliesFrom: '2026-09-01' }),
      standard({ item: 'education', amountFen: 43000, appliesFrom: '2026-10-15' }),
    ];
    expect(standardInForce(rows, query)?.amountFen).toBe(42000);
    expect(standardInForce(rows, { ...query, month: '2026-11' })?.amountFen).toBe(43000);
    expect(standardInForce(rows, { ...query, month: '2025-08' })).toBeNull();
  });

  it('a correction of the same date wins over the row it corrects (history is kept, nothing overwritten)', () => {
    const wrong = standard({ item: 'education', amountFen: 24000 });
    const right = standard({ item: 'education', amountFen: 42000 });
    expect(standardInForce([wrong, right], query)?.id).toBe(right.id);
  });

  it('a class level’s own standard (托班) comes before the one for every class', () => {
    const rows = [
      standard({ item: 'education', amountFen: 50000, level: 'toddler' }),
      standard({ item: 'education', amountFen: 45000, appliesFrom: '2026-10-01' }),
    ];
    expect(standardInForce(rows, { ...query, level: 'toddler' })?.amountFen).toBe(50000);
    expect(standardInForce(rows, query)?.amountFen).toBe(45000);
  });

  it('NT-3.2: a raise for pupils enrolled from a date leaves earlier pupils on the old standard; a cut reaches everyone', () => {
    const rows = [
      standard({ item: 'education', amountFen: 42000 }),
      standard({ item: 'education', amountFen: 45000, appliesFrom: '2027-02-01', enrolledFrom: '2027-02-01' }),
    ];
    const spring = { ...query, month: '2027-03' };
    expect(standardInForce(rows, spring)?.amountFen).toBe(42000);
    expect(standardInForce(rows, { ...spring, enrolledOn: '2027-02-20' })?.amountFen).toBe(45000);
    const cut = [...rows, standard({ item: 'education', amountFen: 40000, appliesFrom: '2027-03-01' })];
    expect(standardInForce(cut, spring)?.amountFen).toBe(40000);
    expect(standardInForce(cut, { ...spring, enrolledOn: '2027-02-20' })?.amountFen).toBe(40000);
  });

  it('a semester payer prefers a semester standard; meals take the newest whatever the unit', () => {
    const rows = [
      standard({ item: 'education', amountFen: 42000 }),
      standard({ item: 'education', amountFen: 200000, unit: 'semester' }),
      standard({ item: 'meal', amountFen: 1500, unit: 'day' }),
      standard({ item: 'meal', amountFen: 30000, unit: 'month', appliesFrom: '2026-10-01' }),
    ];
    expect(standardInForce(rows, { ...query, units: ['semester', 'month'] })?.amountFen).toBe(200000);
    expect(standardInForce(rows, query)?.amountFen).toBe(42000);
    const meal = { ...query, item: 'meal' as const, units: ['day', 'month'] as const };
    expect(standardInForce(rows, { ...meal, month: '2026-09' })?.unit).toBe('day');
    expect(standardInForce(rows, meal)?.unit).toBe('month');
  });

  it('the previous standard of a new row is the one before its date, for every pupil', () => {
    const old = standard({ item: 'education', amountFen: 42000 });
    const forNew = standard({ item: 'education', amountFen: 45000, appliesFrom: '2027-02-01', enrolledFrom: '2027-02-01' });
    const sameDay = standard({ item: 'education', amountFen: 43000, appliesFrom: '2027-02-01' });
    expect(previousStandard([old, forNew, sameDay], { item: 'education', level: null, unit: 'month', appliesFrom: '2027-02-01' })?.id).toBe(old.id);
    expect(previousStandard([old], { item: 'education', level: 'toddler', unit: 'month', appliesFrom: '2027-02-01' })).toBeNull();
  });
});
