export interface Violation {
  clause: string;
  /** error: the charge must not be made; warning: needs a look (e.g. an unclear fee name). */
  severity: 'error' | 'warning';
  code: string;
  messageZh: string;
  /** The limit and the value checked, as strings, when the rule is a number. */
  limit?: string;
  actual?: string;
}
