// What families chose, as bill drafting reads it: 代收费 opted in (the newest
// choice per child and item), vacation days booked (the newest row per child
// and month), and the 代收费 already on live bills. One query per kind of
// fact, for a whole run.
import { sql } from 'drizzle-orm';
import { NO_VOLUNTARY, type VoluntaryFacts } from '../../core/billing/voluntary';
import type { Db } from '../open';
import { agencyChoices, vacationBookings } from '../schema';

interface Mutable {
  agencyOptedIn: string[];
  vacationDays: Record<string, number>;
  agencyBilled: Array<{ label: string; periodFirst: string; periodLast: string }>;
}

/**
 * Every child's voluntary facts (children with none are absent: use
 * NO_VOLUNTARY). `exceptBillId`: a bill being replaced, whose own 代收费 lines
 * must not count as already billed.
 */
export function loadVoluntary(db: Db, options: { childId?: number; exceptBillId?: number } = {}): Map<number, VoluntaryFacts> {
  const byChild = new Map<number, Mutable>();
  const of = (childId: number) => {
    let found = byChild.get(childId);
    if (!found) {
      found = { agencyOptedIn: [], vacationDays: {}, agencyBilled: [] };
      byChild.set(childId, found);
    }
    return found;
  };
  const child = options.childId ?? null;
  const choices = db.all<{ childId: number; label: string; optedIn: number }>(sql`
    SELECT a.child_id AS childId, a.label, a.opted_in AS optedIn FROM agency_choices a
    WHERE a.id = (SELECT max(b.id) FROM agency_choices b WHERE b.child_id = a.child_id AND b.label = a.label)
      AND (${child} IS NULL OR a.child_id = ${child})`);
  for (const c of choices) if (c.optedIn) of(c.childId).agencyOptedIn.push(c.label);
  const bookings = db.all<{ childId: number; month: string; days: number }>(sql`
    SELECT v.child_id AS childId, v.month, v.days FROM vacation_bookings v
    WHERE v.id = (SELECT max(w.id) FROM vacation_bookings w WHERE w.child_id = v.child_id AND w.month = v.month)
      AND (${child} IS NULL OR v.child_id = ${child})`);
  for (const b of bookings) if (b.days > 0) of(b.childId).vacationDays[b.month] = b.days;
  const except = options.exceptBillId ?? null;
  const billed = db.all<{ childId: number; label: string; periodFirst: string; periodLast: string }>(sql`
    SELECT b.child_id AS childId, l.label, l.period_first AS periodFirst, l.period_last AS periodLast
    FROM bill_lines l JOIN bills b ON b.id = l.bill_id
    WHERE l.item = 'agency' AND l.kind = 'charge'
      AND b.id NOT IN (SELECT bill_id FROM bill_voids)
      AND b.id NOT IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL)
      AND (${except} IS NULL OR b.id <> ${except})
      AND (${child} IS NULL OR b.child_id = ${child})`);
  for (const r of billed) of(r.childId).agencyBilled.push({ label: r.label, periodFirst: r.periodFirst, periodLast: r.periodLast });
  return byChild;
}

export function voluntaryOf(db: Db, childId: number, exceptBillId?: number): VoluntaryFacts {
  return loadVoluntary(db, { childId, exceptBillId }).get(childId) ?? NO_VOLUNTARY;
}

export interface Recorded {
  staffId: number;
  at: string;
}

/** Records a family's yes or no to a 代收费 item for several children (one row each). */
export function recordAgencyChoices(db: Db, label: string, changes: ReadonlyArray<{ childId: number; optedIn: boolean }>, note: string, by: Recorded): void {
  if (changes.length === 0) return;
  db.insert(agencyChoices)
    .values(changes.map((c) => ({ childId: c.childId, label, optedIn: c.optedIn, note, recordedBy: by.staffId, recordedAt: by.at })))
    .run();
}

/** Records the days of vacation care booked in a month for several children (one row each; 0 cancels). */
export function recordVacationBookings(db: Db, month: string, rows: ReadonlyArray<{ childId: number; days: number }>, note: string, by: Recorded): void {
  if (rows.length === 0) return;
  db.insert(vacationBookings)
    .values(rows.map((r) => ({ childId: r.childId, month, days: r.days, note, recordedBy: by.staffId, recordedAt: by.at })))
    .run();
}
