import { calendarHandlers } from './calendar';
import { closureHandlers } from './closures';
import { correctionHandlers } from './corrections';
import { leaveHandlers } from './leave';
import { rollCallHandlers } from './roll-call';
import { settlementFlagHandlers } from './settlement-flags';
import { summaryHandlers } from './summary';

/**
 * Attendance: roll call, leave, corrections, closures, the monthly summary and
 * sheet, the legal calendar's staff-entered years. What other areas need (the
 * legal calendar, month summaries) is in electron/services/.
 */
export const attendanceHandlers = {
  ...rollCallHandlers,
  ...leaveHandlers,
  ...correctionHandlers,
  ...summaryHandlers,
  ...closureHandlers,
  ...calendarHandlers,
  ...settlementFlagHandlers,
};
