import { addDays } from '../calendar/dates';
import type { AbsenceReason } from './status';

/**
 * Leave as the desk thinks of it: "王小明 病假 11月23日～27日", not five
 * separate child-days. Stored absences of one child with the same reason and
 * note form one stretch while no working day between them lacks the record
 * (weekends and holidays in between do not split it).
 */
export interface LeaveDay {
  childId: number;
  date: string;
  status: AbsenceReason;
  note: string;
}

export interface LeaveStretch {
  childId: number;
  firstDate: string;
  lastDate: string;
  status: AbsenceReason;
  note: string;
  days: string[];
}

export function leaveStretches(days: readonly LeaveDay[], isWorkingDay: (date: string) => boolean): LeaveStretch[] {
  const sorted = [...days].sort((a, b) => a.childId - b.childId || a.date.localeCompare(b.date));
  const out: LeaveStretch[] = [];
  for (const day of sorted) {
    const last = out.at(-1);
    if (last && last.childId === day.childId && last.status === day.status && last.note === day.note && onlyDaysOff(last.lastDate, day.date, isWorkingDay)) {
      last.lastDate = day.date;
      last.days.push(day.date);
    } else {
      out.push({ childId: day.childId, firstDate: day.date, lastDate: day.date, status: day.status, note: day.note, days: [day.date] });
    }
  }
  return out.sort((a, b) => a.firstDate.localeCompare(b.firstDate) || a.childId - b.childId);
}

/** True when every day strictly between `from` and `to` is not a working day. */
function onlyDaysOff(from: string, to: string, isWorkingDay: (date: string) => boolean): boolean {
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (isWorkingDay(d)) return false;
  return true;
}
