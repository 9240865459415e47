import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  CalendarDataError,
  CalendarMissingError,
  type DayInfo,
  LegalCalendar,
  parseYearCalendar,
  type YearCalendar,
} from '../../core/calendar';
import {
  ABSENCE_REASONS,
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  addDays,
  CLOSURE_KINDS,
  CLOSURE_LABELS,
  type ChildMonthSummary,
  type Closure,
  classRates,
  closureOn,
  datesBetween,
  type EnrollmentFacts,
  emptyCounts,
  firstDayOf,
  isWorkingKind,
  lastDayOf,
  monthOf,
  nextMonth,
  notEnrolledReason,
  overlaps,
  STATUS_LABELS,
  type StatusCounts,
  summarizeChildMonth,
} from '../../core/attendance';
import { handler, type HandlerContext } from './define';
import { ApiError, conflict, invalid, notFound } from './errors';
import { id, isoDate, month, optionalText, shortText } from './schemas';

// ---------------------------------------------------------------------------
// Rules shared by the handlers

const WRITERS = ['principal', 'front_desk', 'teacher'] as const;
const OFFICE = ['principal', 'front_desk'] as const;
const SETTLERS = ['principal', 'finance'] as const;

const statusField = z.enum(ATTENDANCE_STATUSES, '考勤状态只能是出勤、病假、事假或其他');
const reasonField = z.enum(ABSENCE_REASONS, '请假原因只能是病假、事假或其他');
const note = optionalText(100);
/** How far ahead leave can be entered at once (a long illness is entered month by month). */
const MAX_LEAVE_DAYS = 92;
/** The calendar warning looks this far ahead, so staff can import next year's calendar in time. */
const CALENDAR_WARNING_DAYS = 45;

const DAY_KIND_ZH: Record<DayInfo['kind'], string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  makeup_workday: '调休上班日',
};

interface ChildRow extends EnrollmentFacts {
  id: number;
  name: string;
  classId: number;
  nameInitials: string;
  namePinyin: string;
}

const childColumns = (t: string) => `${t}.id, ${t}.name, ${t}.class_id AS classId, ${t}.enrolled_on AS enrolledOn,
  ${t}.status, ${t}.status_since AS statusSince, ${t}.name_initials AS nameInitials, ${t}.name_pinyin AS namePinyin`;

interface Stored {
  status: AttendanceStatus;
  note: string;
}

// The legal calendar is rebuilt only when staff change a custom year.
let calendarCache: { key: string; calendar: LegalCalendar } | null = null;

/** The legal calendar: bundled chinese-days data plus the years staff entered or imported. */
export function loadLegalCalendar(sqlite: Database.Database): LegalCalendar {
  const rows = sqlite.prepare('SELECT year, data, source FROM calendar_years ORDER BY year').all() as {
    year: number;
    data: string;
    source: string;
  }[];
  const key = JSON.stringify(rows);
  if (calendarCache?.key === key) return calendarCache.calendar;
  const custom: YearCalendar[] = rows.map((r) => ({ year: r.year, ...JSON.parse(r.data), source: r.source }));
  const calendar = new LegalCalendar(custom);
  calendarCache = { key, calendar };
  return calendar;
}

/** Runs a calendar query, turning a missing year into the message the front desk can act on. */
function withCalendar<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof CalendarMissingError) {
      throw new ApiError('invalid_input', error.messageZh, error.message);
    }
    throw error;
  }
}

function dayInfo(calendar: LegalCalendar, date: string): DayInfo {
  return withCalendar(() => calendar.dayInfo(date));
}

function requireWorkingDay(calendar: LegalCalendar, date: string): DayInfo {
  const info = dayInfo(calendar, date);
  if (!isWorkingKind(info)) {
    const what = info.holidayName ? `${info.holidayName}（${DAY_KIND_ZH[info.kind]}）` : DAY_KIND_ZH[info.kind];
    throw invalid(`${date} 是${what}，不是法定工作日，不记考勤。`, `${date} is not a legal working day.`);
  }
  return info;
}

function loadChild(ctx: HandlerContext, childId: number): ChildRow {
  const child = ctx.sqlite.prepare(`SELECT ${childColumns('c')} FROM children c WHERE id = ?`).get(childId) as ChildRow | undefined;
  if (!child) throw notFound('这名幼儿', 'child');
  return child;
}

function loadClass(ctx: HandlerContext, classId: number): { id: number; name: string; headTeacher: string } {
  const row = ctx.sqlite.prepare('SELECT id, name, head_teacher AS headTeacher FROM classes WHERE id = ?').get(classId) as
    | { id: number; name: string; headTeacher: string }
    | undefined;
  if (!row) throw notFound('这个班级', 'class');
  return row;
}

/** Teachers see and take attendance for their own class only. */
function assertClassAccess(ctx: HandlerContext, classId: number): void {
  const actor = ctx.actor;
  if (actor?.role === 'teacher' && actor.classId !== classId) {
    throw new ApiError('forbidden', '教师只能查看和记录本班幼儿的考勤。', 'Teachers can only take attendance for their own class.');
  }
}

function requireEnrolled(child: ChildRow, date: string): void {
  const reason = notEnrolledReason(child, date);
  if (reason) throw invalid(`${child.name}${reason}，不能记考勤。`, `${child.name} is not enrolled on ${date}.`);
}

function loadClosures(sqlite: Database.Database, first: string, last: string): Closure[] {
  return sqlite
    .prepare(
      `SELECT id, first_date AS firstDate, last_date AS lastDate, kind, class_id AS classId, reason
       FROM closures WHERE first_date <= ? AND last_date >= ? ORDER BY first_date`,
    )
    .all(last, first) as Closure[];
}

function requireOpen(ctx: HandlerContext, classId: number, date: string): void {
  const closure = closureOn(loadClosures(ctx.sqlite, date, date), classId, date);
  if (closure) {
    throw invalid(
      `${date} ${closure.classId === null ? '全园' : '本班'}${CLOSURE_LABELS[closure.kind].zh}（${closure.reason}），不记考勤。`,
      `${date} is a closure day.`,
    );
  }
}

function isSettled(sqlite: Database.Database, m: string): boolean {
  return sqlite.prepare('SELECT 1 FROM settled_months WHERE month = ?').get(m) !== undefined;
}

function readStored(ctx: HandlerContext, childId: number, date: string): Stored | undefined {
  return ctx.sqlite.prepare('SELECT status, note FROM attendance WHERE child_id = ? AND date = ?').get(childId, date) as
    | Stored
    | undefined;
}

type Outcome = 'created' | 'changed' | 'unchanged';

/**
 * Writes one child-day. A change to an existing row, and any write in a
 * settled month, is kept in attendance_changes (who, when, old, new); in a
 * settled month it is flagged so billing makes a settlement correction.
 */
function writeDay(
  ctx: HandlerContext,
  childId: number,
  date: string,
  next: Stored | null,
  reason: string,
): { outcome: Outcome; before: Stored | undefined } {
  const before = readStored(ctx, childId, date);
  if (!before && !next) return { outcome: 'unchanged', before };
  if (before && next && before.status === next.status && before.note === next.note) return { outcome: 'unchanged', before };
  const at = ctx.now().toISOString();
  const staffId = ctx.actor?.staffId ?? null;
  if (next) {
    ctx.sqlite
      .prepare(
        `INSERT INTO attendance (child_id, date, status, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (child_id, date) DO UPDATE SET status = excluded.status, note = excluded.note,
           recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      )
      .run(childId, date, next.status, next.note, staffId, at);
  } else {
    ctx.sqlite.prepare('DELETE FROM attendance WHERE child_id = ? AND date = ?').run(childId, date);
  }
  const settled = isSettled(ctx.sqlite, monthOf(date));
  if (before || settled) {
    ctx.sqlite
      .prepare(
        `INSERT INTO attendance_changes (child_id, date, old_status, old_note, new_status, new_note, reason, changed_by, changed_at, after_settlement)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(childId, date, before?.status ?? null, before?.note ?? '', next?.status ?? null, next?.note ?? '', reason, staffId, at, settled ? 1 : 0);
  }
  return { outcome: before ? 'changed' : 'created', before };
}

const label = (s: Stored | undefined | null) => (s ? `${STATUS_LABELS[s.status].zh}${s.note ? `（${s.note}）` : ''}` : '未记录');

function countByStatus(statuses: AttendanceStatus[]): string {
  const counts = emptyCounts();
  for (const s of statuses) counts[s]++;
  return ATTENDANCE_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${STATUS_LABELS[s].zh} ${counts[s]}`)
    .join('，');
}

// ---------------------------------------------------------------------------
// The monthly summary (also used by billing and the benchmark)

export interface MonthSummaryRow extends ChildMonthSummary {
  name: string;
  classId: number;
}

/** Children enrolled on at least one day of the month, optionally of one class. */
function childrenOfMonth(sqlite: Database.Database, m: string, classId: number | null): ChildRow[] {
  const first = firstDayOf(m);
  const last = lastDayOf(m);
  return sqlite
    .prepare(
      `SELECT ${childColumns('c')} FROM children c
       WHERE enrolled_on <= @last AND (status = 'enrolled' OR COALESCE(status_since, enrolled_on) > @first)
         AND (@classId IS NULL OR class_id = @classId)
       ORDER BY class_id, name_pinyin, id`,
    )
    .all({ first, last, classId }) as ChildRow[];
}

/**
 * Per child and month: present, sick, personal, other, closure days, own
 * holidays and W — exactly the figures the refund engine uses. One range scan
 * of the covering index (date, child_id, status), grouped in memory.
 */
export function monthSummaries(
  sqlite: Database.Database,
  calendar: LegalCalendar,
  m: string,
  classId: number | null = null,
): MonthSummaryRow[] {
  const days = withCalendar(() => calendar.monthDays(m));
  const kids = childrenOfMonth(sqlite, m, classId);
  const counts = new Map<number, StatusCounts>();
  const rows = sqlite
    .prepare('SELECT child_id, status FROM attendance WHERE date >= ? AND date <= ?')
    .raw()
    .iterate(firstDayOf(m), lastDayOf(m)) as IterableIterator<[number, AttendanceStatus]>;
  for (const [childId, status] of rows) {
    let c = counts.get(childId);
    if (!c) {
      c = emptyCounts();
      counts.set(childId, c);
    }
    c[status]++;
  }
  const closures = loadClosures(sqlite, firstDayOf(m), lastDayOf(m));
  return kids.map((child) => ({
    ...summarizeChildMonth({ month: m, days, child, counts: counts.get(child.id), closures }),
    name: child.name,
    classId: child.classId,
  }));
}

export interface SettlementCorrection {
  id: number;
  childId: number;
  childName: string;
  className: string;
  date: string;
  month: string;
  oldStatus: AttendanceStatus | null;
  newStatus: AttendanceStatus | null;
  oldNote: string;
  newNote: string;
  reason: string;
  changedBy: string | null;
  changedAt: string;
  handledAt: string | null;
}

/** Attendance changed after its month was settled: billing must issue a settlement correction for each child-month. */
export function settlementCorrections(sqlite: Database.Database, includeHandled = false): SettlementCorrection[] {
  return sqlite
    .prepare(
      `SELECT ch.id, ch.child_id AS childId, c.name AS childName, cl.name AS className, ch.date, substr(ch.date, 1, 7) AS month,
         ch.old_status AS oldStatus, ch.new_status AS newStatus, ch.old_note AS oldNote, ch.new_note AS newNote, ch.reason,
         s.display_name AS changedBy, ch.changed_at AS changedAt, ch.handled_at AS handledAt
       FROM attendance_changes ch
       JOIN children c ON c.id = ch.child_id JOIN classes cl ON cl.id = c.class_id
       LEFT JOIN staff s ON s.id = ch.changed_by
       WHERE ch.after_settlement = 1 AND (? OR ch.handled_at IS NULL)
       ORDER BY ch.changed_at DESC, ch.id DESC`,
    )
    .all(includeHandled ? 1 : 0) as SettlementCorrection[];
}

function historyOf(sqlite: Database.Database, childId: number, first: string, last: string) {
  return sqlite
    .prepare(
      `SELECT ch.id, ch.date, ch.old_status AS oldStatus, ch.old_note AS oldNote, ch.new_status AS newStatus, ch.new_note AS newNote,
         ch.reason, s.display_name AS changedBy, ch.changed_at AS changedAt, ch.after_settlement AS afterSettlement, ch.handled_at AS handledAt
       FROM attendance_changes ch LEFT JOIN staff s ON s.id = ch.changed_by
       WHERE ch.child_id = ? AND ch.date >= ? AND ch.date <= ? ORDER BY ch.changed_at DESC, ch.id DESC`,
    )
    .all(childId, first, last) as {
    id: number;
    date: string;
    oldStatus: AttendanceStatus | null;
    oldNote: string;
    newStatus: AttendanceStatus | null;
    newNote: string;
    reason: string;
    changedBy: string | null;
    changedAt: string;
    afterSettlement: number;
    handledAt: string | null;
  }[];
}

function calendarYearWarnings(calendar: LegalCalendar, today: string): number[] {
  const months = [monthOf(today), nextMonth(monthOf(today)), monthOf(addDays(today, CALENDAR_WARNING_DAYS))];
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  return years.filter((y) => !calendar.hasYear(y));
}

// ---------------------------------------------------------------------------
// Handlers

const entry = z.object({ childId: id, status: statusField, note });

const calendarYearInput = z.object({
  year: z.number('请填写年份').int('年份应为整数').min(2000, '年份应在 2000 年以后').max(2100, '年份应在 2100 年以前'),
  holidays: z
    .array(z.object({ date: isoDate, name: shortText('节日名称', 20) }))
    .min(1, '请至少录入一个法定节假日（元旦、春节、国庆节等）')
    .max(80, '节假日最多 80 天'),
  makeupWorkdays: z.array(isoDate).max(20, '调休上班日最多 20 天'),
  source: optionalText(100),
});

export const attendanceHandlers = {
  /** One class on one day: everyone, with what is recorded (null = not yet recorded; the screen defaults to present). */
  'attendance.rollCall': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ classId: id, date: isoDate }),
    run(ctx, { classId, date }) {
      assertClassAccess(ctx, classId);
      const cls = loadClass(ctx, classId);
      const calendar = loadLegalCalendar(ctx.sqlite);
      const day = dayInfo(calendar, date);
      const closure = closureOn(loadClosures(ctx.sqlite, date, date), classId, date) ?? null;
      const kids = ctx.sqlite
        .prepare(
          `SELECT ${childColumns('c')}, a.status AS recorded, a.note, s.display_name AS recordedBy, a.recorded_at AS recordedAt,
             (SELECT count(*) FROM attendance_changes ch WHERE ch.child_id = c.id AND ch.date = @date) AS changes
           FROM children c LEFT JOIN attendance a ON a.child_id = c.id AND a.date = @date
           LEFT JOIN staff s ON s.id = a.recorded_by
           WHERE c.class_id = @classId ORDER BY c.name_pinyin, c.id`,
        )
        .all({ classId, date }) as (ChildRow & {
        recorded: AttendanceStatus | null;
        note: string | null;
        recordedBy: string | null;
        recordedAt: string | null;
        changes: number;
      })[];
      return {
        classId,
        className: cls.name,
        date,
        today: ctx.today(),
        day,
        workingDay: isWorkingKind(day),
        closure,
        settled: isSettled(ctx.sqlite, monthOf(date)),
        children: kids
          .filter((k) => notEnrolledReason(k, date) === null)
          .map((k) => ({
            id: k.id,
            name: k.name,
            initials: k.nameInitials,
            pinyin: k.namePinyin,
            status: k.recorded,
            note: k.note ?? '',
            recordedBy: k.recordedBy,
            recordedAt: k.recordedAt,
            changes: k.changes,
          })),
      };
    },
  }),

  /** The children currently in a class, for choosing whom leave is for. */
  'attendance.classChildren': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ classId: id }),
    run(ctx, { classId }) {
      assertClassAccess(ctx, classId);
      return ctx.sqlite
        .prepare(
          `SELECT id, name, name_initials AS initials, enrolled_on AS enrolledOn, status FROM children
           WHERE class_id = ? AND status = 'enrolled' ORDER BY name_pinyin, id`,
        )
        .all(classId) as { id: number; name: string; initials: string; enrolledOn: string; status: string }[];
    },
  }),

  /** Saves a class's roll call for a day; changes to earlier entries are kept as corrections. */
  'attendance.saveRollCall': handler({
    access: WRITERS,
    write: true,
    input: z.object({
      classId: id,
      date: isoDate,
      entries: z
        .array(entry)
        .min(1, '没有要保存的考勤')
        .max(200)
        .refine((list) => new Set(list.map((e) => e.childId)).size === list.length, '同一名幼儿出现了两次'),
      reason: optionalText(100),
    }),
    run(ctx, { classId, date, entries, reason }) {
      assertClassAccess(ctx, classId);
      const cls = loadClass(ctx, classId);
      const calendar = loadLegalCalendar(ctx.sqlite);
      requireWorkingDay(calendar, date);
      if (date > ctx.today()) {
        throw invalid('不能为今天以后的日期点名；家长提前请假请用“请假登记”。', 'Roll call cannot be taken for a future day.');
      }
      requireOpen(ctx, classId, date);
      const before: Record<number, string> = {};
      const after: Record<number, string> = {};
      const result = { created: 0, changed: 0, unchanged: 0 };
      for (const e of entries) {
        const child = loadChild(ctx, e.childId);
        if (child.classId !== classId) throw invalid(`${child.name}不在${cls.name}，请刷新后重试。`, 'The child is not in this class.');
        requireEnrolled(child, date);
        const written = writeDay(ctx, child.id, date, { status: e.status, note: e.note }, reason);
        result[written.outcome]++;
        if (written.outcome !== 'unchanged') {
          before[child.id] = label(written.before);
          after[child.id] = label(e);
        }
      }
      ctx.audit({
        action: 'attendance.rollCall',
        kind: 'attendance',
        entity: 'class',
        entityId: classId,
        summary: `${cls.name} ${date} 点名：${countByStatus(entries.map((e) => e.status))}${result.changed ? `（更正 ${result.changed} 人）` : ''}`,
        before,
        after,
      });
      return { ...result, settled: isSettled(ctx.sqlite, monthOf(date)) };
    },
  }),

  /** Leave entered ahead (or after the fact) for a range: every legal working day in it that is not a closure. */
  'attendance.recordLeave': handler({
    access: WRITERS,
    write: true,
    input: z
      .object({ childId: id, firstDate: isoDate, lastDate: isoDate, status: reasonField, note })
      .refine((v) => v.lastDate >= v.firstDate, { message: '结束日期不能早于开始日期', path: ['lastDate'] })
      .refine((v) => datesBetween(v.firstDate, v.lastDate).length <= MAX_LEAVE_DAYS, {
        message: `一次最多登记 ${MAX_LEAVE_DAYS} 天的请假`,
        path: ['lastDate'],
      }),
    run(ctx, input) {
      const child = loadChild(ctx, input.childId);
      assertClassAccess(ctx, child.classId);
      const calendar = loadLegalCalendar(ctx.sqlite);
      const closures = loadClosures(ctx.sqlite, input.firstDate, input.lastDate);
      const days = datesBetween(input.firstDate, input.lastDate).filter(
        (d) => isWorkingKind(dayInfo(calendar, d)) && !closureOn(closures, child.classId, d),
      );
      if (days.length === 0) throw invalid('所选日期内没有需要请假的法定工作日（都是周末、节假日或停课日）。', 'No working day in the range.');
      for (const d of days) requireEnrolled(child, d);
      const changed: Record<string, string> = {};
      for (const d of days) {
        const written = writeDay(ctx, child.id, d, { status: input.status, note: input.note }, '提前请假');
        if (written.outcome !== 'unchanged') changed[d] = label(written.before);
      }
      ctx.audit({
        action: 'attendance.leave',
        kind: 'attendance',
        entity: 'child',
        entityId: child.id,
        summary: `${child.name} ${input.firstDate}～${input.lastDate} ${STATUS_LABELS[input.status].zh} ${days.length} 天`,
        before: changed,
        after: { status: input.status, note: input.note, days },
      });
      return { days, settledMonths: [...new Set(days.map(monthOf))].filter((m) => isSettled(ctx.sqlite, m)) };
    },
  }),

  /** Corrects one child-day; the old value is kept in the history. */
  'attendance.correct': handler({
    access: WRITERS,
    write: true,
    input: z.object({ childId: id, date: isoDate, status: statusField, note, reason: optionalText(100) }),
    run(ctx, input) {
      const child = loadChild(ctx, input.childId);
      assertClassAccess(ctx, child.classId);
      const calendar = loadLegalCalendar(ctx.sqlite);
      requireWorkingDay(calendar, input.date);
      if (input.status === 'present' && input.date > ctx.today()) {
        throw invalid('不能提前登记出勤。', 'Presence cannot be recorded ahead.');
      }
      requireOpen(ctx, child.classId, input.date);
      requireEnrolled(child, input.date);
      const written = writeDay(ctx, child.id, input.date, { status: input.status, note: input.note }, input.reason);
      const settled = isSettled(ctx.sqlite, monthOf(input.date));
      if (written.outcome !== 'unchanged') {
        ctx.audit({
          action: 'attendance.correct',
          kind: 'attendance',
          entity: 'child',
          entityId: child.id,
          summary: `${child.name} ${input.date}：${label(written.before)} → ${label(input)}${settled ? '（已结算月份，待结算更正）' : ''}`,
          before: written.before ?? null,
          after: { date: input.date, status: input.status, note: input.note, reason: input.reason },
        });
      }
      return { outcome: written.outcome, settled };
    },
  }),

  /** A child's month day by day, with the summary and every correction. */
  'attendance.childMonth': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ childId: id, month }),
    run(ctx, { childId, month: m }) {
      const child = loadChild(ctx, childId);
      assertClassAccess(ctx, child.classId);
      const calendar = loadLegalCalendar(ctx.sqlite);
      const days = withCalendar(() => calendar.monthDays(m));
      const first = firstDayOf(m);
      const last = lastDayOf(m);
      const closures = loadClosures(ctx.sqlite, first, last);
      const stored = new Map(
        (
          ctx.sqlite
            .prepare('SELECT date, status, note FROM attendance WHERE child_id = ? AND date >= ? AND date <= ?')
            .all(childId, first, last) as ({ date: string } & Stored)[]
        ).map((r) => [r.date, r]),
      );
      const history = historyOf(ctx.sqlite, childId, first, last);
      const counts = emptyCounts();
      for (const r of stored.values()) counts[r.status]++;
      const cls = loadClass(ctx, child.classId);
      return {
        child: { id: child.id, name: child.name, classId: child.classId, className: cls.name },
        month: m,
        today: ctx.today(),
        settled: isSettled(ctx.sqlite, m),
        summary: summarizeChildMonth({ month: m, days, child, counts, closures }),
        days: days.map((d) => {
          const closure = closureOn(closures, child.classId, d.date);
          return {
            ...d,
            working: isWorkingKind(d),
            enrolled: notEnrolledReason(child, d.date) === null,
            closure: closure ? { kind: closure.kind, reason: closure.reason } : null,
            status: stored.get(d.date)?.status ?? null,
            note: stored.get(d.date)?.note ?? '',
            changes: history.filter((h) => h.date === d.date).length,
          };
        }),
        history,
      };
    },
  }),

  /** Per child and month: present, sick, personal, other, closures, W; and attendance rate per class. */
  'attendance.monthSummary': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ month, classId: id.nullable().default(null) }),
    run(ctx, { month: m, classId }) {
      const actor = ctx.actor;
      const scope = actor?.role === 'teacher' ? actor.classId : classId;
      if (scope !== null) assertClassAccess(ctx, scope);
      const calendar = loadLegalCalendar(ctx.sqlite);
      const rows = scope === null && actor?.role === 'teacher' ? [] : monthSummaries(ctx.sqlite, calendar, m, scope);
      const classList = ctx.sqlite.prepare('SELECT id, name FROM classes ORDER BY id').all() as { id: number; name: string }[];
      const rates = classRates(rows);
      return {
        month: m,
        W: calendar.legalWorkingDays(m),
        settled: isSettled(ctx.sqlite, m),
        children: rows.map((r) => ({ ...r, className: classList.find((c) => c.id === r.classId)?.name ?? '' })),
        classes: rates.map((r) => ({ ...r, name: classList.find((c) => c.id === r.classId)?.name ?? '' })),
      };
    },
  }),

  /** The class's monthly sheet (考勤表) for printing: children × days with totals. */
  'attendance.sheet': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ classId: id, month }),
    run(ctx, { classId, month: m }) {
      assertClassAccess(ctx, classId);
      const cls = loadClass(ctx, classId);
      const calendar = loadLegalCalendar(ctx.sqlite);
      const summaries = monthSummaries(ctx.sqlite, calendar, m, classId);
      const days = calendar.monthDays(m);
      const closures = loadClosures(ctx.sqlite, firstDayOf(m), lastDayOf(m));
      const marks = ctx.sqlite
        .prepare(
          `SELECT a.child_id AS childId, a.date, a.status FROM attendance a JOIN children c ON c.id = a.child_id
           WHERE c.class_id = ? AND a.date >= ? AND a.date <= ?`,
        )
        .all(classId, firstDayOf(m), lastDayOf(m)) as { childId: number; date: string; status: AttendanceStatus }[];
      const byChild = new Map<number, Record<string, AttendanceStatus>>();
      for (const mark of marks) {
        const row = byChild.get(mark.childId) ?? {};
        row[mark.date] = mark.status;
        byChild.set(mark.childId, row);
      }
      const kg = ctx.sqlite.prepare('SELECT name FROM kindergarten WHERE id = 1').get() as { name: string } | undefined;
      return {
        kindergartenName: kg?.name ?? '',
        className: cls.name,
        headTeacher: cls.headTeacher,
        month: m,
        W: calendar.legalWorkingDays(m),
        days: days.map((d) => {
          const closure = closureOn(closures, classId, d.date);
          return { ...d, working: isWorkingKind(d), closure: closure ? closure.kind : null };
        }),
        rows: summaries.map((s) => ({ ...s, marks: byChild.get(s.childId) ?? {} })),
      };
    },
  }),

  'attendance.listClosures': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ from: isoDate.optional() }).default({}),
    run(ctx, { from }) {
      return ctx.sqlite
        .prepare(
          `SELECT cl.id, cl.first_date AS firstDate, cl.last_date AS lastDate, cl.kind, cl.class_id AS classId,
             c.name AS className, cl.reason, s.display_name AS createdBy, cl.created_at AS createdAt
           FROM closures cl LEFT JOIN classes c ON c.id = cl.class_id LEFT JOIN staff s ON s.id = cl.created_by
           WHERE cl.last_date >= ? ORDER BY cl.first_date DESC`,
        )
        .all(from ?? '0000-00-00') as {
        id: number;
        firstDate: string;
        lastDate: string;
        kind: Closure['kind'];
        classId: number | null;
        className: string | null;
        reason: string;
        createdBy: string | null;
        createdAt: string;
      }[];
    },
  }),

  /** A closure (停课 or own holiday) for a class or the whole kindergarten. Never changes W. */
  'attendance.addClosure': handler({
    access: OFFICE,
    write: true,
    input: z
      .object({
        firstDate: isoDate,
        lastDate: isoDate,
        kind: z.enum(CLOSURE_KINDS, '请选择停课或园内假期'),
        classId: id.nullable(),
        reason: shortText('原因', 100),
      })
      .refine((v) => v.lastDate >= v.firstDate, { message: '结束日期不能早于开始日期', path: ['lastDate'] })
      .refine((v) => datesBetween(v.firstDate, v.lastDate).length <= 92, { message: '一次最多登记 92 天', path: ['lastDate'] }),
    run(ctx, input) {
      const calendar = loadLegalCalendar(ctx.sqlite);
      const dates = datesBetween(input.firstDate, input.lastDate);
      const working = dates.filter((d) => isWorkingKind(dayInfo(calendar, d)));
      if (working.length === 0) throw invalid('所选日期都不是法定工作日，无需登记停课或园内假期。', 'No working day in the range.');
      if (input.classId !== null) loadClass(ctx, input.classId);
      const clash = loadClosures(ctx.sqlite, input.firstDate, input.lastDate).find((c) => overlaps(c, input));
      if (clash) {
        throw invalid(
          `与已登记的${CLOSURE_LABELS[clash.kind].zh}（${clash.firstDate}～${clash.lastDate}，${clash.reason}）重叠。`,
          'Overlaps an existing closure.',
        );
      }
      const row = ctx.sqlite
        .prepare(
          `INSERT INTO closures (first_date, last_date, kind, class_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(input.firstDate, input.lastDate, input.kind, input.classId, input.reason, ctx.actor?.staffId ?? null, ctx.now().toISOString()) as {
        id: number;
      };
      // Roll calls already taken on the closed days no longer count: removed, with history.
      const taken = ctx.sqlite
        .prepare(
          `SELECT a.child_id AS childId, a.date FROM attendance a JOIN children c ON c.id = a.child_id
           WHERE a.date >= ? AND a.date <= ? AND (? IS NULL OR c.class_id = ?)`,
        )
        .all(input.firstDate, input.lastDate, input.classId, input.classId) as { childId: number; date: string }[];
      for (const t of taken) writeDay(ctx, t.childId, t.date, null, `${CLOSURE_LABELS[input.kind].zh}：${input.reason}`);
      ctx.audit({
        action: 'attendance.addClosure',
        kind: 'attendance',
        entity: 'closure',
        entityId: row.id,
        summary: `${input.firstDate}～${input.lastDate} ${CLOSURE_LABELS[input.kind].zh}（${input.reason}）${taken.length ? `，撤销已记录考勤 ${taken.length} 条` : ''}`,
        after: input,
      });
      return { id: row.id, workingDays: working.length, removedRecords: taken.length };
    },
  }),

  'attendance.removeClosure': handler({
    access: OFFICE,
    write: true,
    input: z.object({ id }),
    run(ctx, { id: closureId }) {
      const before = ctx.sqlite.prepare('SELECT * FROM closures WHERE id = ?').get(closureId);
      if (!before) throw notFound('这条停课记录', 'closure');
      ctx.sqlite.prepare('DELETE FROM closures WHERE id = ?').run(closureId);
      ctx.audit({ action: 'attendance.removeClosure', kind: 'attendance', entity: 'closure', entityId: closureId, before });
      return { removed: closureId };
    },
  }),

  /** One month of the legal calendar; `known: false` when the year has no data yet. */
  'attendance.calendarMonth': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ month }),
    run(ctx, { month: m }) {
      const calendar = loadLegalCalendar(ctx.sqlite);
      const year = Number(m.slice(0, 4));
      if (!calendar.hasYear(year)) {
        return { month: m, year, known: false as const, days: [], W: null, source: null };
      }
      return {
        month: m,
        year,
        known: true as const,
        days: calendar.monthDays(m),
        W: calendar.legalWorkingDays(m),
        source: calendar.sourceOf(year) ?? null,
      };
    },
  }),

  /** Which years are covered, which were entered by staff, and years to import soon. */
  'attendance.calendarStatus': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const calendar = loadLegalCalendar(ctx.sqlite);
      const custom = ctx.sqlite
        .prepare(
          `SELECT y.year, y.source, y.entered_at AS enteredAt, s.display_name AS enteredBy, y.data
           FROM calendar_years y LEFT JOIN staff s ON s.id = y.entered_by ORDER BY y.year`,
        )
        .all() as { year: number; source: string; enteredAt: string; enteredBy: string | null; data: string }[];
      return {
        today: ctx.today(),
        knownYears: calendar.knownYears(),
        customYears: custom.map(({ data, ...rest }) => ({ ...rest, ...(JSON.parse(data) as Omit<YearCalendar, 'year'>) })),
        missingSoon: calendarYearWarnings(calendar, ctx.today()),
      };
    },
  }),

  /** Enter or import a year's State Council calendar (replaces an earlier entry for that year). */
  'attendance.saveCalendarYear': handler({
    access: OFFICE,
    write: true,
    input: calendarYearInput,
    run(ctx, input) {
      let parsed: YearCalendar;
      try {
        parsed = parseYearCalendar(input);
      } catch (error) {
        if (error instanceof CalendarDataError) throw invalid(error.messageZh, error.message);
        throw error;
      }
      const settled = ctx.sqlite.prepare('SELECT month FROM settled_months WHERE month LIKE ? ORDER BY month').all(`${input.year}-%`) as {
        month: string;
      }[];
      if (settled.length > 0) {
        throw conflict(
          `${input.year} 年已有已结算的月份（${settled.map((s) => s.month).join('、')}），其法定日历不能再修改。`,
          `${input.year} has settled months; its calendar can no longer change.`,
        );
      }
      const taken = ctx.sqlite
        .prepare(`SELECT DISTINCT date FROM attendance WHERE date IN (SELECT value FROM json_each(?)) ORDER BY date LIMIT 5`)
        .all(JSON.stringify(parsed.holidays.map((h) => h.date))) as { date: string }[];
      if (taken.length > 0) {
        throw conflict(
          `${taken.map((t) => t.date).join('、')} 已有考勤记录，不能设为节假日。请先核对日期。`,
          `${taken.map((t) => t.date).join(', ')} already have attendance and cannot become holidays.`,
        );
      }
      const before = ctx.sqlite.prepare('SELECT data, source FROM calendar_years WHERE year = ?').get(input.year) ?? null;
      const data = JSON.stringify({ holidays: parsed.holidays, makeupWorkdays: parsed.makeupWorkdays });
      ctx.sqlite
        .prepare(
          `INSERT INTO calendar_years (year, data, source, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (year) DO UPDATE SET data = excluded.data, source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
        )
        .run(input.year, data, input.source, ctx.actor?.staffId ?? null, ctx.now().toISOString());
      const calendar = loadLegalCalendar(ctx.sqlite);
      const W = Array.from({ length: 12 }, (_, i) => calendar.legalWorkingDays(`${input.year}-${String(i + 1).padStart(2, '0')}`));
      ctx.audit({
        action: 'attendance.saveCalendarYear',
        kind: 'attendance',
        entity: 'calendar_year',
        entityId: input.year,
        summary: `录入 ${input.year} 年法定日历：节假日 ${parsed.holidays.length} 天，调休上班 ${parsed.makeupWorkdays.length} 天`,
        before,
        after: { data, source: input.source },
      });
      return { year: input.year, W };
    },
  }),

  /**
   * Removes a year staff entered (typed for the wrong year, or the bundled data
   * now covers it). Refused once the year has attendance, closures or settled
   * months: they were counted with this calendar.
   */
  'attendance.removeCalendarYear': handler({
    access: OFFICE,
    write: true,
    input: z.object({ year: calendarYearInput.shape.year }),
    run(ctx, { year }) {
      const before = ctx.sqlite.prepare('SELECT data, source FROM calendar_years WHERE year = ?').get(year) as { data: string; source: string } | undefined;
      if (!before) throw notFound(`${year} 年录入的法定日历`, 'calendar year');
      const used = ctx.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM attendance WHERE date LIKE @y) AS records,
             (SELECT count(*) FROM closures WHERE first_date LIKE @y OR last_date LIKE @y) AS closures,
             (SELECT count(*) FROM settled_months WHERE month LIKE @y) AS settled`,
        )
        .get({ y: `${year}-%` }) as { records: number; closures: number; settled: number };
      if (used.records + used.closures + used.settled > 0) {
        throw conflict(
          `${year} 年已有考勤记录、停课登记或已结算的月份，这些都按这份日历计算过，不能删除。如有错误，请改正后重新保存这一年。`,
          `${year} already has attendance, closures or settled months counted with this calendar; correct it and save the year again instead.`,
        );
      }
      ctx.sqlite.prepare('DELETE FROM calendar_years WHERE year = ?').run(year);
      const bundled = loadLegalCalendar(ctx.sqlite).hasYear(year);
      ctx.audit({
        action: 'attendance.removeCalendarYear',
        kind: 'attendance',
        entity: 'calendar_year',
        entityId: year,
        summary: `删除录入的 ${year} 年法定日历${bundled ? '，改用系统内置数据' : ''}`,
        before,
      });
      return { year, bundled };
    },
  }),

  /** Marks a month settled: later attendance changes in it are flagged for a settlement correction. */
  'attendance.settleMonth': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ month }),
    run(ctx, { month: m }) {
      if (m >= monthOf(ctx.today())) throw invalid('只能结算已经结束的月份。', 'Only past months can be settled.');
      if (isSettled(ctx.sqlite, m)) throw conflict(`${m} 已经结算过了。`, `${m} is already settled.`);
      withCalendar(() => loadLegalCalendar(ctx.sqlite).legalWorkingDays(m));
      ctx.sqlite
        .prepare('INSERT INTO settled_months (month, settled_at, settled_by) VALUES (?, ?, ?)')
        .run(m, ctx.now().toISOString(), ctx.actor?.staffId ?? null);
      ctx.audit({ action: 'attendance.settleMonth', kind: 'attendance', entity: 'settled_month', entityId: m, after: { month: m } });
      return { month: m };
    },
  }),

  /** Corrections made after settlement (for billing); handled ones on request. */
  'attendance.settlementCorrections': handler({
    access: ['principal', 'finance', 'front_desk'],
    write: false,
    input: z.object({ includeHandled: z.boolean().default(false) }).default({ includeHandled: false }),
    run(ctx, { includeHandled }) {
      const months = ctx.sqlite.prepare('SELECT month, settled_at AS settledAt FROM settled_months ORDER BY month DESC').all() as {
        month: string;
        settledAt: string;
      }[];
      return { corrections: settlementCorrections(ctx.sqlite, includeHandled), settledMonths: months };
    },
  }),

  /** Billing has made the settlement correction for these changes. */
  'attendance.markCorrectionsHandled': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ ids: z.array(id).min(1, '请选择要标记的更正').max(500) }),
    run(ctx, { ids }) {
      const at = ctx.now().toISOString();
      const update = ctx.sqlite.prepare(
        'UPDATE attendance_changes SET handled_at = ?, handled_by = ? WHERE id = ? AND after_settlement = 1 AND handled_at IS NULL',
      );
      let handled = 0;
      for (const changeId of ids) handled += update.run(at, ctx.actor?.staffId ?? null, changeId).changes;
      if (handled !== ids.length) throw conflict('部分更正已被处理或不存在，请刷新后重试。', 'Some corrections were already handled; reload and try again.');
      ctx.audit({ action: 'attendance.markCorrectionsHandled', kind: 'attendance', entity: 'attendance_change', summary: `已处理结算更正 ${handled} 条`, after: ids });
      return { handled };
    },
  }),
};
