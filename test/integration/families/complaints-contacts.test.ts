import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoBackend, demoBackend } from './helpers';

let kd: DemoBackend;
let family: { householdId: number; childId: number; childName: string; classId: number; guardianId: number; otherGuardianId: number };
beforeAll(async () => {
  kd = await demoBackend();
  const row = kd.sqlite
    .prepare("SELECT c.household_id AS householdId, c.id AS childId, c.name AS childName, c.class_id AS classId, g.id AS guardianId FROM children c JOIN guardians g ON g.household_id = c.household_id WHERE c.status = 'enrolled' ORDER BY c.id LIMIT 1")
    .get() as Omit<typeof family, 'otherGuardianId'>;
  const other = kd.sqlite.prepare('SELECT id FROM guardians WHERE household_id != ? LIMIT 1').get(row.householdId) as { id: number };
  family = { ...row, otherGuardianId: other.id };
});
afterAll(() => kd.close());

describe('a complaint records whom and what it concerns, who handles it and by when', () => {
  it('keeps the child, the child’s class, the handler and the deadline, and lists them', async () => {
    const handler = kd.sqlite.prepare("SELECT id, display_name AS name FROM staff WHERE username = 'qiantai'").get() as { id: number; name: string };
    const made = await kd.ok('families.addFeedback', {
      householdId: family.householdId,
      childId: family.childId,
      receivedOn: '2026-11-20',
      channel: 'phone',
      category: 'meals',
      content: '孩子说午饭经常吃不饱',
      handlerId: handler.id,
      dueOn: '2026-11-27',
    });
    // The class comes with the child when it is not given.
    expect(made).toMatchObject({ childId: family.childId, classId: family.classId, handlerId: handler.id, dueOn: '2026-11-27' });
    const listed = (await kd.ok('families.feedback', { status: 'active' })).find((f: { id: number }) => f.id === made.id);
    expect(listed).toMatchObject({ childName: family.childName, handlerName: handler.name, dueOn: '2026-11-27', overdue: false });
    const form = await kd.ok('families.feedbackForm', {});
    expect(form.today).toBe('2026-11-20');
    expect(form.handlers.map((p: { name: string }) => p.name)).toContain(handler.name);
  });

  it('refuses a child of another family, a deadline before the day received, and a class-only complaint keeps its class', async () => {
    const other = kd.sqlite.prepare('SELECT id FROM children WHERE household_id != ? LIMIT 1').get(family.householdId) as { id: number };
    const base = { householdId: family.householdId, receivedOn: '2026-11-20', channel: 'wechat' as const, category: 'safety' as const, content: '接送时门口拥挤' };
    const wrongChild = await kd.call('families.addFeedback', { ...base, childId: other.id });
    expect(!wrongChild.ok && wrongChild.error.fields).toEqual({ childId: '幼儿不属于这个家庭' });
    const early = await kd.call('families.addFeedback', { ...base, dueOn: '2026-11-19' });
    expect(!early.ok && early.error.fields).toEqual({ dueOn: '处理期限不能早于收到日期' });
    const classOnly = await kd.ok('families.addFeedback', { ...base, classId: family.classId });
    expect(classOnly).toMatchObject({ childId: null, classId: family.classId });
  });

  it('can be given to someone else and its deadline moved', async () => {
    const [first] = await kd.ok('families.feedback', { status: 'active' });
    const principal = kd.sqlite.prepare("SELECT id FROM staff WHERE username = 'admin'").get() as { id: number };
    const after = await kd.ok('families.updateFeedback', { id: first!.id, status: 'in_progress', reply: '', handlerId: principal.id, dueOn: '2026-12-04' });
    expect(after).toMatchObject({ handlerId: principal.id, dueOn: '2026-12-04' });
  });
});

describe('the contact log records which guardian it was', () => {
  it('keeps the guardian spoken to and shows the name in the household view', async () => {
    await kd.ok('families.addContact', { householdId: family.householdId, guardianId: family.guardianId, date: '2026-11-20', channel: 'phone', topic: '过敏药', summary: '确认午饭后服药' });
    const household = await kd.ok('families.household', { id: family.householdId });
    const logged = household.contacts.find((c: { topic: string }) => c.topic === '过敏药');
    const name = kd.sqlite.prepare('SELECT name FROM guardians WHERE id = ?').pluck().get(family.guardianId);
    expect(logged).toMatchObject({ guardianId: family.guardianId, guardianName: name });
    const wrong = await kd.call('families.addContact', { householdId: family.householdId, guardianId: family.otherGuardianId, date: '2026-11-20', channel: 'phone', topic: 'x', summary: '' });
    expect(!wrong.ok && wrong.error.fields).toEqual({ guardianId: '家长不属于这个家庭' });
  });
});
