import { inArray } from 'drizzle-orm';
import { AUDIT_ID_FIELDS, type AuditNameKind } from '../../core/audit/id-fields';
import { householdLabels } from '../../db/queries/families';
import { children, classes, guardians, semesters, staff } from '../../db/schema';
import type { HandlerContext } from './define';

/**
 * The names a page of audit entries refers to, so the trail reads "王小明",
 * "周园长", "家庭 张三、张小四" instead of "幼儿 23", "staffId 1", "家庭 3":
 * the record an entry is about, and every id field in its before/after
 * (at any depth), and a roll call's children (keyed by id).
 */
export type AuditNames = Record<AuditNameKind, Record<string, string>>;

type Kind = AuditNameKind;

/** The entity column's record kinds that are named. */
const ENTITY_KINDS: Record<string, Kind> = { child: 'children', household: 'households', guardian: 'guardians', staff: 'staff', class: 'classes' };

export function auditNames(ctx: HandlerContext, rows: readonly { action: string; entity: string; entityId: string | null; before: unknown; after: unknown }[]): AuditNames {
  const wanted: Record<Kind, Set<number>> = { children: new Set(), households: new Set(), guardians: new Set(), staff: new Set(), classes: new Set(), semesters: new Set() };
  const add = (kind: Kind, value: unknown) => {
    for (const v of Array.isArray(value) ? value : [value]) if (Number.isInteger(Number(v)) && Number(v) > 0) wanted[kind].add(Number(v));
  };
  const walk = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      const kind = AUDIT_ID_FIELDS[key];
      if (kind) add(kind, v);
      else walk(v, depth + 1);
    }
  };
  for (const r of rows) {
    const kind = ENTITY_KINDS[r.entity];
    if (kind && r.entityId) add(kind, r.entityId);
    walk(r.before, 0);
    walk(r.after, 0);
    if (r.action === 'attendance.rollCall') {
      for (const side of [r.before, r.after]) if (side && typeof side === 'object') for (const key of Object.keys(side)) add('children', key);
    }
  }
  const named = <T extends { id: number; name: string }>(ids: Set<number>, load: (ids: number[]) => T[]) =>
    ids.size === 0 ? {} : Object.fromEntries(load([...ids]).map((r) => [String(r.id), r.name]));
  return {
    children: named(wanted.children, (ids) => ctx.db.select({ id: children.id, name: children.name }).from(children).where(inArray(children.id, ids)).all()),
    guardians: named(wanted.guardians, (ids) => ctx.db.select({ id: guardians.id, name: guardians.name }).from(guardians).where(inArray(guardians.id, ids)).all()),
    staff: named(wanted.staff, (ids) => ctx.db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids)).all()),
    classes: named(wanted.classes, (ids) => ctx.db.select({ id: classes.id, name: classes.name }).from(classes).where(inArray(classes.id, ids)).all()),
    semesters: named(wanted.semesters, (ids) => ctx.db.select({ id: semesters.id, name: semesters.name }).from(semesters).where(inArray(semesters.id, ids)).all()),
    households: Object.fromEntries([...householdLabels(ctx.db, [...wanted.households])].map(([id, label]) => [String(id), label])),
  };
}
