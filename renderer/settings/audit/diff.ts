/**
 * Turns an audit entry's before/after JSON into the fields that changed, so
 * the screen shows "角色：前台 → 财务" instead of two JSON blobs. Nested
 * objects are compared field by field (paths like "address.city"); arrays
 * and other values as a whole.
 */
export interface FieldChange {
  /** Dot path; '' when the value itself is not an object. */
  field: string;
  before: unknown;
  after: unknown;
  /** added: only after (a record created); removed: only before (a record deleted). */
  change: 'added' | 'removed' | 'changed';
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function flatten(value: Plain, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlain(v) && Object.keys(v).length > 0) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if (!isPlain(before ?? {}) || !isPlain(after ?? {})) {
    return same(before, after) ? [] : [{ field: '', before, after, change: hasBefore ? (hasAfter ? 'changed' : 'removed') : 'added' }];
  }
  const b = flatten((before ?? {}) as Plain);
  const a = flatten((after ?? {}) as Plain);
  const changes: FieldChange[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    const old = b.get(field);
    const now = a.get(field);
    if (!hasBefore) {
      if (now !== null && now !== undefined && now !== '' && !(Array.isArray(now) && now.length === 0)) changes.push({ field, before: undefined, after: now, change: 'added' });
    } else if (!hasAfter) {
      changes.push({ field, before: old, after: undefined, change: 'removed' });
    } else if (old === undefined && now !== undefined) {
      if (now === null || now === '' || (Array.isArray(now) && now.length === 0)) continue;
      // A detail recorded only with the new value (e.g. a correction's reason) is not "emptied → set".
      changes.push({ field, before: undefined, after: now, change: 'added' });
    } else if (!same(old, now)) {
      changes.push({ field, before: old, after: now, change: 'changed' });
    }
  }
  return changes;
}
