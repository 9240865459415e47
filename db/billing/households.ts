// Who a household is on the money screens: its children (with class) and
// guardians. Phones leave here masked; the full number is on the family record.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { maskMobile } from '../../core/families/mobile';
import type { Db } from '../open';
import { householdLabels } from '../queries/families';
import { children, classes, guardians } from '../schema';

export interface HouseholdPeople {
  householdId: number;
  /** 张三、张小四 (db/queries/families.ts householdLabels). */
  label: string;
  children: { id: number; name: string; classId: number; className: string; status: string }[];
  guardians: { id: number; name: string; relationship: string; mobileMasked: string; isEmergencyContact: boolean }[];
}

export function householdPeople(db: Db, householdIds: readonly number[]): Map<number, HouseholdPeople> {
  const out = new Map<number, HouseholdPeople>();
  if (householdIds.length === 0) return out;
  const ids = [...new Set(householdIds)];
  for (const id of ids) out.set(id, { householdId: id, label: '', children: [], guardians: [] });
  const kids = db
    .select({ id: children.id, householdId: children.householdId, name: children.name, classId: children.classId, className: classes.name, status: children.status })
    .from(children)
    .innerJoin(classes, eq(classes.id, children.classId))
    .where(inArray(children.householdId, ids))
    .orderBy(asc(children.birthDate))
    .all();
  for (const { householdId, ...k } of kids) out.get(householdId)!.children.push(k);
  const adults = db
    .select()
    .from(guardians)
    .where(inArray(guardians.householdId, ids))
    // The emergency contact first: the one the desk calls.
    .orderBy(desc(guardians.isEmergencyContact), asc(guardians.id))
    .all();
  for (const g of adults) {
    out.get(g.householdId)!.guardians.push({ id: g.id, name: g.name, relationship: g.relationship, mobileMasked: maskMobile(g.mobile), isEmergencyContact: g.isEmergencyContact });
  }
  const labels = householdLabels(db, ids);
  for (const h of out.values()) h.label = labels.get(h.householdId) ?? '';
  return out;
}
