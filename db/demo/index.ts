import { idCheckChar } from '../../core/families/id-number';
import { datesBetween } from '../../core/calendar/dates';
import { pinyinKeys } from '../../core/search/pinyin';
import type { AttendanceStatus } from '../../core/attendance/status';
import type { Db } from '../open';
import {
  attendance,
  children,
  classes,
  closures,
  guardians,
  households,
  kindergarten,
  schoolYears,
  semesters,
  staff,
} from '../schema';
import { type Random, seededRandom } from './random';
import { loadBillingDemo } from './billing';
import { demoLeftOn, loadFamiliesDemo } from './families';
import { loadPaymentsDemo } from './payments';
import { loadSettlementDemo } from './settlement';
import { loadSurveyDemo } from './surveys';

/**
 * The demo kindergarten: about 120 children in 5 classes, their guardians,
 * a school year with two semesters, staff of every role and attendance from
 * September to the 20th of November 2026. Deterministic, and marked as demo.
 */
export interface DemoOptions {
  hashPassword(password: string): string;
  /** Legal working days, from the legal calendar. */
  isWorkingDay(date: string): boolean;
  /** Attendance is generated up to and including this day. */
  until?: string;
  /** Payments for the demo bills and the September settlement after them (default true); the payments tests start from the bills alone. */
  payments?: boolean;
}

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: '周园长', role: 'principal' },
  { username: 'caiwu', displayName: '孙会计', role: 'finance' },
  { username: 'qiantai', displayName: '吴老师（前台）', role: 'front_desk' },
  { username: 'laoshi', displayName: '李娜', role: 'teacher', classIndex: 1 },
] as const;

const CLASSES = [
  { name: '星星班', level: 'toddler', headTeacher: '王丽', size: 20 },
  { name: '苗苗班', level: 'small', headTeacher: '李娜', size: 25 },
  { name: '向日葵班', level: 'middle', headTeacher: '张敏', size: 25 },
  { name: '蒲公英班', level: 'middle', headTeacher: '陈静', size: 25 },
  { name: '太阳班', level: 'large', headTeacher: '刘芳', size: 25 },
] as const;
const BIRTH_YEAR = { toddler: 2024, small: 2023, middle: 2022, large: 2021 } as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN_BOY = '子轩浩宇俊熙宇航皓轩梓豪博文一鸣天佑沐阳晨阳宇泽睿哲明轩铭泽思远嘉懿子墨'.match(/../g)!;
const GIVEN_GIRL = '梓涵一诺欣怡诗涵雨桐可馨紫萱语嫣若曦思琪梦瑶雅琪佳怡心悦安琪子涵语桐晓彤'.match(/../g)!;
// Given names by role and generation: parents born around 1990, grandparents around 1960.
export const DEMO_GIVEN_NAMES = {
  man: '伟 磊 涛 鹏 杰 超 强 军 斌 浩 俊杰 志强 晓东 文杰 海峰 建伟 明辉 宏伟 振宇 立新 永刚 国栋 建军 伟明 晓峰 云飞 志刚 俊峰'.split(' '),
  woman: '婷 静 丽 娟 敏 燕 雪 芳 艳 倩 婷婷 海燕 丽华 春燕 晓丽 红霞 慧敏 雅琴 秀娟 丽娜 晶晶 佳佳 晓燕 玲玲 雪梅 美玲 文静 小红'.split(' '),
  oldMan: '建国 国庆 建华 志刚 卫东 德明 振华 国平 长林 保国 金生 永福 德胜 学军 根宝 荣华'.split(' '),
  oldWoman: '秀英 淑芬 玉兰 桂英 凤英 秀兰 桂兰 素珍 美华 红梅 金凤 玉珍 翠英 桂芳 雪琴 月娥'.split(' '),
};
const GRANDPARENTS = ['祖父', '祖母', '外祖父', '外祖母'] as const;
// Birth registration areas of Nantong since 2020 (港闸区 merged into 崇川区): most demo
// children were born where they live, some in the surrounding counties.
const AREA_OF_DISTRICT: Record<string, string> = { 崇川区: '320602', 港闸区: '320602', 开发区: '320602', 通州区: '320612' };
const NANTONG_AREAS = ['320612', '320614', '320623', '320681', '320682', '320685'];
const STREETS = ['崇川区工农路', '港闸区永兴路', '崇川区青年中路', '开发区星湖大道', '崇川区人民中路', '通州区世纪大道'];
const WORKPLACES = ['南通中远船务', '市第一人民医院', '崇川区实验小学', '个体经营', '南通农商银行', '国网南通供电公司', '自由职业', ''];
const MOBILE_PREFIXES = ['138', '139', '137', '135', '150', '151', '158', '186', '187', '189', '133', '177'];

function pad(n: number) {
  return String(n).padStart(2, '0');
}

function mobile(rng: Random, used: Set<string>): string {
  for (;;) {
    const m = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99999999)).padStart(8, '0');
    if (!used.has(m)) {
      used.add(m);
      return m;
    }
  }
}

/** A resident ID (GB 11643-1999) that agrees with the child: birth date, odd sequence for a boy, check character. */
function idNumber(rng: Random, address: string, birthDate: string, gender: 'M' | 'F', used: Set<string>): string {
  const district = Object.keys(AREA_OF_DISTRICT).find((d) => address.startsWith(d));
  for (;;) {
    const area = rng.chance(0.75) && district ? AREA_OF_DISTRICT[district]! : rng.pick(NANTONG_AREAS);
    const sequence = String(rng.int(0, 499) * 2 + (gender === 'M' ? 1 : 0)).padStart(3, '0');
    const first17 = `${area}${birthDate.replaceAll('-', '')}${sequence}`;
    if (used.has(first17)) continue;
    used.add(first17);
    return first17 + idCheckChar(first17);
  }
}

function childName(rng: Random, surname: string, gender: 'M' | 'F', used: Set<string>): string {
  for (;;) {
    const name = surname + rng.pick(gender === 'M' ? GIVEN_BOY : GIVEN_GIRL);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function loadDemo(db: Db, options: DemoOptions): { children: number; attendanceRows: number } {
  const rng = seededRandom(20260901);
  const until = options.until ?? '2026-11-20';

  db.insert(kindergarten)
    .values({
      id: 1,
      name: '阳光幼儿园（演示）',
      type: 'public',
      fundingType: 'balance',
      grade: 'municipal',
      policyId: 'nantong-2018',
      isDemo: true,
    })
    .run();
  const year = db.insert(schoolYears).values({ name: '2026-2027学年' }).returning().get();
  db.insert(semesters)
    .values([
      { schoolYearId: year.id, name: '2026年秋季学期', firstMonth: '2026-09', lastMonth: '2027-01' },
      { schoolYearId: year.id, name: '2027年春季学期', firstMonth: '2027-02', lastMonth: '2027-07' },
    ])
    .run();
  const classRows = CLASSES.map((c) =>
    db.insert(classes).values({ name: c.name, level: c.level, headTeacher: c.headTeacher }).returning().get(),
  );

  const passwordHash = options.hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const classId = 'classIndex' in account ? classRows[account.classIndex]!.id : null;
    db.insert(staff)
      .values({ username: account.username, displayName: account.displayName, role: account.role, classId, passwordHash })
      .run();
  }

  const usedNames = new Set<string>();
  const usedMobiles = new Set<string>();
  const usedIds = new Set<string>();
  const addresses = new Map<number, string>();
  // ID numbers and grandmothers' surnames: a stream of their own, added later than the rest.
  const identity = seededRandom(11643);
  const childRows: { id: number; classIndex: number; absence: number; leftOn: string | null }[] = [];
  // About one family in twelve has a second child in a later class.
  const siblingQueue: { householdId: number; surname: string; classIndex: number }[] = [];

  CLASSES.forEach((cls, classIndex) => {
    for (let i = 0; i < cls.size; i++) {
      const waiting = siblingQueue[0];
      const sibling = waiting && waiting.classIndex < classIndex && rng.chance(0.5) ? siblingQueue.shift()! : null;
      let householdId: number;
      let surname: string;
      if (sibling) {
        householdId = sibling.householdId;
        surname = sibling.surname;
      } else {
        surname = rng.pick(SURNAMES);
        const address = `${rng.pick(STREETS)}${rng.int(1, 300)}号${rng.int(1, 30)}幢${rng.int(1, 6)}0${rng.int(1, 4)}室`;
        householdId = db.insert(households).values({ address }).returning().get().id;
        addresses.set(householdId, address);
        addGuardians(db, rng, identity, householdId, surname, address, usedMobiles);
        if (rng.chance(1 / 12)) siblingQueue.push({ householdId, surname, classIndex });
      }
      const gender = rng.chance(0.5) ? 'M' : 'F';
      const name = childName(rng, surname, gender, usedNames);
      const keys = pinyinKeys(name);
      const birthYear = BIRTH_YEAR[cls.level];
      const birthDate = `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      const enrolledOn = cls.level === 'toddler' || cls.level === 'small' ? '2026-09-01' : `${birthYear + 3}-09-01`;
      const row = db
        .insert(children)
        .values({
          householdId,
          name,
          namePinyin: keys.full,
          nameInitials: keys.initials,
          gender,
          birthDate,
          idNumber: idNumber(identity, addresses.get(householdId)!, birthDate, gender, usedIds),
          classId: classRows[classIndex]!.id,
          enrolledOn,
          // As the app records a new child: in its current status since enrolment.
          statusSince: enrolledOn,
          billingMode: rng.chance(0.3) ? 'semester' : 'monthly',
          meals: true,
          custodyAgreedOn: rng.chance(0.15) ? '2026-08-28' : null,
          busAgreedOn: rng.chance(0.1) ? '2026-08-28' : null,
          reductionCategory: rng.chance(0.03) ? 'dibao' : null,
          reductionNote: null,
        })
        .returning()
        .get();
      childRows.push({ id: row.id, classIndex, absence: rng.chance(0.1) ? 0.2 : 0.04, leftOn: demoLeftOn(childRows.length) });
    }
  });

  // A day of disinfection closure for one class (NT-3.3b) — a kindergarten reason.
  const closureDay = '2026-11-13';
  db.insert(closures)
    .values({
      firstDate: closureDay,
      lastDate: closureDay,
      kind: 'suspension',
      classId: classRows[1]!.id,
      reason: '班级出现诺如病毒病例，停课消毒一天',
    })
    .run();

  const workingDays = datesBetween('2026-09-01', until).filter(options.isWorkingDay);
  // Two children with a long illness, so the refund tiers have real cases to show.
  const longIllness = new Map<number, [string, string]>([
    [childRows[7]!.id, ['2026-10-09', '2026-10-31']],
    [childRows[40]!.id, ['2026-11-02', '2026-11-13']],
  ]);
  const rows: (typeof attendance.$inferInsert)[] = [];
  for (const child of childRows) {
    let sickLeft = 0;
    for (const date of workingDays) {
      if (child.classIndex === 1 && date === closureDay) continue;
      const illness = longIllness.get(child.id);
      let status: AttendanceStatus = 'present';
      let note = '';
      if (illness && date >= illness[0] && date <= illness[1]) {
        status = 'sick';
        note = '住院治疗';
      } else if (sickLeft > 0) {
        sickLeft--;
        status = 'sick';
      } else if (rng.chance(child.absence / 3)) {
        sickLeft = rng.int(1, 3);
        status = 'sick';
        note = rng.pick(['发烧', '感冒', '咳嗽', '手足口病观察']);
      } else if (rng.chance(child.absence / 4)) {
        status = rng.chance(0.8) ? 'personal' : 'other';
        note = status === 'personal' ? rng.pick(['回老家', '家中有事', '外出旅行']) : '';
      }
      // A child who left (db/demo/families.ts) has no attendance from that day on. The day's
      // draws above still happen, so every other child's attendance stays the same.
      if (child.leftOn !== null && date >= child.leftOn) continue;
      rows.push({ childId: child.id, date, status, note, recordedAt: `${date}T01:30:00.000Z` });
    }
  }
  for (let i = 0; i < rows.length; i += 500) db.insert(attendance).values(rows.slice(i, i + 500)).run();
  loadFamiliesDemo(db);
  loadBillingDemo(db, options.isWorkingDay);
  loadSurveyDemo(db);
  if (options.payments !== false) {
    // After the demo bills (db/demo/billing.ts): payments for most of them.
    loadPaymentsDemo(db);
    // Last: the month-end settlement of September reads the bills and payments made above.
    loadSettlementDemo(db);
  }
  return { children: childRows.length, attendanceRows: rows.length };
}

function addGuardians(db: Db, rng: Random, names: Random, householdId: number, surname: string, address: string, used: Set<string>) {
  const motherSurname = rng.pick(SURNAMES);
  const people = [
    { name: surname + rng.pick(DEMO_GIVEN_NAMES.man), relationship: '父亲', emergency: false },
    { name: motherSurname + rng.pick(DEMO_GIVEN_NAMES.woman), relationship: '母亲', emergency: true },
  ];
  if (rng.chance(0.3)) {
    // As many draws from `rng` as before, so the rest of the demo stays the same; surnames of
    // grandmothers (not the family's) come from their own stream.
    const given = rng.next();
    const relationship = rng.pick(GRANDPARENTS);
    const male = relationship === '祖父' || relationship === '外祖父';
    const pool = male ? DEMO_GIVEN_NAMES.oldMan : DEMO_GIVEN_NAMES.oldWoman;
    const family = relationship === '祖父' ? surname : relationship === '外祖父' ? motherSurname : names.pick(SURNAMES);
    people.push({ name: family + pool[Math.floor(given * pool.length)]!, relationship, emergency: false });
  }
  for (const p of people) {
    const keys = pinyinKeys(p.name);
    db.insert(guardians)
      .values({
        householdId,
        name: p.name,
        namePinyin: keys.full,
        nameInitials: keys.initials,
        relationship: p.relationship,
        mobile: mobile(rng, used),
        wechat: rng.chance(0.7) ? `wx_${keys.full}${rng.int(10, 99)}` : '',
        address,
        workplace: rng.pick(WORKPLACES),
        isEmergencyContact: p.emergency,
        canPickUp: true,
      })
      .run();
  }
}
