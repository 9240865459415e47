// A kindergarten with no money on its books (the demo now has bills): set up
// through the first-start API, three families of one child each, and one
// account of every role. Today is Monday 2026-11-23, 10:00 in Beijing.
import { staff } from '../../../db/schema';
import type { Api, ApiName } from '../../../electron/api/index';
import { hashPassword } from '../../../electron/auth/password';
import { freshBackend } from '../../backend';

export const NOW = new Date('2026-11-23T02:00:00Z');
const PASSWORD = 'kinder2026';

export async function cleanKindergarten(now: Date = NOW) {
  const env = freshBackend({ at: now, automaticBackups: false });
  const { backend } = env;
  const must = env.ok;
  const { session: admin } = await must('setup.complete', {
    profile: { name: '南通市崇川区实验幼儿园', type: 'public', fundingType: 'balance', grade: 'municipal', policyId: 'nantong-2018' },
    schoolYear: {
      name: '2026-2027学年',
      semesters: [
        { name: '2026年秋季学期', firstMonth: '2026-09', lastMonth: '2027-01' },
        { name: '2027年春季学期', firstMonth: '2027-02', lastMonth: '2027-07' },
      ],
    },
    classes: [
      { name: '星星班', level: 'toddler', headTeacher: '王丽' },
      { name: '苗苗班', level: 'small', headTeacher: '李娜' },
      { name: '向日葵班', level: 'middle', headTeacher: '张敏' },
    ],
    principal: { username: 'admin', displayName: '周园长', password: PASSWORD },
  });
  env.session = admin;
  const { sqlite, db } = backend.database();
  const classId = env.classId;
  const families = [
    { child: '王小明', className: '星星班', birthDate: '2024-03-05', mobile: '13800000001', reductionCategory: null },
    { child: '李小红', className: '苗苗班', birthDate: '2023-05-06', mobile: '13800000002', reductionCategory: 'dibao' as const },
    { child: '张小刚', className: '向日葵班', birthDate: '2022-07-08', mobile: '13800000003', reductionCategory: null },
  ];
  for (const f of families) {
    await must(
      'families.create',
      {
        address: '崇川区工农路1号',
        children: [
          {
            name: f.child,
            gender: 'M',
            birthDate: f.birthDate,
            classId: classId(f.className),
            enrolledOn: '2026-09-01',
            reductionCategory: f.reductionCategory,
            reductionNote: f.reductionCategory ? '低保证 320601-0001' : '',
          },
        ],
        guardians: [{ name: `${f.child.slice(0, 1)}爸爸`, relationship: '父亲', mobile: f.mobile }],
      },
      admin,
    );
  }
  const passwordHash = hashPassword(PASSWORD);
  db.insert(staff)
    .values([
      { username: 'caiwu', displayName: '孙会计', role: 'finance', passwordHash },
      { username: 'qiantai', displayName: '吴老师', role: 'front_desk', passwordHash },
      { username: 'laoshi', displayName: '李娜', role: 'teacher', classId: classId('苗苗班'), passwordHash },
    ])
    .run();
  const login = (username: string) => env.signIn(username, PASSWORD);
  const ok = <K extends ApiName>(name: K, input: Api[K]['input'], session = admin) => env.ok(name, input, session);
  const call = <K extends ApiName>(name: K, input: Api[K]['input'], session = admin) => env.call(name, input, session);
  return { backend, sqlite, admin, ok, call, login, classId, close: env.close };
}
