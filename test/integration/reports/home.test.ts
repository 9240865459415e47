import { afterEach, describe, expect, it } from 'vitest';
import { cleanKindergarten } from './clean';
import { books } from './fixtures';
import { knownDataset } from './known-dataset';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function setup() {
  const app = await cleanKindergarten();
  close = app.close;
  const known = knownDataset(books(app.backend));
  return { ...app, known };
}

describe('the home screen (home.today)', () => {
  it('shows the principal today: roll call per class, money waiting, settlement work, follow-ups, complaints', async () => {
    const app = await setup();
    const { A, B, C } = app.known;
    // October is settled (the known dataset books it), then a day in it is corrected: a settlement correction is due.
    await app.ok('attendance.correct', { childId: B.id, date: '2026-10-12', status: 'sick', note: '', reason: '家长补交病假条' });
    // Today's roll call in 苗苗班 only: B is sick.
    await app.ok('attendance.saveRollCall', { classId: B.classId, date: '2026-11-23', entries: [{ childId: B.id, status: 'sick', note: '' }], reason: '' });
    // A follow-up that was due on Friday, and an open complaint.
    await app.ok('families.addContact', { householdId: C.householdId, childId: C.id, date: '2026-11-16', channel: 'phone', topic: '催缴十月保教费', summary: '', followUpOn: '2026-11-20' });
    await app.ok('families.addFeedback', { householdId: A.householdId, receivedOn: '2026-11-18', channel: 'wechat', category: 'meals', content: '午餐偏咸' });

    const home = await app.ok('home.today', {});
    expect(home.today).toBe('2026-11-23');
    expect(home.workingDay).toBe(true);
    expect(home.rollCall!.map((c) => [c.name, c.enrolled, c.recorded, c.missing, c.sick])).toEqual([
      ['星星班', 1, 0, 1, 0],
      ['苗苗班', 1, 1, 0, 1],
      ['向日葵班', 1, 0, 1, 0],
    ]);
    // C's October bill, 420.00 after the voided receipt; A's refund credit of 130.00 waiting to be paid out.
    expect(home.arrears).toEqual({ bills: 1, households: 1, total: '420.00' });
    expect(home.payouts).toEqual({ households: 1, total: '130.00' });
    expect(home.corrections).toEqual({ childMonths: 1, months: ['2026-10'] });
    // B's semester bill covers September; October has its settlement; November has not ended.
    expect(home.unsettled).toEqual(['2026-09']);
    expect(home.followUps).toEqual({ overdue: 1, dueToday: 0 });
    expect(home.complaints).toEqual({ open: 1, overdue: 0 });
    // The bundled legal calendar ends with 2026; January is 39 days away.
    expect(home.calendarMissingYears).toEqual([2027]);
  });

  it('shows a teacher her own class and her families’ follow-ups, and none of the money', async () => {
    const app = await setup();
    const home = await app.ok('home.today', {}, await app.login('laoshi'));
    expect(home.rollCall!.map((c) => c.name)).toEqual(['苗苗班']);
    for (const part of [home.arrears, home.payouts, home.corrections, home.unsettled, home.complaints]) expect(part).toBeNull();
    expect(home.followUps).toEqual({ overdue: 0, dueToday: 0 });
  });

  it('shows the desk the money at the counter but not the month-end settlement', async () => {
    const app = await setup();
    const home = await app.ok('home.today', {}, await app.login('qiantai'));
    expect(home.arrears?.total).toBe('420.00');
    expect(home.payouts?.total).toBe('130.00');
    expect(home.corrections).toBeNull();
    expect(home.unsettled).toBeNull();
    expect(home.rollCall).toHaveLength(3);
  });

  it('asks for no roll call on a Saturday', async () => {
    const app = await cleanKindergarten(new Date('2026-11-28T02:00:00Z'));
    close = app.close;
    const saturday = await app.ok('home.today', {});
    expect(saturday.workingDay).toBe(false);
    expect(saturday.rollCall!.every((c) => c.missing === 0 && c.enrolled === 1)).toBe(true);
  });
});
