// Where an issued bill stands, derived (never stored): voided when it has a
// bill_voids row, replaced when another bill names it, else issued. Whether it
// is paid comes from payments (core/billing/bill-status.ts, the payments part).
export type BillLifecycle = 'issued' | 'replaced' | 'voided';

export function lifecycleOf(facts: { voided: boolean; replacedBy: number | null }): BillLifecycle {
  if (facts.voided) return 'voided';
  if (facts.replacedBy !== null) return 'replaced';
  return 'issued';
}

export const LIFECYCLE_LABELS: Record<BillLifecycle, readonly [zh: string, en: string]> = {
  issued: ['已开具', 'Issued'],
  replaced: ['已替换', 'Replaced'],
  voided: ['已作废', 'Voided'],
};

export interface LineAmount {
  kind: 'charge' | 'reduction';
  item: string;
  amountFen: number;
}

/** Ledger sign of a line: a charge adds to what the family owes, a reduction takes away. */
export function signedFen(line: Pick<LineAmount, 'kind' | 'amountFen'>): number {
  return line.kind === 'charge' ? line.amountFen : -line.amountFen;
}

/**
 * What a replacement changes on the ledger: per kind and item, new minus old
 * (signed as on the ledger). Items whose amount is unchanged are left out.
 */
export function replacementDifference(
  old: readonly LineAmount[],
  next: readonly LineAmount[],
): Array<{ kind: 'charge' | 'reduction'; item: string; oldFen: number; newFen: number; differenceFen: number }> {
  const keys = new Map<string, { kind: 'charge' | 'reduction'; item: string; oldFen: number; newFen: number }>();
  const add = (line: LineAmount, field: 'oldFen' | 'newFen') => {
    const key = `${line.kind}|${line.item}`;
    const entry = keys.get(key) ?? { kind: line.kind, item: line.item, oldFen: 0, newFen: 0 };
    entry[field] += line.amountFen;
    keys.set(key, entry);
  };
  for (const line of old) add(line, 'oldFen');
  for (const line of next) add(line, 'newFen');
  return [...keys.values()]
    .filter((e) => e.oldFen !== e.newFen)
    .map((e) => ({ ...e, differenceFen: signedFen({ kind: e.kind, amountFen: e.newFen }) - signedFen({ kind: e.kind, amountFen: e.oldFen }) }));
}
