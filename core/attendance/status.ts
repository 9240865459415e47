/** What the roll call records for a child on a legal working day. */
export const ATTENDANCE_STATUSES = ['present', 'sick', 'personal', 'other'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** The reasons for being away, in the order the roll call offers them (keys 2, 3, 4). */
export const ABSENCE_REASONS = ['sick', 'personal', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const STATUS_LABELS: Record<AttendanceStatus, { zh: string; en: string; short: string }> = {
  present: { zh: '出勤', en: 'Present', short: '√' },
  sick: { zh: '病假', en: 'Sick', short: '病' },
  personal: { zh: '事假', en: 'Personal', short: '事' },
  other: { zh: '其他', en: 'Other', short: '他' },
};

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

export const CLOSURE_KINDS = ['suspension', 'own_holiday'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const CLOSURE_LABELS: Record<ClosureKind, { zh: string; en: string }> = {
  suspension: { zh: '停课', en: 'Suspension' },
  own_holiday: { zh: '园内假期', en: 'Own holiday' },
};
