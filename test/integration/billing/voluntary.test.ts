// biome-ignore-all lint/suspicious/noExplicitAny: tests read API results loosely; the renderer checks the API types
import type { Api } from '../../../electron/api/index';
// 代收费 (opted in per child, who and when; default not) and 寒暑假托管 (days
// booked × the day rate, NT-3.6) billed by the bill run, on the demo file.
import { afterEach, describe, expect, it } from 'vitest';
import { type BillingDemo, billingDemo, billsDisagreeingWithLines, key, ledgerAgreesWithBills } from './helpers';

let demo: BillingDemo | undefined;
afterEach(() => demo?.backend.close());

const INSURANCE = '幼儿意外伤害保险（代收）';
type StandardInput = Api['standards.save']['input'];
const standard = (s: Pick<StandardInput, 'item' | 'amount' | 'unit' | 'appliesFrom'> & Partial<StandardInput>): StandardInput => ({
  label: '',
  level: null,
  enrolledFrom: null,
  note: '',
  idempotencyKey: key(),
  ...s,
});

/** Two enrolled monthly payers of one class (not 托班, whose education standard is its own), not yet billed for December. */
function twoMonthlyPayers(d: BillingDemo): [any, any] {
  const rows = d.sql(`SELECT c.id, c.name, c.class_id AS classId, c.household_id AS householdId FROM children c
    WHERE c.status = 'enrolled' AND c.billing_mode = 'monthly' AND c.class_id = (SELECT x.class_id FROM children x JOIN classes k ON k.id = x.class_id WHERE x.status = 'enrolled' AND x.billing_mode = 'monthly' AND k.level <> 'toddler' ORDER BY x.id LIMIT 1)
    ORDER BY c.id LIMIT 2`);
  return [rows[0], rows[1]];
}

async function winterRate(d: BillingDemo, amount = '24.00') {
  return d.ok('standards.save', standard({ item: 'vacation_care', label: '冬季托管费', amount, unit: 'day', appliesFrom: '2026-12-01' }), 'admin');
}

const billOf = (preview: any, childId: number) => preview.bills.find((b: any) => b.childId === childId);

describe('items the family chooses', () => {
  it('bills 代收费 only to children opted in, once a semester, and vacation care by the days booked × the day rate', async () => {
    demo = await billingDemo();
    const [a, b] = twoMonthlyPayers(demo);
    // Nobody has opted in: the default is no.
    const sheet = await demo.ok('voluntary.agencySheet', { label: INSURANCE, classId: a.classId }, 'qiantai');
    expect(sheet.every((r: any) => r.optedIn === false && r.recordedBy === null)).toBe(true);
    let preview = await demo.ok('bills.preview', { month: '2026-12' });
    expect(preview.bills.flatMap((x: any) => x.lines).some((l: any) => l.item === 'agency' || l.item === 'vacation_care')).toBe(false);

    // The front desk records the family's yes (who and when) and the days booked.
    const chose = await demo.ok('voluntary.setAgency', { label: INSURANCE, changes: [{ childId: a.id, optedIn: true }, { childId: b.id, optedIn: false }], note: '家长签字回执', idempotencyKey: key() }, 'qiantai');
    expect(chose).toEqual({ recorded: 1, optedIn: 1, optedOut: 0, alreadyBilled: [] });
    const row = demo.one('SELECT a.opted_in, s.username, a.recorded_at FROM agency_choices a JOIN staff s ON s.id = a.recorded_by WHERE a.child_id = ?', a.id);
    expect(row).toMatchObject({ opted_in: 1, username: 'qiantai', recorded_at: '2026-12-01T01:00:00.000Z' });
    await winterRate(demo);
    const booked = await demo.ok('voluntary.bookVacation', { month: '2026-12', rows: [{ childId: a.id, days: 5 }], note: '', idempotencyKey: key() }, 'qiantai');
    expect(booked).toEqual({ recorded: 1, alreadyBilled: [] });

    preview = await demo.ok('bills.preview', { month: '2026-12' });
    const billA = billOf(preview, a.id);
    const agency = billA.lines.find((l: any) => l.item === 'agency');
    expect(agency).toMatchObject({ kind: 'charge', label: INSURANCE, amount: '100.00', unit: 'semester', note: expect.stringContaining('自愿') });
    const vacation = billA.lines.find((l: any) => l.item === 'vacation_care');
    expect(vacation).toMatchObject({ quantity: 5, unitPrice: '24.00', amount: '120.00', unit: 'day', clause: 'NT-3.6' });
    expect(billA.agency).toBe('100.00');
    expect(billOf(preview, b.id).lines.some((l: any) => l.item === 'agency' || l.item === 'vacation_care')).toBe(false);

    const issued = await demo.ok('bills.issue', { month: '2026-12', dueOn: '2026-12-10', digest: preview.digest, idempotencyKey: key() });
    expect(issued.count).toBe(preview.bills.length);
    const entries = demo.sql("SELECT e.item, e.amount_fen AS fen, e.description FROM ledger_entries e JOIN bills x ON x.id = e.bill_id WHERE x.child_id = ? AND x.period_first = '2026-12' AND e.item IN ('agency', 'vacation_care') ORDER BY e.item", a.id);
    expect(entries.map((e: any) => [e.item, e.fen])).toEqual([['agency', 10000], ['vacation_care', 12000]]);
    expect(ledgerAgreesWithBills(demo)).toEqual([]);
    expect(billsDisagreeingWithLines(demo)).toEqual([]);

    // The notice prints 代收费 apart from the fees.
    const notices = await demo.ok('bills.notices', { month: '2026-12', childId: a.id });
    expect(notices.notices[0]).toMatchObject({ agency: '100.00' });
    // Drafting the bill again (replacement preview) sees the insurance as its own, not as billed twice.
    const billId = demo.one("SELECT id FROM bills WHERE child_id = ? AND period_first = '2026-12'", a.id).id;
    const again = await demo.ok('bills.replacePreview', { billId });
    expect(again.difference).toEqual([]);

    // Opting out later is a new row; the newest counts, the history stays.
    await demo.ok('voluntary.setAgency', { label: INSURANCE, changes: [{ childId: a.id, optedIn: false }], note: '', idempotencyKey: key() }, 'qiantai');
    const later = await demo.ok('voluntary.agencySheet', { label: INSURANCE, classId: a.classId });
    expect(later.find((r: any) => r.childId === a.id)).toMatchObject({ optedIn: false, recordedBy: expect.any(String) });
    expect(demo.one('SELECT count(*) AS n FROM agency_choices WHERE child_id = ?', a.id).n).toBe(2);
    const { sqlite } = demo.backend.database();
    expect(() => sqlite.prepare('UPDATE agency_choices SET opted_in = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM vacation_bookings').run()).toThrow(/append-only/);
    expect(demo.one("SELECT count(*) AS n FROM audit_log WHERE action IN ('agency.choice', 'vacation.book')").n).toBe(3);
  });

  it('NT-3.6 stays applied at billing: after the education fee is lowered, a day rate now over 130% is not billed without the principal’s confirmation', async () => {
    demo = await billingDemo();
    const [a] = twoMonthlyPayers(demo);
    await winterRate(demo, '25.00');
    // A lowered standard applies to every child (NT-3.2): 380 / 21.75 × 1.3 = 22.71 a day.
    await demo.ok('standards.save', standard({ item: 'education', label: '保教费', amount: '380.00', unit: 'month', appliesFrom: '2026-12-01' }), 'admin');
    await demo.ok('voluntary.bookVacation', { month: '2026-12', rows: [{ childId: a.id, days: 4 }], note: '', idempotencyKey: key() });
    const preview = await demo.ok('bills.preview', { month: '2026-12' });
    expect(billOf(preview, a.id)).toBeUndefined();
    const refused = preview.cannotBill.find((c: any) => c.childId === a.id);
    expect(refused.reasons[0]).toMatchObject({ clause: 'NT-3.6', message: expect.stringContaining('22.71') });
    // The principal confirms the rate on a new standard row: billed, with the clause.
    await demo.ok('standards.save', standard({ item: 'vacation_care', label: '冬季托管费', amount: '25.00', unit: 'day', appliesFrom: '2026-12-01', confirm: { clauses: ['NT-3.6'], note: '园务会议通过' } }), 'admin');
    const confirmed = await demo.ok('bills.preview', { month: '2026-12' });
    expect(billOf(confirmed, a.id).lines.find((l: any) => l.item === 'vacation_care')).toMatchObject({ quantity: 4, amount: '100.00', clause: 'NT-3.6' });
  });

  it('days booked and items opted in for a period already billed are named, and the replacement books only what was chosen since', async () => {
    demo = await billingDemo();
    const semesterPayer = demo.one("SELECT id, household_id AS householdId FROM children WHERE status = 'enrolled' AND billing_mode = 'semester' ORDER BY id LIMIT 1");
    await winterRate(demo);
    const booked = await demo.ok('voluntary.bookVacation', { month: '2026-12', rows: [{ childId: semesterPayer.id, days: 3 }], note: '', idempotencyKey: key() });
    // Opting in to the insurance is named too: the semester bill is out already.
    const chose = await demo.ok('voluntary.setAgency', { label: INSURANCE, changes: [{ childId: semesterPayer.id, optedIn: true }], note: '', idempotencyKey: key() });
    expect(chose.alreadyBilled).toEqual([expect.objectContaining({ childId: semesterPayer.id, number: booked.alreadyBilled[0]?.number })]);
    expect(booked.alreadyBilled).toEqual([expect.objectContaining({ childId: semesterPayer.id, number: expect.stringMatching(/^JF2026-/) })]);
    const bill = demo.one("SELECT id, number FROM bills WHERE child_id = ? AND number = ?", semesterPayer.id, booked.alreadyBilled[0].number);
    const preview = await demo.ok('bills.replacePreview', { billId: bill.id });
    // The replacement adds what was chosen since: 3 days of vacation care and the semester's insurance.
    expect(preview.difference).toEqual([
      { kind: 'charge', item: 'vacation_care', old: '0.00', new: '72.00', change: '+72.00' },
      { kind: 'charge', item: 'agency', old: '0.00', new: '100.00', change: '+100.00' },
    ]);
    const replaced = await demo.ok('bills.replace', { billId: bill.id, reason: 'other', note: '寒假托管预订 3 天，参加意外伤害保险', idempotencyKey: key() });
    expect(replaced.difference).toBe('172.00');
    expect(ledgerAgreesWithBills(demo)).toEqual([]);
  });

  it('refuses what does not fit: an unknown item, days beyond the month, a teacher', async () => {
    demo = await billingDemo();
    const [a] = twoMonthlyPayers(demo);
    const before = demo.counts();
    const unknown = await demo.call('voluntary.setAgency', { label: '赞助费', changes: [{ childId: a.id, optedIn: true }], note: '', idempotencyKey: key() });
    expect(unknown.error.message).toContain('没有名为「赞助费」的代收费标准');
    const february = await demo.call('voluntary.bookVacation', { month: '2027-02', rows: [{ childId: a.id, days: 29 }], note: '', idempotencyKey: key() });
    expect(february.error.fields['rows.0.days']).toContain('只有 28 天');
    expect((await demo.call('voluntary.vacationSheet', { month: '2026-12' }, 'laoshi')).error.code).toBe('forbidden');
    expect(demo.counts()).toEqual(before);
  });
});
