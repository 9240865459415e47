import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../open';
import { children, classes, staff } from '../schema';

/**
 * Lookups the families area and others (surveys, attendance) share. A
 * household is named by its children, as the staff know them: "张三、张小四".
 */
export function householdLabels(db: Db, ids: readonly number[]): Map<number, string> {
  const labels = new Map<number, string>();
  if (ids.length === 0) return labels;
  const rows = db
    .select({ householdId: children.householdId, name: children.name })
    .from(children)
    .where(inArray(children.householdId, [...new Set(ids)]))
    .orderBy(asc(children.birthDate))
    .all();
  for (const r of rows) labels.set(r.householdId, labels.has(r.householdId) ? `${labels.get(r.householdId)}、${r.name}` : r.name);
  return labels;
}

export function staffNames(db: Db): Map<number, string> {
  return new Map(db.select({ id: staff.id, name: staff.displayName }).from(staff).all().map((s) => [s.id, s.name]));
}

export function classNames(db: Db): Map<number, string> {
  return new Map(db.select({ id: classes.id, name: classes.name }).from(classes).all().map((c) => [c.id, c.name]));
}
