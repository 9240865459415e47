import { z } from 'zod';
import { CalendarMissingError } from '../../../core/calendar';
import { isWorkingKind } from '../../../core/attendance';
import { homePartsFor, monthsToSettle } from '../../../core/reports/home';
import { yuan } from '../../../core/reports/document';
import { overdueLines } from '../../../db/billing/arrears';
import { billedPeriods, classDays, correctionsDue, hasLiveBill, payoutsDue, settledMonthSet } from '../../../db/reports/home';
import { loadLegalCalendar } from '../../services/legal-calendar';
import { attendanceHandlers } from '../attendance';
import { handler, type HandlerContext } from '../define';
import { familiesHandlers } from '../families';

/** Today's working day as the legal calendar says (null when the year has no calendar yet). */
function dayOf(ctx: HandlerContext, today: string) {
  try {
    const info = loadLegalCalendar(ctx.db).dayInfo(today);
    return { working: isWorkingKind(info), holidayName: info.holidayName ?? null };
  } catch (error) {
    if (error instanceof CalendarMissingError) return { working: null, holidayName: null };
    throw error;
  }
}

export const homeHandlers = {
  /**
   * The first screen after sign-in, for today (the backend's clock): roll
   * call per class, who is present / sick / on leave, money waiting at the
   * desk, settlement work due, follow-ups and complaints, the calendar
   * warning. Each part only for the roles that may see it; teachers see their class.
   */
  'home.today': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    // Synchronous on purpose: the parts borrowed from other areas run on the same connection, before anything awaits.
    run(ctx) {
      const actor = ctx.actor!;
      const today = ctx.today();
      const parts = homePartsFor(actor.role);
      const ownClass = actor.role === 'teacher' ? (actor.classId ?? -1) : null;
      const day = dayOf(ctx, today);
      const classes = parts.has('rollCall') ? classDays(ctx.db, today, ownClass) : [];
      const rollCall = parts.has('rollCall')
        ? classes.map((c) => {
            const recorded = c.present + c.sick + c.personal + c.other;
            return { ...c, closed: c.closed === 1, recorded, missing: day.working && c.closed !== 1 ? Math.max(0, c.enrolled - recorded) : 0 };
          })
        : null;
      // The arrears screen's own figure (credit on the account set against the bills), so the tile and the screen it opens agree.
      const overdue = parts.has('arrears') ? overdueLines(ctx.db, today) : null;
      const payouts = parts.has('payouts') ? payoutsDue(ctx.db) : null;
      const unsettled = parts.has('unsettled')
        ? monthsToSettle(billedPeriods(ctx.db), settledMonthSet(ctx.db), today.slice(0, 7)).filter((m) => hasLiveBill(ctx.db, m))
        : null;
      const followUps = parts.has('followUps') ? borrow(familiesHandlers['families.followUps'].run(ctx, {})) : null;
      const complaints = parts.has('complaints') ? borrow(familiesHandlers['families.feedback'].run(ctx, { status: 'active' })) : null;
      const calendar = parts.has('calendar') ? borrow(attendanceHandlers['attendance.calendarStatus'].run(ctx, {})) : null;
      return {
        today,
        role: actor.role,
        workingDay: day.working,
        holidayName: day.holidayName,
        rollCall,
        arrears: overdue && {
          bills: overdue.lines.length,
          households: new Set(overdue.lines.map((l) => overdue.billsById.get(l.billId)!.householdId)).size,
          total: yuan(overdue.lines.reduce((a, l) => a + l.outstandingFen, 0)),
        },
        payouts: payouts && { households: payouts.households, total: yuan(payouts.totalFen) },
        corrections: parts.has('corrections') ? correctionsDue(ctx.db) : null,
        unsettled,
        followUps: followUps && { overdue: followUps.overdue.length, dueToday: followUps.dueToday.length },
        complaints: complaints && { open: complaints.length, overdue: complaints.filter((c) => c.dueOn !== null && c.dueOn < today).length },
        calendarMissingYears: calendar?.missingSoon ?? null,
      };
    },
  }),
};

/** Another area's read handler, run on this call's connection; they are synchronous, so nothing here awaits. */
function borrow<O>(result: O | Promise<O>): O {
  if (result instanceof Promise) throw new Error('home.today borrows synchronous handlers only');
  return result;
}
