// Ledger entries as the reports read them: each on its line of the check,
// a reversal carrying the facts (item, child, period, payment) of the entry
// it cancels, so a voided bill or receipt nets out where it was counted.
import { monthOf } from '../calendar/dates';
import { type Bucket, bucketOf, type LedgerKind, lineAmount } from './check-line';

export interface RawEntry {
  id: number;
  householdId: number;
  childId: number | null;
  classId: number | null;
  kind: LedgerKind;
  amountFen: number;
  entryDate: string;
  item: string | null;
  periodMonth: string | null;
  /** The bill line's months, when the entry is for one. */
  lineFirst: string | null;
  lineLast: string | null;
  reductionCategory: string | null;
  /** charge | reduction: the kind of the bill line the entry is for. */
  lineKind: string | null;
  paymentId: number | null;
  settlementId: number | null;
  reversesEntryId: number | null;
}

export interface ReportEntry {
  id: number;
  householdId: number;
  childId: number | null;
  classId: number | null;
  bucket: Bucket;
  /** Signed as on the ledger. */
  amountFen: number;
  /** As counted on its line of the check (a charge +, a payment in +, their reversals -). */
  lineFen: number;
  entryDate: string;
  item: string | null;
  periodFirst: string;
  periodLast: string;
  reductionCategory: string | null;
  paymentId: number | null;
  settlementId: number | null;
  isReversal: boolean;
}

/** The entry a reversal finally cancels (through reversals of reversals). */
function rootOf(entry: RawEntry, byId: ReadonlyMap<number, RawEntry>): RawEntry {
  let current = entry;
  const seen = new Set<number>();
  while (current.kind === 'reversal') {
    if (current.reversesEntryId === null || seen.has(current.id)) throw new Error(`ledger entry ${entry.id}: a reversal must name the entry it cancels`);
    seen.add(current.id);
    const next = byId.get(current.reversesEntryId);
    if (!next) throw new Error(`ledger entry ${entry.id}: reversed entry ${current.reversesEntryId} not loaded`);
    current = next;
  }
  return current;
}

/** `byId` must hold every entry a reversal in `rows` names (directly or through another reversal). */
export function resolveEntries(rows: readonly RawEntry[], byId: ReadonlyMap<number, RawEntry>): ReportEntry[] {
  return rows.map((row) => {
    const root = row.kind === 'reversal' ? rootOf(row, byId) : row;
    const bucket = bucketOf({ kind: root.kind, fromSettlement: root.settlementId !== null, lineKind: root.lineKind, amountFen: root.amountFen });
    const fallback = root.periodMonth ?? monthOf(root.entryDate);
    return {
      id: row.id,
      householdId: row.householdId,
      childId: root.childId,
      classId: root.classId,
      bucket,
      amountFen: row.amountFen,
      lineFen: lineAmount(bucket, row.amountFen),
      entryDate: row.entryDate,
      item: root.item,
      periodFirst: root.lineFirst ?? fallback,
      periodLast: root.lineLast ?? fallback,
      reductionCategory: root.reductionCategory,
      paymentId: root.paymentId,
      settlementId: root.settlementId,
      isReversal: row.kind === 'reversal',
    };
  });
}
