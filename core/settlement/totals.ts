// The preview's sums: per fee item and per class, so the principal can check
// the month against what was charged before confirming.
export interface TotalRow {
  key: string;
  children: number;
  refundFen: number;
}

interface Settled {
  child: { className: string };
  lines: readonly { item: string; refundFen: number }[];
  totalFen: number;
}

function add(map: Map<string, TotalRow>, key: string, fen: number, child: boolean) {
  const row = map.get(key) ?? { key, children: 0, refundFen: 0 };
  row.refundFen += fen;
  if (child) row.children++;
  map.set(key, row);
}

export function totalsByItem(children: readonly Settled[]): TotalRow[] {
  const map = new Map<string, TotalRow>();
  for (const c of children) for (const line of c.lines) add(map, line.item, line.refundFen, line.refundFen > 0);
  return [...map.values()];
}

export function totalsByClass(children: readonly Settled[]): TotalRow[] {
  const map = new Map<string, TotalRow>();
  for (const c of children) add(map, c.child.className, c.totalFen, true);
  return [...map.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}
