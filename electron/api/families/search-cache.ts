import { eq, sql } from 'drizzle-orm';
import { type SearchEntry, searchIndex } from '../../../core/families/search';
import { maskMobile } from '../../../core/families/mobile';
import type { Db } from '../../../db/open';
import { children, classes, guardians } from '../../../db/schema';

/**
 * The search index lives in memory, one per open database, and is rebuilt
 * when the database has changed since it was built: `total_changes()` moves
 * with every write on this connection and `data_version` with every write from
 * another one. A query is then a pass over prepared strings, not SQL.
 */
interface FamilyIndex {
  stamp: string;
  entries: SearchEntry[];
  children: Map<number, { classId: number; className: string; status: string }>;
  guardians: Map<number, { relationship: string }>;
  /** household → its children, for "张伟（父亲）· 张三 苗苗班" lines. */
  households: Map<number, { id: number; name: string; classId: number; className: string; status: string }[]>;
}

const cache = new WeakMap<Db, FamilyIndex>();

function stampOf(db: Db): string {
  const row = db.get<{ version: number; changes: number }>(
    sql`SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes`,
  );
  return `${row.version}:${row.changes}`;
}

function build(db: Db, stamp: string): FamilyIndex {
  const childRows = db
    .select({
      id: children.id,
      householdId: children.householdId,
      name: children.name,
      pinyin: children.namePinyin,
      initials: children.nameInitials,
      classId: children.classId,
      className: classes.name,
      status: children.status,
    })
    .from(children)
    .innerJoin(classes, eq(classes.id, children.classId))
    .all();
  const guardianRows = db
    .select({
      id: guardians.id,
      householdId: guardians.householdId,
      name: guardians.name,
      pinyin: guardians.namePinyin,
      initials: guardians.nameInitials,
      mobile: guardians.mobile,
      relationship: guardians.relationship,
    })
    .from(guardians)
    .all();
  const index: FamilyIndex = { stamp, entries: [], children: new Map(), guardians: new Map(), households: new Map() };
  for (const c of childRows) {
    index.entries.push({ kind: 'child', id: c.id, householdId: c.householdId, name: c.name, pinyin: c.pinyin, initials: c.initials, mobile: '' });
    index.children.set(c.id, { classId: c.classId, className: c.className, status: c.status });
    const list = index.households.get(c.householdId) ?? [];
    list.push({ id: c.id, name: c.name, classId: c.classId, className: c.className, status: c.status });
    index.households.set(c.householdId, list);
  }
  for (const g of guardianRows) {
    index.entries.push({ kind: 'guardian', id: g.id, householdId: g.householdId, name: g.name, pinyin: g.pinyin, initials: g.initials, mobile: g.mobile });
    index.guardians.set(g.id, { relationship: g.relationship });
  }
  return index;
}

export function familyIndex(db: Db): FamilyIndex {
  const stamp = stampOf(db);
  const current = cache.get(db);
  if (current && current.stamp === stamp) return current;
  const fresh = build(db, stamp);
  cache.set(db, fresh);
  return fresh;
}

export interface SearchResult {
  kind: 'child' | 'guardian';
  id: number;
  householdId: number;
  name: string;
  /** Child: class name; guardian: relationship. */
  detail: string;
  status: string | null;
  mobileMasked: string;
  /** The household's children (as far as the caller may see them). */
  children: { id: number; name: string; className: string }[];
}

/** `classId` set = a teacher: only their class's children and those children's guardians. */
export function searchFamilies(db: Db, query: string, limit: number, classId: number | null): SearchResult[] {
  const index = familyIndex(db);
  const inClass = (householdId: number) => (index.households.get(householdId) ?? []).some((c) => c.classId === classId);
  const visible =
    classId === null
      ? undefined
      : (e: SearchEntry) => (e.kind === 'child' ? index.children.get(e.id)?.classId === classId : inClass(e.householdId));
  return searchIndex(index.entries, query, limit, visible).map(({ entry }) => {
    const siblings = (index.households.get(entry.householdId) ?? []).filter((c) => classId === null || c.classId === classId);
    const child = entry.kind === 'child' ? index.children.get(entry.id) : undefined;
    return {
      kind: entry.kind,
      id: entry.id,
      householdId: entry.householdId,
      name: entry.name,
      detail: child ? child.className : (index.guardians.get(entry.id)?.relationship ?? ''),
      status: child ? child.status : null,
      mobileMasked: maskMobile(entry.mobile),
      children: siblings.map((c) => ({ id: c.id, name: c.name, className: c.className })),
    };
  });
}
