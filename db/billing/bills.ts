// Issuing, replacing and voiding bills: the only writes of the billing part.
// Call them inside one write transaction (a handler with write: true, or the
// demo loader's): numbers, bills, lines and ledger entries land together or
// not at all, and a refusal consumes no number.
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { billNumber, billSequence, ITEM_LABELS, periodLabel, REPLACE_REASON_LABELS, type ReplaceReason } from '../../core/billing/items';
import { replacementDifference, signedFen } from '../../core/billing/lifecycle';
import type { BillDraft, LineDraft } from '../../core/billing/types';
import { formatAmount, fromFen } from '../../core/money';
import type { Db } from '../open';
import { billLines, billVoids, bills, ledgerEntries } from '../schema';
import { postEntries, reserveNumbers } from './ledger';

export interface IssueMeta {
  /** YYYY-MM-DD, the business day; the year of the bill numbers. */
  issueDate: string;
  dueOn: string;
  /** ISO timestamp of the issue. */
  at: string;
  staffId: number | null;
  runId: string | null;
}

export interface IssuedBill {
  id: number;
  number: string;
  childId: number;
  totalDueFen: number;
}

/** The next free id of a table: rows get explicit ids so that a run can insert lines and entries in a few statements. */
function nextId(db: Db, table: 'bills' | 'bill_lines'): number {
  const row = db.get<{ seq: number | null }>(
    sql`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ${table}), 0), coalesce((SELECT max(id) FROM ${sql.identifier(table)}), 0)) AS seq`,
  );
  return (row?.seq ?? 0) + 1;
}

function lineDescription(number: string, line: Pick<LineDraft, 'label' | 'periodFirst' | 'periodLast'>): string {
  return `${number} ${periodLabel(line.periodFirst, line.periodLast)} ${line.label}`;
}

const placeholders = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as unknown as Record<K, ReturnType<typeof sql.placeholder>>;

/**
 * The three inserts of a bill run, prepared once per connection: a run writes
 * thousands of rows, and building each insert anew through the query builder
 * cost several times the database's own work (bench/billing.ts).
 */
function prepareInserts(db: Db) {
  return {
    bill: db
      .insert(bills)
      .values(
        placeholders('id', 'number', 'childId', 'householdId', 'billing', 'periodFirst', 'periodLast', 'semesterId', 'revision', 'replacesBillId', 'replaceReason', 'replaceNote', 'dueOn', 'chargesFen', 'reductionsFen', 'creditAppliedFen', 'totalDueFen', 'runId', 'issuedBy', 'issuedAt'),
      )
      .prepare(),
    line: db
      .insert(billLines)
      .values(placeholders('id', 'billId', 'kind', 'item', 'label', 'periodFirst', 'periodLast', 'quantity', 'unitPriceFen', 'amountFen', 'standardId', 'clause', 'reductionCategory', 'note'))
      .prepare(),
    entry: db
      .insert(ledgerEntries)
      .values(placeholders('householdId', 'childId', 'kind', 'amountFen', 'entryDate', 'item', 'periodMonth', 'billId', 'billLineId', 'clause', 'description', 'createdBy', 'createdAt'))
      .prepare(),
  };
}
const statements = new WeakMap<Db, ReturnType<typeof prepareInserts>>();

function prepared(db: Db) {
  let found = statements.get(db);
  if (!found) {
    found = prepareInserts(db);
    statements.set(db, found);
  }
  return found;
}

/** The first revision free for a child's period (a voided period billed again takes the next one). */
function nextRevision(db: Db, childId: number, periodFirst: string): number {
  const row = db
    .select({ revision: max(bills.revision) })
    .from(bills)
    .where(and(eq(bills.childId, childId), eq(bills.periodFirst, periodFirst)))
    .get();
  return (row?.revision ?? 0) + 1;
}

/** Highest revision per child and first month, for the months given (one query for a whole run). */
function latestRevisions(db: Db, periodFirsts: string[]): Map<string, number> {
  if (periodFirsts.length === 0) return new Map();
  const rows = db
    .select({ childId: bills.childId, periodFirst: bills.periodFirst, revision: max(bills.revision) })
    .from(bills)
    .where(inArray(bills.periodFirst, periodFirsts))
    .groupBy(bills.childId, bills.periodFirst)
    .all();
  return new Map(rows.map((r) => [`${r.childId}|${r.periodFirst}`, r.revision ?? 0]));
}

interface WriteBill {
  draft: BillDraft;
  revision: number;
  replacesBillId: number | null;
  replaceReason: ReplaceReason | null;
  replaceNote: string;
}

/** Inserts bills and their lines with consecutive numbers; returns them with their line ids. */
function insertBills(db: Db, items: WriteBill[], meta: IssueMeta): Array<IssuedBill & { lineIds: number[] }> {
  if (items.length === 0) return [];
  const year = Number(meta.issueDate.slice(0, 4));
  const firstNumber = reserveNumbers(db, billSequence(year), items.length);
  const insert = prepared(db);
  let billId = nextId(db, 'bills');
  let lineId = nextId(db, 'bill_lines');
  return items.map((item, i) => {
    const { draft } = item;
    const number = billNumber(year, firstNumber + i);
    insert.bill.run({
      id: billId,
      number,
      childId: draft.childId,
      householdId: draft.householdId,
      billing: draft.period.billing,
      periodFirst: draft.period.first,
      periodLast: draft.period.last,
      semesterId: draft.period.semesterId,
      revision: item.revision,
      replacesBillId: item.replacesBillId,
      replaceReason: item.replaceReason,
      replaceNote: item.replaceNote,
      dueOn: meta.dueOn,
      chargesFen: draft.chargesFen,
      reductionsFen: draft.reductionsFen,
      creditAppliedFen: draft.creditAppliedFen,
      totalDueFen: draft.totalDueFen,
      runId: meta.runId,
      issuedBy: meta.staffId,
      issuedAt: meta.at,
    });
    const lineIds = draft.lines.map((line) => {
      insert.line.run({
        id: lineId,
        billId: billId,
        kind: line.kind,
        item: line.item,
        label: line.label,
        periodFirst: line.periodFirst,
        periodLast: line.periodLast,
        quantity: line.quantity,
        unitPriceFen: line.unitPriceFen,
        amountFen: line.amountFen,
        standardId: line.standardId,
        clause: line.clause,
        reductionCategory: line.reductionCategory,
        note: line.note,
      });
      return lineId++;
    });
    return { id: billId++, number, childId: draft.childId, totalDueFen: draft.totalDueFen, lineIds };
  });
}

/**
 * Issues drafted bills: numbers them (JF2026-00001 …, the issue date's year),
 * inserts them with their lines and books one ledger entry per line.
 */
export function issueBills(db: Db, drafts: readonly BillDraft[], meta: IssueMeta): IssuedBill[] {
  const revisions = latestRevisions(db, [...new Set(drafts.map((d) => d.period.first))]);
  const items = drafts.map((draft) => ({
    draft,
    revision: (revisions.get(`${draft.childId}|${draft.period.first}`) ?? 0) + 1,
    replacesBillId: null,
    replaceReason: null,
    replaceNote: '',
  }));
  const issued = insertBills(db, items, meta);
  const { entry } = prepared(db);
  issued.forEach((bill, i) => {
    const draft = drafts[i]!;
    draft.lines.forEach((line, j) => {
      entry.run({
        householdId: draft.householdId,
        childId: draft.childId,
        kind: line.kind,
        amountFen: signedFen(line),
        entryDate: meta.issueDate,
        item: line.item,
        periodMonth: line.periodFirst === line.periodLast ? line.periodFirst : null,
        billId: bill.id,
        billLineId: bill.lineIds[j]!,
        clause: line.clause,
        description: lineDescription(bill.number, line),
        createdBy: meta.staffId,
        createdAt: meta.at,
      });
    });
  });
  return issued.map(({ lineIds: _, ...bill }) => bill);
}

export type BillRow = typeof bills.$inferSelect;

/** A bill that may still be replaced or voided: issued, neither voided nor replaced. Null otherwise. */
export function liveBill(db: Db, billId: number): { bill: BillRow; state: 'issued' | 'replaced' | 'voided' } | null {
  const bill = db.select().from(bills).where(eq(bills.id, billId)).get();
  if (!bill) return null;
  if (db.select().from(billVoids).where(eq(billVoids.billId, billId)).get()) return { bill, state: 'voided' };
  if (db.select({ id: bills.id }).from(bills).where(eq(bills.replacesBillId, billId)).get()) return { bill, state: 'replaced' };
  return { bill, state: 'issued' };
}

/**
 * Issues `draft` as the replacement of `old` (revision + 1, the reason from
 * the fixed list). The ledger gets only the difference, one correction entry
 * per item and kind that changed, naming old and new figures. Returns null
 * when nothing would change.
 */
export function replaceBill(
  db: Db,
  old: BillRow,
  draft: BillDraft,
  change: { reason: ReplaceReason; note: string },
  meta: Omit<IssueMeta, 'dueOn' | 'runId'> & { dueOn?: string },
): { bill: IssuedBill; differenceFen: number } | null {
  const oldLines = db.select().from(billLines).where(eq(billLines.billId, old.id)).all();
  const difference = replacementDifference(
    oldLines.map((l) => ({ kind: l.kind as 'charge' | 'reduction', item: l.item, amountFen: l.amountFen })),
    draft.lines,
  );
  if (difference.length === 0) return null;
  const net = draft.chargesFen - draft.reductionsFen;
  const credit = Math.min(old.creditAppliedFen, net);
  const next: BillDraft = { ...draft, creditAppliedFen: credit, totalDueFen: net - credit };
  const [bill] = insertBills(
    db,
    [{ draft: next, revision: nextRevision(db, old.childId, old.periodFirst), replacesBillId: old.id, replaceReason: change.reason, replaceNote: change.note }],
    { ...meta, dueOn: meta.dueOn ?? old.dueOn, runId: null },
  );
  const why = REPLACE_REASON_LABELS[change.reason][0] + (change.note ? `：${change.note}` : '');
  postEntries(
    db,
    difference.map((d) => {
      const index = draft.lines.findIndex((l) => l.kind === d.kind && l.item === d.item);
      const itemLabel = ITEM_LABELS[d.item as keyof typeof ITEM_LABELS]?.[0] ?? d.item;
      const what = d.kind === 'charge' ? itemLabel : `${itemLabel}减免`;
      return {
        householdId: old.householdId,
        childId: old.childId,
        kind: 'correction',
        amountFen: d.differenceFen,
        entryDate: meta.issueDate,
        item: d.item,
        periodMonth: old.periodFirst === old.periodLast ? old.periodFirst : null,
        billId: bill!.id,
        billLineId: index >= 0 ? bill!.lineIds[index]! : null,
        clause: index >= 0 ? draft.lines[index]!.clause : null,
        description: `${bill!.number} 替换 ${old.number}：${what} ${formatAmount(fromFen(d.oldFen))} 元改为 ${formatAmount(fromFen(d.newFen))} 元（${why}）`,
        createdBy: meta.staffId,
        createdAt: meta.at,
      };
    }),
  );
  const { lineIds: _, ...issued } = bill!;
  return { bill: issued, differenceFen: difference.reduce((sum, d) => sum + d.differenceFen, 0) };
}

/** The bill and every bill it replaced, back to the first revision. */
function chainIds(db: Db, bill: BillRow): number[] {
  const ids = [bill.id];
  let previous = bill.replacesBillId;
  while (previous !== null) {
    ids.push(previous);
    previous = db.select({ id: bills.replacesBillId }).from(bills).where(eq(bills.id, previous)).get()?.id ?? null;
  }
  return ids;
}

/**
 * Voids a live bill: it keeps its number, and every ledger entry it and the
 * bills it replaced booked is reversed (reverses_entry_id), so the
 * household's balance is as if it had never been issued.
 */
export function voidBill(db: Db, bill: BillRow, reason: string, meta: { issueDate: string; at: string; staffId: number | null }): { reversedFen: number } {
  db.insert(billVoids).values({ billId: bill.id, reason, voidedBy: meta.staffId, voidedAt: meta.at }).run();
  const reversed = db
    .select({ id: ledgerEntries.reversesEntryId })
    .from(ledgerEntries)
    .where(sql`${ledgerEntries.reversesEntryId} IS NOT NULL`);
  const entries = db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        inArray(ledgerEntries.billId, chainIds(db, bill)),
        inArray(ledgerEntries.kind, ['charge', 'reduction', 'correction']),
        // The bill's own entries: a settlement's refund or correction of it is not part of the bill.
        isNull(ledgerEntries.settlementId),
        isNull(ledgerEntries.reversesEntryId),
        sql`${ledgerEntries.id} NOT IN ${reversed}`,
      ),
    )
    .all();
  postEntries(
    db,
    entries.map((e) => ({
      householdId: e.householdId,
      childId: e.childId,
      kind: 'reversal',
      amountFen: -e.amountFen,
      entryDate: meta.issueDate,
      item: e.item,
      periodMonth: e.periodMonth,
      billId: e.billId,
      billLineId: e.billLineId,
      reversesEntryId: e.id,
      clause: e.clause,
      description: `作废 ${bill.number}（${reason}）：冲销 ${e.description}`,
      createdBy: meta.staffId,
      createdAt: meta.at,
    })),
  );
  return { reversedFen: -entries.reduce((sum, e) => sum + e.amountFen, 0) };
}
