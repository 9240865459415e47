/**
 * Items grouped by a key, each group in the items' order, the groups in the
 * order their keys first appear (Map.groupBy, which Node 20 lacks). Appends
 * in place: copying a group for every item made grouping quadratic.
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
