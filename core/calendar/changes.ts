import type { Refusal } from '../refusal';

/**
 * A year's legal calendar is frozen once anything was counted with it: a
 * settled month took its W, a roll call took its working days. Staff may
 * correct a year only before that, and remove one they entered only while
 * nothing uses it.
 */

/** Refused when the year has settled months, or when a day that would become a holiday already has a roll call. */
export function calendarYearChangeRefusal(year: number, settledMonths: readonly string[], holidaysWithAttendance: readonly string[]): Refusal | null {
  if (settledMonths.length > 0) {
    return {
      zh: `${year} 年已有已结算的月份（${settledMonths.join('、')}），其法定日历不能再修改。`,
      en: `${year} has settled months; its calendar can no longer change.`,
    };
  }
  if (holidaysWithAttendance.length > 0) {
    return {
      zh: `${holidaysWithAttendance.join('、')} 已有考勤记录，不能设为节假日。请先核对日期。`,
      en: `${holidaysWithAttendance.join(', ')} already have attendance and cannot become holidays.`,
    };
  }
  return null;
}

/** What was counted with one year's calendar. */
export interface CalendarYearUse {
  records: number;
  closures: number;
  settled: number;
}

/** Refused when the year has attendance, closures or settled months: they were counted with this calendar. */
export function calendarYearRemovalRefusal(year: number, use: CalendarYearUse): Refusal | null {
  if (use.records + use.closures + use.settled === 0) return null;
  return {
    zh: `${year} 年已有考勤记录、停课登记或已结算的月份，这些都按这份日历计算过，不能删除。如有错误，请改正后重新保存这一年。`,
    en: `${year} already has attendance, closures or settled months counted with this calendar; correct it and save the year again instead.`,
  };
}
