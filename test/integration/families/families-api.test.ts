import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../core/families/id-number';
import { child, type DemoBackend, demoBackend, guardian } from './helpers';
import type { Api } from '../../../electron/api/index';

type Guardian = Api['families.household']['output']['guardians'][number];

const withCheck = (first17: string) => first17 + idCheckChar(first17);

let kd: DemoBackend;
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

describe('a new family', () => {
  it('is written with its children and guardians in one go, audited, and found by initials and phone digits', async () => {
    const before = kd.counts();
    const made = await kd.ok('families.create', {
      address: '崇川区工农路 1 号',
      children: [
        child(kd.classId('苗苗班'), { name: '张三丰', birthDate: '2023-04-01' }),
        child(kd.classId('太阳班'), { name: '张小四', gender: 'F', birthDate: '2021-02-03', enrolledOn: '2024-09-01' }),
      ],
      guardians: [guardian({ name: '张建国', mobile: '137 0000 5678' }), guardian({ name: '韩梅梅', relationship: '母亲', mobile: '+8613900009876' })],
    });
    const after = kd.counts();
    expect(after.households).toBe(before.households + 1);
    expect(after.children).toBe(before.children + 2);
    expect(after.guardians).toBe(before.guardians + 2);
    expect(after.child_status_changes).toBe(before.child_status_changes + 2);
    // household + 2 children + 2 guardians
    expect(after.audit_log).toBe(before.audit_log + 5);

    const byInitials = await kd.ok('families.search', { q: 'zsf' });
    expect(byInitials[0]).toMatchObject({ name: '张三丰', householdId: made.householdId });
    const byPinyin = await kd.ok('families.search', { q: 'zhangxiaosi' });
    expect(byPinyin[0]!.name).toBe('张小四');
    const byDigits = await kd.ok('families.search', { q: '5678' });
    const father = byDigits.find((r) => r.name === '张建国')!;
    expect(father.mobileMasked).toBe('137****5678');
    expect(father.children.map((c) => c.name).sort()).toEqual(['张三丰', '张小四']);

    // Lists mask; the opened record shows the full number.
    const list = await kd.ok('families.children', { classId: kd.classId('苗苗班') });
    expect(list.find((c) => c.name === '张三丰')!.guardians.map((g) => g.mobileMasked)).toContain('139****9876');
    const opened = await kd.ok('families.household', { id: made.householdId });
    expect(opened.guardians.map((g: { mobile: string }) => g.mobile)).toEqual(['13700005678', '13900009876']);
  });

  it.each([
    ['a wrong phone', { guardians: [guardian({ mobile: '1370000567' })] }, '手机号应为 11 位数字'],
    ['a future birth date', { children: [child(1, { birthDate: '2027-01-01', enrolledOn: '2027-01-02' })] }, '出生日期 2027-01-01 晚于今天'],
    ['an unknown class id', { children: [child(999)] }, '所选班级不存在'],
    ['a bad ID checksum', { children: [child(1, { idNumber: '320602202304011230' })] }, '身份证号'],
    ['an ID number whose birth date differs', { children: [child(1, { idNumber: withCheck('32060220230402123'), birthDate: '2023-04-01' })] }, '出生日期与身份证号不一致'],
    ['a reduction without evidence noted', { children: [child(1, { reductionCategory: 'dibao' })] }, '证明材料'],
    ['no guardian', { guardians: [] }, '至少登记一位家长'],
    ['a phone already in another family', { guardians: [guardian({ mobile: '13700005678' })] }, '已登记为另一个家庭的家长'],
  ])('is refused with %s, in Chinese, writing nothing', async (_label, override, message) => {
    const before = kd.counts();
    const r = await kd.call('families.create', {
      children: [child(kd.classId('星星班'), { name: '测试' })],
      guardians: [guardian({ mobile: '13611112222' })],
      ...override,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
    expect(kd.counts()).toEqual(before);
  });
});

describe('status lifecycle', () => {
  it('records leaving with date and reason, keeps the history, and refuses impossible moves', async () => {
    const { householdId, childIds } = await kd.ok('families.create', {
      children: [child(kd.classId('向日葵班'), { name: '王退园', birthDate: '2022-05-05', enrolledOn: '2025-09-01' })],
      guardians: [guardian({ name: '王父', mobile: '13622223333' })],
    });
    const childId = childIds[0]!;
    const noReason = await kd.call('families.changeStatus', { childId, status: 'withdrawn', effectiveOn: '2026-11-01', reason: '' });
    expect(noReason.ok).toBe(false);
    // The form shows the message under the reason box.
    if (!noReason.ok) expect(noReason.error.fields).toEqual({ reason: '请填写休学、退园或毕业的原因' });

    await kd.ok('families.changeStatus', { childId, status: 'suspended', effectiveOn: '2026-10-08', reason: '回老家养病' });
    const tooEarly = await kd.call('families.changeStatus', { childId, status: 'withdrawn', effectiveOn: '2026-10-01', reason: '搬家' });
    expect(tooEarly.ok).toBe(false);
    await kd.ok('families.changeStatus', { childId, status: 'withdrawn', effectiveOn: '2026-11-01', reason: '搬家' });

    const opened = await kd.ok('families.household', { id: householdId });
    const kid = opened.children[0]!;
    expect(kid).toMatchObject({ status: 'withdrawn', statusSince: '2026-11-01', statusReason: '搬家' });
    expect(kid.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['enrolled', 'suspended', 'withdrawn']);
    // Withdrawn children stay on file and are still found.
    const found = await kd.ok('families.search', { q: '王退园' });
    expect(found[0]).toMatchObject({ name: '王退园', status: 'withdrawn' });

    await kd.ok('families.changeStatus', { childId, status: 'enrolled', effectiveOn: '2026-11-10', reason: '' });
    await kd.ok('families.changeStatus', { childId, status: 'graduated', effectiveOn: '2026-11-15', reason: '转入小学' });
    const final = await kd.call('families.changeStatus', { childId, status: 'enrolled', effectiveOn: '2026-11-20', reason: '' });
    expect(final.ok).toBe(false);
    if (!final.ok) expect(final.error.message).toBe('已毕业的幼儿不能再变更状态');
  });
});

describe('contact log and follow-ups', () => {
  it('lists follow-ups due today and overdue until they are done', async () => {
    const { householdId } = await kd.ok('families.create', {
      children: [child(kd.classId('苗苗班'), { name: '陈跟进', birthDate: '2023-01-05' })],
      guardians: [guardian({ name: '陈母', mobile: '13633334444' })],
    });
    const due = await kd.ok('families.addContact', {
      householdId,
      date: '2026-11-18',
      channel: 'phone',
      topic: '午睡问题',
      summary: '家长反映孩子午睡难入睡',
      followUpOn: '2026-11-20',
    });
    await kd.ok('families.addContact', { householdId, date: '2026-11-10', channel: 'wechat', topic: '过敏食物', followUpOn: '2026-11-12' });
    const future = await kd.call('families.addContact', { householdId, date: '2026-11-21', channel: 'phone', topic: '提前记录' });
    expect(future.ok).toBe(false);

    let list = await kd.ok('families.followUps', {});
    expect(list.today).toBe('2026-11-20');
    expect(list.dueToday.map((f: { topic: string }) => f.topic)).toContain('午睡问题');
    expect(list.overdue.find((f: { topic: string }) => f.topic === '过敏食物')).toMatchObject({ daysOverdue: 8, family: '陈跟进' });

    await kd.ok('families.completeFollowUp', { id: due.id, note: '已电话回访，情况好转' });
    list = await kd.ok('families.followUps', {});
    expect(list.dueToday.map((f: { topic: string }) => f.topic)).not.toContain('午睡问题');
    const again = await kd.call('families.completeFollowUp', { id: due.id, note: '' });
    expect(again.ok).toBe(false);
  });
});

describe('feedback and complaints', () => {
  it('moves through the workflow, needs a reply to close, and counts the days open', async () => {
    const filed = await kd.ok('families.addFeedback', {
      anonymous: true,
      receivedOn: '2026-11-16',
      channel: 'suggestion_box',
      category: 'meals',
      content: '午餐蔬菜太少',
    });
    expect(filed).toMatchObject({ status: 'open', householdId: null });
    const open = await kd.ok('families.feedback', { status: 'open' });
    expect(open.find((f) => f.id === filed.id)!.daysOpen).toBe(4);

    const noReply = await kd.call('families.updateFeedback', { id: filed.id, status: 'closed', reply: '' });
    expect(noReply.ok).toBe(false);
    if (!noReply.ok) expect(noReply.error.message).toContain('答复');

    await kd.ok('families.updateFeedback', { id: filed.id, status: 'in_progress', reply: '' });
    const closed = await kd.ok('families.updateFeedback', { id: filed.id, status: 'closed', reply: '已与食堂调整菜谱，每餐增加一份蔬菜' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-20' });
    const all = await kd.ok('families.feedback', { status: 'closed' });
    expect(all.find((f) => f.id === filed.id)).toMatchObject({ handlerName: '周园长' });
    const active = await kd.ok('families.feedback', { status: 'active' });
    expect(active.map((f) => f.id)).not.toContain(filed.id);

    const named = await kd.call('families.addFeedback', { receivedOn: '2026-11-16', channel: 'phone', category: 'fees', content: '多收了伙食费' });
    expect(named.ok).toBe(false);
    if (!named.ok) expect(named.error.message).toContain('匿名');
  });
});

describe('roles', () => {
  it('lets a teacher see and log only their own class, and finance only read', async () => {
    const teacher = await kd.signIn('laoshi');
    const finance = await kd.signIn('caiwu');
    const frontDesk = await kd.signIn('qiantai');
    const miaomiao = kd.classId('苗苗班');

    const roster = await kd.ok('families.children', { status: 'all' }, teacher);
    expect(roster.length).toBeGreaterThan(0);
    expect(new Set(roster.map((c) => c.classId))).toEqual(new Set([miaomiao]));
    const other = await kd.ok('families.children', { classId: kd.classId('太阳班') });
    const otherHousehold = other.find((c) => !roster.some((r) => r.householdId === c.householdId))!;
    const found = await kd.ok('families.search', { q: otherHousehold.name }, teacher);
    expect(found.filter((r) => r.kind === 'child')).toEqual([]);
    const peek = await kd.call('families.household', { id: otherHousehold.householdId }, teacher);
    expect(peek.ok).toBe(false);

    const own = roster[0]!;
    // Her own families' phones are there to call; a child's ID number is masked for her, whole for the office.
    const withId = kd.sqlite.prepare("SELECT id, household_id AS householdId, id_number AS idNumber FROM children WHERE class_id = ? AND id_number IS NOT NULL LIMIT 1").get(miaomiao) as { id: number; householdId: number; idNumber: string };
    const seen = await kd.ok('families.household', { id: withId.householdId }, teacher);
    const masked = seen.children.find((c) => c.id === withId.id)!.idNumber!;
    expect(masked).toMatch(/^\d{6}\*+\w{4}$/);
    expect(masked).not.toBe(withId.idNumber);
    expect((await kd.ok('families.household', { id: withId.householdId }, frontDesk)).children.find((c) => c.id === withId.id)!.idNumber).toBe(withId.idNumber);
    expect(seen.guardians.some((g) => /^1\d{10}$/.test(g.mobile))).toBe(true);
    await kd.ok('families.addContact', { householdId: own.householdId, date: '2026-11-20', channel: 'handbook', topic: '本周表现' }, teacher);
    const elsewhere = await kd.call('families.addContact', { householdId: otherHousehold.householdId, date: '2026-11-20', channel: 'phone', topic: 'x' }, teacher);
    expect(elsewhere.ok).toBe(false);

    const newFamily = { children: [child(miaomiao, { name: '权限测试' })], guardians: [guardian({ mobile: '13644445555' })] };
    for (const session of [teacher, finance]) {
      const r = await kd.call('families.create', newFamily, session);
      expect(r.ok === false && r.error.code).toBe('forbidden');
    }
    expect((await kd.call('families.feedback', {}, teacher)).ok).toBe(false);
    expect((await kd.call('families.feedback', {}, finance)).ok).toBe(true);
    expect((await kd.call('families.create', newFamily, frontDesk)).ok).toBe(true);
  });
});

describe('the demo kindergarten', () => {
  it('gives every child the enrolment history the app records, and its leavers no attendance after leaving', async () => {
    const kids = kd.sqlite
      .prepare(`SELECT id, enrolled_on AS enrolledOn, status, status_since AS since FROM children`)
      .all() as { id: number; enrolledOn: string; status: string; since: string | null }[];
    const firstRows = kd.sqlite
      .prepare(`SELECT child_id AS childId, to_status AS toStatus, effective_on AS effectiveOn FROM child_status_changes WHERE from_status IS NULL`)
      .all() as { childId: number; toStatus: string; effectiveOn: string }[];
    const firstOf = new Map(firstRows.map((r) => [r.childId, r]));
    for (const k of kids) {
      expect(firstOf.get(k.id)).toEqual({ childId: k.id, toStatus: 'enrolled', effectiveOn: k.enrolledOn });
      expect(k.since).not.toBeNull();
    }

    const withdrawn = await kd.ok('families.children', { status: 'withdrawn' });
    const suspended = await kd.ok('families.children', { status: 'suspended' });
    const demoLeaver = withdrawn.find((c) => c.statusSince === '2026-10-19')!;
    expect(demoLeaver).toBeDefined();
    expect(suspended.map((c) => c.statusSince)).toContain('2026-11-02');
    const opened = await kd.ok('families.household', { id: demoLeaver.householdId });
    const timeline = opened.children.find((c) => c.name === demoLeaver.name)!.history;
    expect(timeline.map((h: { toStatus: string; effectiveOn: string; reason: string }) => [h.toStatus, h.effectiveOn, h.reason])).toEqual([
      ['enrolled', '2024-09-01', '入园'],
      ['withdrawn', '2026-10-19', '父母工作调动，随家迁往苏州'],
    ]);

    // Attendance refuses days on or after leaving, so the demo must not hold any.
    const afterLeaving = kd.sqlite
      .prepare(`SELECT count(*) FROM attendance a JOIN children c ON c.id = a.child_id WHERE c.status <> 'enrolled' AND a.date >= c.status_since`)
      .pluck()
      .get();
    expect(afterLeaving).toBe(0);
    const beforeLeaving = kd.sqlite
      .prepare(`SELECT count(*) FROM attendance a JOIN children c ON c.id = a.child_id WHERE c.status = 'withdrawn' AND a.date = '2026-10-16'`)
      .pluck()
      .get();
    expect(beforeLeaving).toBeGreaterThan(0);
  });
});

describe('removing a guardian', () => {
  it('needs a reason, keeps the family with at least one guardian, and keeps the removed person in the audit log', async () => {
    const { householdId } = await kd.ok('families.create', {
      children: [child(kd.classId('蒲公英班'), { name: '周保姆', birthDate: '2022-06-06', enrolledOn: '2025-09-01' })],
      guardians: [guardian({ name: '周母', relationship: '母亲', mobile: '13655556666' }), guardian({ name: '刘阿姨', relationship: '其他', mobile: '13655557777' })],
    });
    const [mother, nanny] = (await kd.ok('families.household', { id: householdId })).guardians as [Guardian, Guardian];

    let before = kd.counts();
    const noReason = await kd.call('families.removeGuardian', { id: nanny.id, reason: ' ' });
    expect(noReason.ok === false && noReason.error.fields).toEqual({ reason: '请填写移除原因' });
    expect(kd.counts()).toEqual(before);

    await kd.ok('families.removeGuardian', { id: nanny.id, reason: '保姆已离职' }, await kd.signIn('qiantai'));
    const after = kd.counts();
    expect(after.guardians).toBe(before.guardians - 1);
    const audit = kd.sqlite.prepare(`SELECT summary, before_json AS before FROM audit_log WHERE action = 'guardian.remove' ORDER BY id DESC`).get() as { summary: string; before: string };
    expect(audit.summary).toBe('移除家长 刘阿姨（其他）：保姆已离职');
    expect(JSON.parse(audit.before)).toMatchObject({ name: '刘阿姨', mobile: '13655557777' });
    // The number is free again, e.g. for the nanny's next family.
    expect((await kd.ok('families.search', { q: '13655557777' })).length).toBe(0);

    before = kd.counts();
    const last = await kd.call('families.removeGuardian', { id: mother.id, reason: '测试' });
    expect(last.ok === false && last.error.message).toContain('至少要保留一位家长');
    const finance = await kd.call('families.removeGuardian', { id: mother.id, reason: '测试' }, await kd.signIn('caiwu'));
    expect(finance.ok === false && finance.error.code).toBe('forbidden');
    expect(kd.counts()).toEqual(before);
  });
});
