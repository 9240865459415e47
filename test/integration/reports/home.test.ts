import { afterEach, describe, expect, it } from 'vitest';
import { demoBackend } from '../attendance/helpers';
import { books } from './fixtures';
import { knownDataset } from './known-dataset';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function setup() {
  const app = await demoBackend();
  close = () => app.backend.close();
  knownDataset(books(app.backend));
  return app;
}

describe('the home screen (home.today)', () => {
  it('shows the principal today: roll call per class, money waiting, settlement work, follow-ups, complaints', async () => {
    const app = await setup();
    // October is settled on the attendance side, then a day in it is corrected: a settlement correction is due.
    const child = app.sqlite.prepare("SELECT child_id AS id FROM attendance WHERE date = '2026-10-12' AND status = 'present' LIMIT 1").get() as { id: number };
    await app.ok('attendance.settleMonth', { month: '2026-10' });
    await app.ok('attendance.correct', { childId: child.id, date: '2026-10-12', status: 'sick', note: '', reason: '家长补交病假条' });
    // Today's roll call in one class.
    const miao = app.classId('苗苗班');
    const roll = await app.ok('attendance.rollCall', { classId: miao, date: '2026-11-23' });
    const entries = roll.children.map((c, i) => ({ childId: c.id, status: i === 0 ? ('sick' as const) : i === 1 ? ('personal' as const) : ('present' as const), note: '' }));
    await app.ok('attendance.saveRollCall', { classId: miao, date: '2026-11-23', entries, reason: '' });

    const home = await app.ok('home.today', {});
    expect(home.today).toBe('2026-11-23');
    expect(home.workingDay).toBe(true);
    const m = home.rollCall!.find((c) => c.name === '苗苗班')!;
    expect(m).toMatchObject({ enrolled: roll.children.length, recorded: roll.children.length, missing: 0, sick: 1, personal: 1, present: roll.children.length - 2 });
    const others = home.rollCall!.filter((c) => c.name !== '苗苗班');
    expect(others.every((c) => c.recorded === 0 && c.missing === c.enrolled && c.enrolled > 0)).toBe(true);
    expect(home.arrears).toEqual({ bills: 1, households: 1, total: '420.00' });
    expect(home.payouts).toEqual({ households: 1, total: '130.00' });
    expect(home.corrections).toEqual({ childMonths: 1, months: ['2026-10'] });
    // B's semester bill covers September; October has its settlement; November has not ended.
    expect(home.unsettled).toEqual(['2026-09']);
    const followUps = await app.ok('families.followUps', {});
    expect(home.followUps).toEqual({ overdue: followUps.overdue.length, dueToday: followUps.dueToday.length });
    const complaints = await app.ok('families.feedback', { status: 'active' });
    expect(home.complaints?.open).toBe(complaints.length);
    // The bundled legal calendar ends with 2026; January is 39 days away.
    expect(home.calendarMissingYears).toEqual([2027]);
  });

  it('shows a teacher her own class and her families’ follow-ups, and none of the money', async () => {
    const app = await setup();
    const home = await app.ok('home.today', {}, await app.login('laoshi'));
    expect(home.rollCall!.map((c) => c.name)).toEqual(['苗苗班']);
    expect(home.arrears).toBeNull();
    expect(home.payouts).toBeNull();
    expect(home.corrections).toBeNull();
    expect(home.unsettled).toBeNull();
    expect(home.complaints).toBeNull();
    expect(home.followUps).not.toBeNull();
  });

  it('shows the desk the money at the counter but not the month-end settlement', async () => {
    const app = await setup();
    const home = await app.ok('home.today', {}, await app.login('qiantai'));
    expect(home.arrears?.total).toBe('420.00');
    expect(home.payouts?.total).toBe('130.00');
    expect(home.corrections).toBeNull();
    expect(home.unsettled).toBeNull();
    expect(home.rollCall).toHaveLength(5);
  });

  it('asks for no roll call on a Saturday', async () => {
    const app = await demoBackend(new Date('2026-11-28T02:00:00Z'));
    close = () => app.backend.close();
    const saturday = await app.ok('home.today', {});
    expect(saturday.workingDay).toBe(false);
    expect(saturday.rollCall!.every((c) => c.missing === 0)).toBe(true);
  });
});
