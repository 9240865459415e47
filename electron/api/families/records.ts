import { and, eq, ne } from 'drizzle-orm';
import { childDateProblems } from '../../../core/families/child-dates';
import { maskMobile } from '../../../core/families/mobile';
import { pinyinKeys } from '../../../core/search/pinyin';
import { childStatusChanges, children, classes, guardians } from '../../../db/schema';
import type { HandlerContext } from '../define';
import { invalid } from '../errors';
import { msg } from '../messages';
import { actorOf } from './access';
import type { ChildInput, GuardianInput } from './inputs';

/** Checks and inserts the child and guardian handlers share (new family, sibling, import). */

export type ChildRow = typeof children.$inferSelect;
export type GuardianRow = typeof guardians.$inferSelect;

export function assertClassOpen(ctx: HandlerContext, classId: number, field: string): string {
  const row = ctx.db.select().from(classes).where(eq(classes.id, classId)).get();
  if (!row) throw invalid('所选班级不存在，请重新选择', 'Unknown class.', { [field]: msg('所选班级不存在', 'Unknown class') });
  if (row.archived) throw invalid(`班级「${row.name}」已归档，不能再编入幼儿`, 'That class is archived.', { [field]: msg('班级已归档', 'This class is archived') });
  return row.name;
}

/** Every date problem of the record at once, each at its own field (core/families/child-dates.ts). */
export function assertChildDates(ctx: HandlerContext, child: ChildInput, prefix: string): void {
  const problems = childDateProblems(child, ctx.today());
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw invalid(
    first.message,
    first.messageEn,
    Object.fromEntries(problems.map((p) => [`${prefix}${p.field}`, msg(p.message, p.messageEn)])),
  );
}

export function assertIdNumberFree(ctx: HandlerContext, idNumber: string | null, exceptChildId: number | null, field: string) {
  if (!idNumber) return;
  const clash = ctx.db.select().from(children).where(eq(children.idNumber, idNumber)).get();
  if (clash && clash.id !== exceptChildId) {
    throw invalid(`身份证号已登记给幼儿「${clash.name}」`, 'That ID number is already on file.', { [field]: msg('身份证号已登记', 'This ID number is already on file') });
  }
}

/** One mobile number belongs to one household: siblings are added to the family that already has it. */
export function assertMobileFree(ctx: HandlerContext, mobile: string, householdId: number | null, exceptGuardianId: number | null, field: string) {
  const clash = ctx.db
    .select()
    .from(guardians)
    .where(and(eq(guardians.mobile, mobile), exceptGuardianId === null ? undefined : ne(guardians.id, exceptGuardianId)))
    .get();
  if (clash && clash.householdId !== householdId) {
    throw invalid(
      `手机号 ${maskMobile(mobile)} 已登记为另一个家庭的家长「${clash.name}」。兄弟姐妹请添加到同一个家庭。`,
      'That mobile number belongs to another family.',
      { [field]: msg('手机号已登记在另一个家庭', 'This mobile belongs to another family') },
    );
  }
  if (clash && clash.householdId === householdId) {
    throw invalid(`本家庭已有手机号为 ${maskMobile(mobile)} 的家长「${clash.name}」`, 'Duplicate mobile in this family.', { [field]: msg('手机号重复', 'This mobile is already in this family') });
  }
}

/** Stored with its pinyin and initials, for the one search box. */
export function withNameKeys<T extends { name: string }>(value: T) {
  const keys = pinyinKeys(value.name);
  return { ...value, namePinyin: keys.full, nameInitials: keys.initials };
}

export function insertChild(ctx: HandlerContext, householdId: number, child: ChildInput): ChildRow {
  const row = ctx.db
    .insert(children)
    .values({ ...withNameKeys(child), householdId, status: 'enrolled', statusSince: child.enrolledOn })
    .returning()
    .get();
  ctx.db
    .insert(childStatusChanges)
    .values({ childId: row.id, fromStatus: null, toStatus: 'enrolled', effectiveOn: child.enrolledOn, reason: '入园', recordedBy: actorOf(ctx).staffId })
    .run();
  ctx.audit({ action: 'child.create', kind: 'record', entity: 'child', entityId: row.id, summary: `新增幼儿 ${row.name}`, after: row });
  return row;
}

export function insertGuardian(ctx: HandlerContext, householdId: number, g: GuardianInput): GuardianRow {
  const row = ctx.db
    .insert(guardians)
    .values({ ...withNameKeys(g), householdId })
    .returning()
    .get();
  ctx.audit({ action: 'guardian.create', kind: 'record', entity: 'guardian', entityId: row.id, summary: `新增家长 ${row.name}`, after: row });
  return row;
}
