import { calendarHandlers } from './calendar';
import { closureHandlers } from './closures';
import { correctionHandlers } from './corrections';
import { leaveHandlers } from './leave';
import { rollCallHandlers } from './roll-call';
import { summaryHandlers } from './summary';

/**
 * Attendance: roll call, leave, corrections, closures, the monthly summary and
 * sheet, the legal calendar's staff-entered years. The settlement flags
 * (settled months, corrections after them) belong to electron/api/settlement/. What other areas need (the
 * legal calendar, month summaries) is in electron/services/.
 */
export const attendanceHandlers = {
  ...rollCallHandlers,
  ...leaveHandlers,
  ...correctionHandlers,
  ...summaryHandlers,
  ...closureHandlers,
  ...calendarHandlers,
};
