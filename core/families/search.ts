/**
 * The one search box: a Chinese name, full pinyin ("zhangsan"), initials
 * ("zs") or phone digits ("5678"). Entries are prepared once (lower-cased
 * keys) so a query is a single pass of string comparisons over the index —
 * well under a millisecond per thousand families.
 */
export interface SearchEntry {
  kind: 'child' | 'guardian';
  id: number;
  householdId: number;
  name: string;
  pinyin: string;
  initials: string;
  /** Guardians only; '' for children. */
  mobile: string;
}

export type QueryKind = 'han' | 'latin' | 'digits' | 'none';

export interface NormalizedQuery {
  text: string;
  kind: QueryKind;
}

export function normalizeQuery(raw: string): NormalizedQuery {
  const text = raw.trim().toLowerCase().replace(/[\s'’·-]/g, '');
  if (text === '') return { text, kind: 'none' };
  if (/^\d+$/.test(text)) return { text, kind: 'digits' };
  if (/^[a-zü]+$/.test(text)) return { text: text.replace(/ü/g, 'v'), kind: 'latin' };
  return { text, kind: 'han' };
}

/**
 * Lower is better; null means no match. Exact beats prefix beats contains,
 * and initials beat full pinyin for short queries such as "zs".
 */
export function matchRank(entry: SearchEntry, q: NormalizedQuery): number | null {
  const t = q.text;
  switch (q.kind) {
    case 'han':
      if (entry.name === t) return 0;
      if (entry.name.startsWith(t)) return 1;
      return entry.name.includes(t) ? 4 : null;
    case 'latin':
      if (entry.initials === t || entry.pinyin === t) return 0;
      if (entry.initials.startsWith(t)) return 2;
      if (entry.pinyin.startsWith(t)) return 3;
      return t.length >= 2 && entry.pinyin.includes(t) ? 5 : null;
    case 'digits':
      // Two digits match too much to be useful; staff type the last four.
      if (t.length < 3 || entry.mobile === '') return null;
      if (entry.mobile === t) return 0;
      if (entry.mobile.endsWith(t)) return 1;
      if (entry.mobile.startsWith(t)) return 3;
      return entry.mobile.includes(t) ? 4 : null;
    case 'none':
      return null;
  }
}

export interface SearchHit {
  entry: SearchEntry;
  rank: number;
}

/** Best matches first; children before guardians at equal rank, then shorter names, then pinyin order. */
export function searchIndex(
  entries: readonly SearchEntry[],
  raw: string,
  limit: number,
  visible: (entry: SearchEntry) => boolean = () => true,
): SearchHit[] {
  const q = normalizeQuery(raw);
  if (q.kind === 'none') return [];
  // Bucket by rank so a one-letter query over thousands of names sorts only the buckets it returns.
  const buckets: SearchEntry[][] = [];
  for (const entry of entries) {
    const rank = matchRank(entry, q);
    if (rank === null || !visible(entry)) continue;
    const bucket = buckets[rank];
    if (bucket) bucket.push(entry);
    else buckets[rank] = [entry];
  }
  const hits: SearchHit[] = [];
  for (let rank = 0; rank < buckets.length && hits.length < limit; rank++) {
    const bucket = buckets[rank];
    if (!bucket) continue;
    bucket.sort(compareEntries);
    for (const entry of bucket.slice(0, limit - hits.length)) hits.push({ entry, rank });
  }
  return hits;
}

function compareEntries(a: SearchEntry, b: SearchEntry): number {
  if (a.kind !== b.kind) return a.kind === 'child' ? -1 : 1;
  if (a.name.length !== b.name.length) return a.name.length - b.name.length;
  if (a.pinyin !== b.pinyin) return a.pinyin < b.pinyin ? -1 : 1;
  return a.id - b.id;
}
