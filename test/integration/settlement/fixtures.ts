// Issued bills for settlement tests, written as MONEY.md describes them
// (bills inserted when issued, their lines, a ledger entry per line), until
// the billing area's bill run is used instead. Monthly payers get a monthly
// bill (education, meals by the day, custody when agreed, the NT-3.7
// reduction); semester payers a semester bill (education for the semester,
// the first month's meals) and then a monthly bill for each month's meals.
import type Database from 'better-sqlite3';
import { firstDayOf, lastDayOf } from '../../../core/attendance';
import { type LegalCalendar, monthsBetween } from '../../../core/calendar';

export const STANDARD = { educationFen: 42000, toddlerEducationFen: 50000, mealDayFen: 1500, custodyFen: 10000 } as const;

interface Kid {
  id: number;
  householdId: number;
  billingMode: string;
  level: string;
  custody: number;
  reduction: string | null;
  enrolledOn: string;
  status: string;
  statusSince: string | null;
}

function ensureStandards(sqlite: Database.Database): Record<string, number> {
  const existing = sqlite.prepare(`SELECT id, item, level FROM fee_standards WHERE note = 'fixture'`).all() as { id: number; item: string; level: string | null }[];
  if (existing.length > 0) return Object.fromEntries(existing.map((r) => [`${r.item}:${r.level ?? ''}`, r.id]));
  const insert = sqlite.prepare(
    `INSERT INTO fee_standards (item, label, amount_fen, unit, applies_from, level, note) VALUES (?, ?, ?, ?, '2026-09-01', ?, 'fixture') RETURNING id`,
  );
  const ids: Record<string, number> = {};
  const rows: [string, string, number, string, string | null][] = [
    ['education', '保教费', STANDARD.educationFen, 'month', null],
    ['education', '保教费（托班）', STANDARD.toddlerEducationFen, 'month', 'toddler'],
    ['meal', '伙食费', STANDARD.mealDayFen, 'day', null],
    ['custody', '托管费', STANDARD.custodyFen, 'month', null],
  ];
  for (const [item, label, fen, unit, level] of rows) ids[`${item}:${level ?? ''}`] = (insert.get(item, label, fen, unit, level) as { id: number }).id;
  return ids;
}

function nextNumber(sqlite: Database.Database, sequence: string): number {
  return (
    sqlite
      .prepare(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`)
      .get(sequence) as { value: number }
  ).value;
}

interface LineSpec {
  kind: 'charge' | 'reduction';
  item: string;
  label: string;
  first: string;
  last: string;
  quantity: number;
  unitFen: number;
  amountFen: number;
  standardId: number | null;
  clause?: string;
}

export function insertBill(
  sqlite: Database.Database,
  kid: Pick<Kid, 'id' | 'householdId'>,
  bill: { billing: 'monthly' | 'semester'; first: string; last: string; issuedOn: string },
  lines: LineSpec[],
): number {
  const year = bill.issuedOn.slice(0, 4);
  const number = `JF${year}-${String(nextNumber(sqlite, `bill:${year}`)).padStart(5, '0')}`;
  const charges = lines.filter((l) => l.kind === 'charge').reduce((s, l) => s + l.amountFen, 0);
  const reductions = lines.filter((l) => l.kind === 'reduction').reduce((s, l) => s + l.amountFen, 0);
  const { id } = sqlite
    .prepare(
      `INSERT INTO bills (number, child_id, household_id, billing, period_first, period_last, due_on, charges_fen, reductions_fen, total_due_fen, issued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(number, kid.id, kid.householdId, bill.billing, bill.first, bill.last, bill.issuedOn, charges, reductions, charges - reductions, `${bill.issuedOn}T02:00:00.000Z`) as { id: number };
  const insertLine = sqlite.prepare(
    `INSERT INTO bill_lines (bill_id, kind, item, label, period_first, period_last, quantity, unit_price_fen, amount_fen, standard_id, clause)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertEntry = sqlite.prepare(
    `INSERT INTO ledger_entries (household_id, child_id, kind, amount_fen, entry_date, item, period_month, bill_id, bill_line_id, clause, description)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of lines) {
    const line = insertLine.get(id, l.kind, l.item, l.label, l.first, l.last, l.quantity, l.unitFen, l.amountFen, l.standardId, l.clause ?? null) as { id: number };
    const sign = l.kind === 'charge' ? 1 : -1;
    insertEntry.run(kid.householdId, kid.id, l.kind, sign * l.amountFen, bill.issuedOn, l.item, l.first, id, line.id, l.clause ?? null, `${number} ${l.label}`);
  }
  return id;
}

function billedKids(sqlite: Database.Database, month: string, childIds: readonly number[] | null): Kid[] {
  return sqlite
    .prepare(
      `SELECT c.id, c.household_id AS householdId, c.billing_mode AS billingMode, k.level, c.custody_agreed_on IS NOT NULL AS custody,
         c.reduction_category AS reduction, c.enrolled_on AS enrolledOn, c.status, c.status_since AS statusSince
       FROM children c JOIN classes k ON k.id = c.class_id
       WHERE c.enrolled_on <= @last AND (c.status = 'enrolled' OR coalesce(c.status_since, c.enrolled_on) > @first)
         AND (@ids IS NULL OR c.id IN (SELECT value FROM json_each(@ids)))
       ORDER BY c.id`,
    )
    .all({ first: firstDayOf(month), last: lastDayOf(month), ids: childIds ? JSON.stringify(childIds) : null }) as Kid[];
}

export interface IssueOptions {
  month: string;
  calendar: LegalCalendar;
  /** The semester semester payers pay for (their semester bill is issued once, with the first month). */
  semester?: { first: string; last: string };
  childIds?: readonly number[];
  issuedOn?: string;
}

/** Issues the month's bills to every child enrolled in it (and a semester bill when the semester starts). Returns the bill ids. */
export function issueMonth(sqlite: Database.Database, options: IssueOptions): number[] {
  const { month, calendar } = options;
  const semester = options.semester ?? { first: '2026-09', last: '2027-01' };
  const months = monthsBetween(semester.first, semester.last);
  const standards = ensureStandards(sqlite);
  const issuedOn = options.issuedOn ?? firstDayOf(month);
  const W = calendar.legalWorkingDays(month);
  const ids: number[] = [];
  return sqlite.transaction(() => {
    for (const kid of billedKids(sqlite, month, options.childIds ?? null)) {
      const toddler = kid.level === 'toddler';
      const eduFen = toddler ? STANDARD.toddlerEducationFen : STANDARD.educationFen;
      const eduStandard = standards[toddler ? 'education:toddler' : 'education:']!;
      const half = kid.reduction ? Math.round(eduFen / 2) : 0;
      const lines: LineSpec[] = [];
      const semesterPayer = kid.billingMode === 'semester';
      if (semesterPayer && month === semester.first) {
        lines.push({ kind: 'charge', item: 'education', label: '保教费', first: semester.first, last: semester.last, quantity: months.length, unitFen: eduFen, amountFen: eduFen * months.length, standardId: eduStandard });
        if (half) lines.push({ kind: 'reduction', item: 'education', label: '保教费减免', first: semester.first, last: semester.last, quantity: months.length, unitFen: half, amountFen: half * months.length, standardId: null, clause: 'NT-3.7' });
      } else if (!semesterPayer) {
        lines.push({ kind: 'charge', item: 'education', label: '保教费', first: month, last: month, quantity: 1, unitFen: eduFen, amountFen: eduFen, standardId: eduStandard });
        if (half) lines.push({ kind: 'reduction', item: 'education', label: '保教费减免', first: month, last: month, quantity: 1, unitFen: half, amountFen: half, standardId: null, clause: 'NT-3.7' });
      }
      lines.push({ kind: 'charge', item: 'meal', label: '伙食费', first: month, last: month, quantity: W, unitFen: STANDARD.mealDayFen, amountFen: W * STANDARD.mealDayFen, standardId: standards['meal:']! });
      if (kid.custody) lines.push({ kind: 'charge', item: 'custody', label: '托管费', first: month, last: month, quantity: 1, unitFen: STANDARD.custodyFen, amountFen: STANDARD.custodyFen, standardId: standards['custody:']! });
      // One bill per child and first month (bills_child_period_revision): a semester payer's first month is on the semester bill.
      const onSemesterBill = semesterPayer && month === semester.first;
      ids.push(
        insertBill(sqlite, kid, onSemesterBill ? { billing: 'semester', first: semester.first, last: semester.last, issuedOn } : { billing: 'monthly', first: month, last: month, issuedOn }, lines),
      );
    }
    return ids;
  })();
}
