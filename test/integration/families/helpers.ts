import type { Api } from '../../../electron/api/index';
import { demoBackend as demo } from '../../backend';

type ChildInput = Api['families.addChild']['input']['child'];
type GuardianInput = Api['families.addGuardian']['input']['guardian'];

/** A demo kindergarten in a real SQLite file, with the clock fixed on a school day. */
export async function demoBackend(now = '2026-11-20T02:00:00Z') {
  const env = await demo({ at: now });
  const count = (table: string) => env.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const counts = () => ({
    households: count('households'),
    children: count('children'),
    guardians: count('guardians'),
    child_status_changes: count('child_status_changes'),
    contact_log: count('contact_log'),
    feedback: count('feedback'),
    audit_log: count('audit_log'),
  });
  return { ...env, admin: env.session, counts };
}

export type DemoBackend = Awaited<ReturnType<typeof demoBackend>>;

export const child = (classId: number, over: Partial<ChildInput> = {}): ChildInput => ({
  name: '张三',
  gender: 'M',
  birthDate: '2023-04-01',
  classId,
  enrolledOn: '2026-09-01',
  ...over,
});

export const guardian = (over: Partial<GuardianInput> = {}): GuardianInput => ({
  name: '张建国',
  relationship: '父亲',
  mobile: '13700005678',
  ...over,
});
