import { and, asc, desc, eq, gte, inArray, like, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AttendanceStatus, Closure, EnrollmentFacts, StatusCounts } from '../../core/attendance';
import { emptyCounts } from '../../core/attendance';
import type { Db } from '../open';
import { attendance, attendanceChanges, calendarYears, children, classes, closures, kindergarten, settledMonths, staff } from '../schema';

/**
 * Every SQL statement of the attendance area, typed once here through
 * drizzle; the handlers in electron/api/attendance/ and the shared services
 * call these and never write SQL themselves.
 */

export interface AttendanceChild extends EnrollmentFacts {
  id: number;
  name: string;
  classId: number;
  nameInitials: string;
  namePinyin: string;
}

const childFields = {
  id: children.id,
  name: children.name,
  classId: children.classId,
  enrolledOn: children.enrolledOn,
  status: children.status,
  statusSince: children.statusSince,
  nameInitials: children.nameInitials,
  namePinyin: children.namePinyin,
};

export interface StoredDay {
  status: AttendanceStatus;
  note: string;
}

export function findChild(db: Db, childId: number): AttendanceChild | undefined {
  return db.select(childFields).from(children).where(eq(children.id, childId)).get();
}

export function findClass(db: Db, classId: number): { id: number; name: string; headTeacher: string } | undefined {
  return db.select({ id: classes.id, name: classes.name, headTeacher: classes.headTeacher }).from(classes).where(eq(classes.id, classId)).get();
}

export function classList(db: Db): { id: number; name: string }[] {
  return db.select({ id: classes.id, name: classes.name }).from(classes).orderBy(asc(classes.id)).all();
}

export function kindergartenName(db: Db): string {
  return db.select({ name: kindergarten.name }).from(kindergarten).where(eq(kindergarten.id, 1)).get()?.name ?? '';
}

/** Closures touching [first, last], earliest first. */
export function closuresBetween(db: Db, first: string, last: string): Closure[] {
  return db
    .select({ id: closures.id, firstDate: closures.firstDate, lastDate: closures.lastDate, kind: closures.kind, classId: closures.classId, reason: closures.reason })
    .from(closures)
    .where(and(lte(closures.firstDate, last), gte(closures.lastDate, first)))
    .orderBy(asc(closures.firstDate))
    .all();
}

const createdBy = alias(staff, 'created_by_staff');

/** The closures screen: every closure ending on or after `from`, latest first. */
export function closureList(db: Db, from: string) {
  return db
    .select({
      id: closures.id,
      firstDate: closures.firstDate,
      lastDate: closures.lastDate,
      kind: closures.kind,
      classId: closures.classId,
      className: classes.name,
      reason: closures.reason,
      createdBy: createdBy.displayName,
      createdAt: closures.createdAt,
    })
    .from(closures)
    .leftJoin(classes, eq(classes.id, closures.classId))
    .leftJoin(createdBy, eq(createdBy.id, closures.createdBy))
    .where(gte(closures.lastDate, from))
    .orderBy(desc(closures.firstDate))
    .all();
}

export function findClosure(db: Db, closureId: number) {
  return db.select().from(closures).where(eq(closures.id, closureId)).get();
}

export function insertClosure(db: Db, values: typeof closures.$inferInsert): number {
  return db.insert(closures).values(values).returning({ id: closures.id }).get().id;
}

export function deleteClosure(db: Db, closureId: number): void {
  db.delete(closures).where(eq(closures.id, closureId)).run();
}

/** Child-days already recorded in [first, last], with the child's class. */
export function recordedDays(db: Db, first: string, last: string): { childId: number; classId: number; date: string }[] {
  return db
    .select({ childId: attendance.childId, classId: children.classId, date: attendance.date })
    .from(attendance)
    .innerJoin(children, eq(children.id, attendance.childId))
    .where(and(gte(attendance.date, first), lte(attendance.date, last)))
    .all();
}

// ---------------------------------------------------------------------------
// Settled months (the month-end settlement flags; billing takes them over)

export function isMonthSettled(db: Db, month: string): boolean {
  return db.select({ month: settledMonths.month }).from(settledMonths).where(eq(settledMonths.month, month)).get() !== undefined;
}

export function settledMonthsOfYear(db: Db, year: number): string[] {
  return db
    .select({ month: settledMonths.month })
    .from(settledMonths)
    .where(like(settledMonths.month, `${year}-%`))
    .orderBy(asc(settledMonths.month))
    .all()
    .map((r) => r.month);
}

// ---------------------------------------------------------------------------
// Child-days and their history

export function storedDay(db: Db, childId: number, date: string): StoredDay | undefined {
  return db
    .select({ status: attendance.status, note: attendance.note })
    .from(attendance)
    .where(and(eq(attendance.childId, childId), eq(attendance.date, date)))
    .get();
}

export function upsertDay(db: Db, row: { childId: number; date: string; status: AttendanceStatus; note: string; recordedBy: number | null; recordedAt: string }) {
  db.insert(attendance)
    .values(row)
    .onConflictDoUpdate({
      target: [attendance.childId, attendance.date],
      set: { status: row.status, note: row.note, recordedBy: row.recordedBy, recordedAt: row.recordedAt },
    })
    .run();
}

export function deleteDay(db: Db, childId: number, date: string): void {
  db.delete(attendance).where(and(eq(attendance.childId, childId), eq(attendance.date, date))).run();
}

export function insertChange(db: Db, row: typeof attendanceChanges.$inferInsert): void {
  db.insert(attendanceChanges).values(row).run();
}

/** One child's marks in [first, last] by date. */
export function childMarks(db: Db, childId: number, first: string, last: string): Map<string, StoredDay> {
  const rows = db
    .select({ date: attendance.date, status: attendance.status, note: attendance.note })
    .from(attendance)
    .where(and(eq(attendance.childId, childId), gte(attendance.date, first), lte(attendance.date, last)))
    .all();
  return new Map(rows.map(({ date, ...day }) => [date, day]));
}

/** A class's marks in [first, last]: child → date → status. */
export function classMarks(db: Db, classId: number, first: string, last: string): Map<number, Record<string, AttendanceStatus>> {
  const rows = db
    .select({ childId: attendance.childId, date: attendance.date, status: attendance.status })
    .from(attendance)
    .innerJoin(children, eq(children.id, attendance.childId))
    .where(and(eq(children.classId, classId), gte(attendance.date, first), lte(attendance.date, last)))
    .all();
  const byChild = new Map<number, Record<string, AttendanceStatus>>();
  for (const mark of rows) {
    const row = byChild.get(mark.childId) ?? {};
    row[mark.date] = mark.status;
    byChild.set(mark.childId, row);
  }
  return byChild;
}

/** Every change to one child's days in [first, last], latest first. */
export function changeHistory(db: Db, childId: number, first: string, last: string) {
  return db
    .select({
      id: attendanceChanges.id,
      date: attendanceChanges.date,
      oldStatus: attendanceChanges.oldStatus,
      oldNote: attendanceChanges.oldNote,
      newStatus: attendanceChanges.newStatus,
      newNote: attendanceChanges.newNote,
      reason: attendanceChanges.reason,
      changedBy: staff.displayName,
      changedAt: attendanceChanges.changedAt,
      afterSettlement: attendanceChanges.afterSettlement,
      handledAt: attendanceChanges.handledAt,
    })
    .from(attendanceChanges)
    .leftJoin(staff, eq(staff.id, attendanceChanges.changedBy))
    .where(and(eq(attendanceChanges.childId, childId), gte(attendanceChanges.date, first), lte(attendanceChanges.date, last)))
    .orderBy(desc(attendanceChanges.changedAt), desc(attendanceChanges.id))
    .all();
}

/** A class on one day: every child with what is recorded, who recorded it and how often it changed. */
export function rollCallRows(db: Db, classId: number, date: string) {
  return db
    .select({
      ...childFields,
      healthNotes: children.healthNotes,
      recorded: attendance.status,
      note: attendance.note,
      recordedBy: staff.displayName,
      recordedAt: attendance.recordedAt,
      changes: sql<number>`(SELECT count(*) FROM attendance_changes ch WHERE ch.child_id = ${children.id} AND ch.date = ${date})`,
    })
    .from(children)
    .leftJoin(attendance, and(eq(attendance.childId, children.id), eq(attendance.date, date)))
    .leftJoin(staff, eq(staff.id, attendance.recordedBy))
    .where(eq(children.classId, classId))
    .orderBy(asc(children.namePinyin), asc(children.id))
    .all();
}

/** Absences recorded from `from` on (leave entered ahead), optionally of one class, with the child's name and class. */
export function absencesFrom(db: Db, from: string, classId: number | null) {
  return db
    .select({ childId: attendance.childId, date: attendance.date, status: attendance.status, note: attendance.note, name: children.name, className: classes.name })
    .from(attendance)
    .innerJoin(children, eq(children.id, attendance.childId))
    .innerJoin(classes, eq(classes.id, children.classId))
    .where(and(gte(attendance.date, from), inArray(attendance.status, ['sick', 'personal', 'other']), classId === null ? undefined : eq(children.classId, classId)))
    .orderBy(asc(attendance.date))
    .all();
}

/** Every enrolled child (of one class, for a teacher), for picking whom leave is for by name or initials. */
export function enrolledChildren(db: Db, classId: number | null) {
  return db
    .select({ id: children.id, name: children.name, initials: children.nameInitials, pinyin: children.namePinyin, classId: children.classId, className: classes.name })
    .from(children)
    .innerJoin(classes, eq(classes.id, children.classId))
    .where(and(eq(children.status, 'enrolled'), classId === null ? undefined : eq(children.classId, classId)))
    .orderBy(asc(children.namePinyin), asc(children.id))
    .all();
}

// ---------------------------------------------------------------------------
// The month summary's reads (the hot path billing runs for every refund)

/** Children enrolled on at least one day of [first, last], optionally of one class. */
export function childrenEnrolledBetween(db: Db, first: string, last: string, classId: number | null): AttendanceChild[] {
  return db
    .select(childFields)
    .from(children)
    .where(
      and(
        lte(children.enrolledOn, last),
        or(eq(children.status, 'enrolled'), sql`COALESCE(${children.statusSince}, ${children.enrolledOn}) > ${first}`),
        classId === null ? undefined : eq(children.classId, classId),
      ),
    )
    .orderBy(asc(children.classId), asc(children.namePinyin), asc(children.id))
    .all();
}

/**
 * The query behind statusCounts. Grouping by `+child_id` keeps SQLite from
 * choosing the primary key (child_id, date) for the grouping's order, which
 * scans every day of every year on file; the range scan of the date index
 * reads only the month. test/integration/db/query-plans.test.ts checks it.
 */
export function statusCountsQuery(db: Db, first: string, last: string) {
  return db
    .select({ childId: attendance.childId, status: attendance.status, n: sql<number>`count(*)` })
    .from(attendance)
    .where(and(gte(attendance.date, first), lte(attendance.date, last)))
    .groupBy(sql`+${attendance.childId}`, attendance.status);
}

/**
 * Status counts per child in [first, last]: one range scan of the covering
 * index (date, child_id, status), counted by SQLite (a few rows per child
 * cross into JavaScript instead of one per child-day: half the time for a
 * month of 1,000 children, which the month-end settlement reads).
 */
export function statusCounts(db: Db, first: string, last: string): Map<number, StatusCounts> {
  const counts = new Map<number, StatusCounts>();
  const rows = statusCountsQuery(db, first, last).values() as [number, AttendanceStatus, number][];
  for (const [childId, status, n] of rows) {
    let c = counts.get(childId);
    if (!c) {
      c = emptyCounts();
      counts.set(childId, c);
    }
    c[status] += n;
  }
  return counts;
}

// ---------------------------------------------------------------------------
// The legal calendar's staff-entered years

export function calendarYearRows(db: Db): { year: number; data: string; source: string }[] {
  return db.select({ year: calendarYears.year, data: calendarYears.data, source: calendarYears.source }).from(calendarYears).orderBy(asc(calendarYears.year)).all();
}

export function calendarYearEntries(db: Db) {
  return db
    .select({ year: calendarYears.year, source: calendarYears.source, enteredAt: calendarYears.enteredAt, enteredBy: staff.displayName, data: calendarYears.data })
    .from(calendarYears)
    .leftJoin(staff, eq(staff.id, calendarYears.enteredBy))
    .orderBy(asc(calendarYears.year))
    .all();
}

export function findCalendarYear(db: Db, year: number): { data: string; source: string } | undefined {
  return db.select({ data: calendarYears.data, source: calendarYears.source }).from(calendarYears).where(eq(calendarYears.year, year)).get();
}

export function saveCalendarYear(db: Db, row: { year: number; data: string; source: string; enteredBy: number | null; enteredAt: string }) {
  db.insert(calendarYears)
    .values(row)
    .onConflictDoUpdate({ target: calendarYears.year, set: { data: row.data, source: row.source, enteredBy: row.enteredBy, enteredAt: row.enteredAt } })
    .run();
}

export function deleteCalendarYear(db: Db, year: number): void {
  db.delete(calendarYears).where(eq(calendarYears.year, year)).run();
}

/** Up to five of these dates that already have a roll call. */
export function datesWithAttendance(db: Db, dates: readonly string[]): string[] {
  if (dates.length === 0) return [];
  return db
    .selectDistinct({ date: attendance.date })
    .from(attendance)
    .where(inArray(attendance.date, [...dates]))
    .orderBy(asc(attendance.date))
    .limit(5)
    .all()
    .map((r) => r.date);
}

/** What was counted with a year's calendar: roll calls, closures and settled months in it. */
export function calendarYearUse(db: Db, year: number): { records: number; closures: number; settled: number } {
  const y = `${year}-%`;
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  return {
    records: count(db.select({ n: sql<number>`count(*)` }).from(attendance).where(like(attendance.date, y)).get()),
    closures: count(db.select({ n: sql<number>`count(*)` }).from(closures).where(or(like(closures.firstDate, y), like(closures.lastDate, y))).get()),
    settled: count(db.select({ n: sql<number>`count(*)` }).from(settledMonths).where(like(settledMonths.month, y)).get()),
  };
}
