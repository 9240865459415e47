// What a family chose, entered at the desk: 代收费 items opted in to (a yes
// or a no per child, who and when; no record = not opted in) and the days of
// vacation care booked per child and month. The bill run charges from these
// (core/billing/voluntary.ts); a month already billed needs the bill replaced.
import { z } from 'zod';
import { daysInMonth } from '../../../core/calendar/dates';

const monthDays = (m: string) => daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
import { ITEM_LABELS, UNIT_LABELS } from '../../../core/billing/items';
import { recordAgencyChoices, recordVacationBookings } from '../../../db/billing/voluntary';
import { handler, type HandlerContext } from '../define';
import { conflict, invalid, notFound } from '../errors';
import { idempotencyKey, once } from '../idempotency';
import { id, month, optionalText, text, whenFieldsValid } from '../schemas';
import { actorId, yuan } from './context';

const DESK = ['principal', 'finance', 'front_desk'] as const;

interface ChildRow {
  id: number;
  name: string;
  classId: number;
  className: string;
}

function enrolledChildren(ctx: HandlerContext, classId: number | undefined): ChildRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT c.id, c.name, c.class_id AS classId, k.name AS className FROM children c JOIN classes k ON k.id = c.class_id
       WHERE c.status = 'enrolled' AND (? IS NULL OR c.class_id = ?) ORDER BY k.id, c.name_pinyin, c.id`,
    )
    .all(classId ?? null, classId ?? null) as ChildRow[];
}

/** The 代收费 items set as standards: each name once, with its newest standard. */
function agencyItems(ctx: HandlerContext) {
  return ctx.sqlite
    .prepare(
      `SELECT s.label, s.amount_fen AS amountFen, s.unit, s.applies_from AS appliesFrom FROM fee_standards s
       WHERE s.item = 'agency' AND s.id = (SELECT t.id FROM fee_standards t WHERE t.item = 'agency' AND t.label = s.label ORDER BY t.applies_from DESC, t.id DESC LIMIT 1)
       ORDER BY s.label`,
    )
    .all() as { label: string; amountFen: number; unit: 'month' | 'semester' | 'day'; appliesFrom: string }[];
}

function requireChildren(ctx: HandlerContext, ids: number[]): Map<number, string> {
  const known = new Map<number, string>();
  const stmt = ctx.sqlite.prepare(`SELECT name FROM children WHERE id = ? AND status = 'enrolled'`).pluck();
  for (const childId of ids) {
    const name = stmt.get(childId) as string | undefined;
    if (!name) throw notFound('在园幼儿', 'enrolled child');
    known.set(childId, name);
  }
  return known;
}

const uniqueChildren = <T extends { childId: number }>(rows: T[]) => new Set(rows.map((r) => r.childId)).size === rows.length;

/** Who recorded a row, by name. */
const recorder = `(SELECT display_name FROM staff st WHERE st.id = recorded_by)`;

export const voluntaryHandlers = {
  /** The 代收费 items (insurance, medical check, …) families may opt in to, with their standard. */
  'voluntary.agencyItems': handler({
    access: DESK,
    write: false,
    input: z.object({}).strict().default({}),
    run: (ctx) => agencyItems(ctx).map((s) => ({ label: s.label, amount: yuan(s.amountFen), unit: s.unit, unitLabel: UNIT_LABELS[s.unit][0], appliesFrom: s.appliesFrom })),
  }),

  /** One 代收费 item: every enrolled child (of a class) with the family's newest choice, who recorded it and when. */
  'voluntary.agencySheet': handler({
    access: DESK,
    write: false,
    input: z.object({ label: text(60, { min: 1, tooShort: '请选择代收费项目' }), classId: id.optional() }),
    run(ctx, input) {
      const stmt = ctx.sqlite.prepare(`SELECT opted_in AS optedIn, note, recorded_at AS recordedAt, ${recorder} AS recordedBy FROM agency_choices WHERE child_id = ? AND label = ? ORDER BY id DESC LIMIT 1`);
      return enrolledChildren(ctx, input.classId).map((c) => {
        const last = stmt.get(c.id, input.label) as { optedIn: number; note: string; recordedAt: string; recordedBy: string | null } | undefined;
        return { childId: c.id, name: c.name, className: c.className, optedIn: last?.optedIn === 1, recordedAt: last?.recordedAt ?? null, recordedBy: last?.recordedBy ?? null, note: last?.note ?? '' };
      });
    },
  }),

  /** Records families' yes or no to a 代收费 item (only the children whose choice changes get a row). */
  'voluntary.setAgency': handler({
    access: DESK,
    write: true,
    input: z.object({
      label: text(60, { min: 1, tooShort: '请选择代收费项目' }),
      changes: z
        .array(z.object({ childId: id, optedIn: z.boolean() }))
        .min(1, '请至少选择一名幼儿')
        .max(1000, '一次最多 1000 名幼儿')
        .refine(uniqueChildren, { message: '同一名幼儿出现了两次', ...whenFieldsValid }),
      note: optionalText(200),
      idempotencyKey,
    }),
    run(ctx, input) {
      return once(ctx, input.idempotencyKey, 'voluntary.setAgency', () => {
        if (!agencyItems(ctx).some((s) => s.label === input.label)) {
          throw invalid(`没有名为「${input.label}」的代收费标准，请先在“收费标准”中设定。`, 'No such item collected on behalf.', { label: '没有这个代收费项目' });
        }
        const names = requireChildren(ctx, input.changes.map((c) => c.childId));
        const current = ctx.sqlite.prepare('SELECT opted_in FROM agency_choices WHERE child_id = ? AND label = ? ORDER BY id DESC LIMIT 1').pluck();
        const changed = input.changes.filter((c) => (current.get(c.childId, input.label) === 1) !== c.optedIn);
        if (changed.length === 0) throw conflict('所选幼儿的代收费选择没有变化。', 'Nothing changed.');
        const staffId = actorId(ctx);
        if (staffId === null) throw invalid('请先登录', 'Sign in first.');
        recordAgencyChoices(ctx.db, input.label, changed, input.note, { staffId, at: ctx.now().toISOString() });
        const yes = changed.filter((c) => c.optedIn).map((c) => names.get(c.childId));
        const no = changed.filter((c) => !c.optedIn).map((c) => names.get(c.childId));
        ctx.audit({
          action: 'agency.choice',
          kind: 'money',
          entity: 'agency_item',
          entityId: input.label,
          summary: `代收「${input.label}」：${yes.length ? `自愿参加 ${yes.join('、')}` : ''}${yes.length && no.length ? '；' : ''}${no.length ? `不参加 ${no.join('、')}` : ''}`,
          after: { label: input.label, changes: changed, note: input.note },
        });
        // A yes for a child whose bill covering this month is out already: the item comes with that bill's replacement (or the next bill).
        const month = ctx.today().slice(0, 7);
        const billedStmt = ctx.sqlite
          .prepare(
            `SELECT b.number FROM bills b WHERE b.child_id = ? AND b.period_first <= ? AND b.period_last >= ?
               AND b.id NOT IN (SELECT bill_id FROM bill_voids) AND b.id NOT IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM bill_lines l WHERE l.bill_id = b.id AND l.item = 'agency' AND l.label = ?)`,
          )
          .pluck();
        const alreadyBilled = changed.flatMap((c) => {
          const number = c.optedIn ? (billedStmt.get(c.childId, month, month, input.label) as string | undefined) : undefined;
          return number ? [{ childId: c.childId, name: names.get(c.childId)!, number }] : [];
        });
        return { recorded: changed.length, optedIn: yes.length, optedOut: no.length, alreadyBilled };
      });
    },
  }),

  /** Vacation care of a month: every enrolled child (of a class) with the days booked, the day rate, and the bill that already covers the month. */
  'voluntary.vacationSheet': handler({
    access: DESK,
    write: false,
    input: z.object({ month, classId: id.optional() }),
    run(ctx, input) {
      const booked = ctx.sqlite.prepare(`SELECT days, note, recorded_at AS recordedAt, ${recorder} AS recordedBy FROM vacation_bookings WHERE child_id = ? AND month = ? ORDER BY id DESC LIMIT 1`);
      const billed = ctx.sqlite
        .prepare(
          `SELECT b.number, EXISTS (SELECT 1 FROM bill_lines l WHERE l.bill_id = b.id AND l.item = 'vacation_care' AND l.period_first = ?) AS hasVacation
           FROM bills b WHERE b.child_id = ? AND b.period_first <= ? AND b.period_last >= ?
             AND b.id NOT IN (SELECT bill_id FROM bill_voids) AND b.id NOT IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL)
           ORDER BY b.id DESC LIMIT 1`,
        );
      const rate = ctx.sqlite
        .prepare(`SELECT label, amount_fen AS amountFen FROM fee_standards WHERE item = 'vacation_care' AND unit = 'day' AND applies_from <= ? AND enrolled_from IS NULL ORDER BY applies_from DESC, id DESC LIMIT 1`)
        .get(`${input.month}-01`) as { label: string; amountFen: number } | undefined;
      const rows = enrolledChildren(ctx, input.classId).map((c) => {
        const last = booked.get(c.id, input.month) as { days: number; note: string; recordedAt: string; recordedBy: string | null } | undefined;
        const bill = billed.get(input.month, c.id, input.month, input.month) as { number: string; hasVacation: number } | undefined;
        return {
          childId: c.id,
          name: c.name,
          className: c.className,
          days: last?.days ?? 0,
          recordedAt: last?.recordedAt ?? null,
          recordedBy: last?.recordedBy ?? null,
          billNumber: bill?.number ?? null,
          billHasVacation: bill?.hasVacation === 1,
        };
      });
      return { month: input.month, maxDays: monthDays(input.month), standard: rate ? { label: rate.label, dayRate: yuan(rate.amountFen) } : null, itemLabel: ITEM_LABELS.vacation_care[0], children: rows };
    },
  }),

  /** Records the days of vacation care booked in a month (0 cancels); only children whose days change get a row. */
  'voluntary.bookVacation': handler({
    access: DESK,
    write: true,
    input: z
      .object({
        month,
        rows: z
          .array(z.object({ childId: id, days: z.number('请填写天数').int('天数应为整数').min(0, '天数不能为负').max(31, '一个月最多 31 天') }))
          .min(1, '请至少填写一名幼儿')
          .max(1000, '一次最多 1000 名幼儿')
          .refine(uniqueChildren, { message: '同一名幼儿出现了两次', ...whenFieldsValid }),
        note: optionalText(200),
        idempotencyKey,
      })
      .superRefine((v, issue) => {
        const max = monthDays(v.month);
        v.rows.forEach((r, i) => {
          if (r.days > max) issue.addIssue({ code: 'custom', path: ['rows', i, 'days'], message: `${v.month} 只有 ${max} 天` });
        });
      }, whenFieldsValid),
    run(ctx, input) {
      return once(ctx, input.idempotencyKey, 'voluntary.bookVacation', () => {
        const names = requireChildren(ctx, input.rows.map((r) => r.childId));
        const current = ctx.sqlite.prepare('SELECT days FROM vacation_bookings WHERE child_id = ? AND month = ? ORDER BY id DESC LIMIT 1').pluck();
        const changed = input.rows.filter((r) => ((current.get(r.childId, input.month) as number | undefined) ?? 0) !== r.days);
        if (changed.length === 0) throw conflict('所填天数与已登记的相同，没有变化。', 'Nothing changed.');
        const staffId = actorId(ctx);
        if (staffId === null) throw invalid('请先登录', 'Sign in first.');
        recordVacationBookings(ctx.db, input.month, changed, input.note, { staffId, at: ctx.now().toISOString() });
        const billedStmt = ctx.sqlite
          .prepare(
            `SELECT number FROM bills b WHERE b.child_id = ? AND b.period_first <= ? AND b.period_last >= ?
               AND b.id NOT IN (SELECT bill_id FROM bill_voids) AND b.id NOT IN (SELECT replaces_bill_id FROM bills WHERE replaces_bill_id IS NOT NULL)`,
          )
          .pluck();
        const alreadyBilled = changed.flatMap((r) => {
          const number = billedStmt.get(r.childId, input.month, input.month) as string | undefined;
          return number ? [{ childId: r.childId, name: names.get(r.childId)!, number }] : [];
        });
        ctx.audit({
          action: 'vacation.book',
          kind: 'money',
          entity: 'vacation_month',
          entityId: input.month,
          summary: `${input.month} 寒暑假托管预订：${changed.map((r) => `${names.get(r.childId)} ${r.days} 天`).join('、')}`,
          after: { month: input.month, rows: changed, note: input.note },
        });
        return { recorded: changed.length, alreadyBilled };
      });
    },
  }),
};
