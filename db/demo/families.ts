import { asc, eq } from 'drizzle-orm';
import type { Db } from '../open';
import { childStatusChanges, children, contactLog, feedback, staff } from '../schema';

/**
 * Two children who stopped coming during the autumn term, so the roster's
 * 休学 / 退园 filters and a leaver's status timeline have real cases. Indexes
 * are in creation order: one in 蒲公英班, one in 太阳班 (classes whose
 * enrolled head-counts no other demo story depends on).
 */
const DEMO_LEAVERS = [
  { childIndex: 80, status: 'suspended', since: '2026-11-02', reason: '哮喘反复，遵医嘱居家休养至寒假', recordedOn: '2026-10-30' },
  { childIndex: 110, status: 'withdrawn', since: '2026-10-19', reason: '父母工作调动，随家迁往苏州', recordedOn: '2026-10-16' },
] as const;

/** The first day the demo child at `childIndex` no longer comes (no attendance from then on), or null. */
export function demoLeftOn(childIndex: number): string | null {
  return DEMO_LEAVERS.find((l) => l.childIndex === childIndex)?.since ?? null;
}

/**
 * A term's worth of front-desk conversations and complaints for the demo, so
 * the contact log, the follow-up list and the complaints board have something
 * to show: some follow-ups overdue, some due around the demo's last day.
 */
export function loadFamiliesDemo(db: Db): void {
  const staffId = (username: string) => db.select().from(staff).all().find((s) => s.username === username)!.id;
  const desk = staffId('qiantai');
  const principal = staffId('admin');
  const teacher = staffId('laoshi');
  const kids = db
    .select({ id: children.id, householdId: children.householdId, enrolledOn: children.enrolledOn })
    .from(children)
    .orderBy(asc(children.id))
    .all();
  const kid = (i: number) => kids[i % kids.length]!;

  // Every child's history starts with its enrolment, as when the front desk registers one.
  const history: (typeof childStatusChanges.$inferInsert)[] = kids.map((k) => ({
    childId: k.id,
    fromStatus: null,
    toStatus: 'enrolled',
    effectiveOn: k.enrolledOn,
    reason: '入园',
    recordedBy: desk,
    recordedAt: `${k.enrolledOn}T01:00:00.000Z`,
  }));
  for (const leaver of DEMO_LEAVERS) {
    const child = kid(leaver.childIndex);
    db.update(children).set({ status: leaver.status, statusSince: leaver.since, statusReason: leaver.reason }).where(eq(children.id, child.id)).run();
    history.push({
      childId: child.id,
      fromStatus: 'enrolled',
      toStatus: leaver.status,
      effectiveOn: leaver.since,
      reason: leaver.reason,
      recordedBy: desk,
      recordedAt: `${leaver.recordedOn}T02:00:00.000Z`,
    });
  }
  for (let i = 0; i < history.length; i += 500) db.insert(childStatusChanges).values(history.slice(i, i + 500)).run();

  const contacts: (typeof contactLog.$inferInsert)[] = [
    { ...pick(kid(7)), date: '2026-10-09', channel: 'phone', staffId: desk, topic: '病假', summary: '家长来电：孩子肺炎住院，预计请假三周。已告知按收费文件可退保教费。', followUpOn: '2026-10-30', followUpDoneOn: '2026-10-30', followUpDoneBy: desk, followUpNote: '已出院，下周一返园。' },
    { ...pick(kid(40)), date: '2026-11-02', channel: 'wechat', staffId: teacher, topic: '请假', summary: '妈妈微信请假，孩子手足口病居家观察两周。', followUpOn: '2026-11-16' },
    { ...pick(kid(12)), date: '2026-11-10', channel: 'meeting', staffId: principal, topic: '午睡', summary: '家长反映孩子午睡困难，约定老师观察一周后反馈。', followUpOn: '2026-11-17' },
    { ...pick(kid(55)), date: '2026-11-18', channel: 'parent_meeting', staffId: principal, topic: '收费说明', summary: '家长会上询问伙食费结算方式，已解释按实际在园天数结算。', followUpOn: '2026-11-20' },
    { ...pick(kid(90)), date: '2026-11-19', channel: 'handbook', staffId: teacher, topic: '过敏', summary: '家园联系手册：孩子对芒果过敏，已通知食堂。', followUpOn: '2026-11-23' },
    { ...pick(kid(101)), date: '2026-11-20', channel: 'phone', staffId: desk, topic: '转园咨询', summary: '家长询问下学期转园手续及退费办法。', followUpOn: '2026-11-27' },
    { ...pick(kid(110)), date: '2026-10-16', channel: 'meeting', staffId: desk, topic: '办理退园', summary: '妈妈来园办理退园：父母工作调动迁往苏州，10月19日起不再来园。已说明剩余费用按收费文件结算退还。' },
    { ...pick(kid(80)), date: '2026-10-30', channel: 'phone', staffId: principal, topic: '休学申请', summary: '爸爸来电：孩子哮喘反复，医生建议居家休养，申请11月2日起休学至寒假。', followUpOn: '2026-11-27' },
  ];
  db.insert(contactLog).values(contacts).run();

  db.insert(feedback)
    .values([
      { householdId: kid(12).householdId, receivedOn: '2026-09-15', channel: 'wechat', category: 'meals', content: '午餐蔬菜偏少，希望增加水果。', status: 'closed', handlerId: principal, reply: '已调整食谱，每天下午加一份水果，食谱每周公示。', closedOn: '2026-09-22', createdBy: desk },
      { householdId: null, anonymous: true, receivedOn: '2026-10-20', channel: 'suggestion_box', category: 'safety', content: '放学时门口秩序较乱，接送人员核对不严。', status: 'replied', handlerId: principal, reply: '已增加一名保安，接送卡核对后放行。', createdBy: desk },
      { householdId: kid(33).householdId, receivedOn: '2026-11-12', channel: 'phone', category: 'fees', content: '孩子10月病假两周，询问保教费如何退。', status: 'in_progress', handlerId: desk, createdBy: desk },
      { householdId: kid(77).householdId, receivedOn: '2026-11-19', channel: 'meeting', category: 'hygiene', content: '班级洗手间地面湿滑，担心孩子摔倒。', status: 'open', createdBy: desk },
    ])
    .run();
}

function pick(child: { id: number; householdId: number }) {
  return { householdId: child.householdId, childId: child.id };
}
