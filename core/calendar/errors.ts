/**
 * The legal calendar of `year` is not known (not in the bundled chinese-days
 * data and not entered by staff). Never fall back to plain Monday-Friday:
 * the State Council's make-up working days would be missed.
 */
export class CalendarMissingError extends Error {
  override readonly name = 'CalendarMissingError';
  readonly code = 'calendar_missing';
  /** For the front desk. */
  readonly messageZh: string;

  constructor(readonly year: number) {
    super(
      `no legal calendar for ${year}: import or enter the ${year} holiday calendar, or give legalWorkingDays for the month`,
    );
    this.messageZh = `系统中还没有 ${year} 年的法定节假日安排（国务院办公厅每年年底公布），无法确定当月的法定工作日天数。请先在“设置 → 法定日历”中导入或录入 ${year} 年的放假与调休安排，或手工填写本月法定工作日天数。`;
  }
}

/** A user-entered or imported year calendar that cannot be used as it is. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  readonly code = 'calendar_invalid';

  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}
