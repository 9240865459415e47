/**
 * The date rules of a child's record, each reported at the field that is
 * wrong: a birth date in the future is the birth date's problem, so the
 * enrolment date is only compared with a birth date that can be true.
 */
export type ChildDateField = 'birthDate' | 'enrolledOn' | 'custodyAgreedOn' | 'busAgreedOn';

export interface ChildDateProblem {
  field: ChildDateField;
  message: string;
  messageEn: string;
}

export interface ChildDates {
  birthDate: string | null;
  enrolledOn: string | null;
  custodyAgreedOn?: string | null;
  busAgreedOn?: string | null;
}

export function childDateProblems(d: ChildDates, today: string): ChildDateProblem[] {
  const problems: ChildDateProblem[] = [];
  const birthPossible = d.birthDate !== null && d.birthDate <= today;
  if (d.birthDate && !birthPossible) {
    problems.push({ field: 'birthDate', message: `出生日期 ${d.birthDate} 晚于今天（${today}），请核对`, messageEn: `The birth date ${d.birthDate} is after today (${today})` });
  }
  if (birthPossible && d.enrolledOn && d.enrolledOn < d.birthDate!) {
    problems.push({ field: 'enrolledOn', message: `入园日期 ${d.enrolledOn} 早于出生日期 ${d.birthDate}`, messageEn: `The enrolment date ${d.enrolledOn} is before the birth date ${d.birthDate}` });
  }
  if (d.custodyAgreedOn && d.custodyAgreedOn > today) {
    problems.push({ field: 'custodyAgreedOn', message: '托管协议签订日期不能晚于今天', messageEn: 'The custody agreement date is in the future' });
  }
  if (d.busAgreedOn && d.busAgreedOn > today) {
    problems.push({ field: 'busAgreedOn', message: '校车协议签订日期不能晚于今天', messageEn: 'The bus agreement date is in the future' });
  }
  return problems;
}
