/** The enrolment facts of a child that decide on which days attendance may be taken. */
export interface EnrollmentFacts {
  enrolledOn: string;
  /** enrolled | suspended | withdrawn | graduated */
  status: string;
  /** First day of the current status (the first day away for suspended/withdrawn/graduated). */
  statusSince: string | null;
}

const LEFT_LABELS: Record<string, string> = { suspended: '休学', withdrawn: '退园', graduated: '毕业' };

/** Null when the child is enrolled on `date`, otherwise the reason in Chinese. */
export function notEnrolledReason(child: EnrollmentFacts, date: string): string | null {
  if (date < child.enrolledOn) return `${date} 时尚未入园（入园日期 ${child.enrolledOn}）`;
  if (child.status !== 'enrolled') {
    const since = child.statusSince ?? child.enrolledOn;
    if (date >= since) return `自 ${since} 起已${LEFT_LABELS[child.status] ?? '离园'}`;
  }
  return null;
}

/** Exactly when notEnrolledReason is null, without building the sentence (summaries ask this for every child and day). */
export function isEnrolledOn(child: EnrollmentFacts, date: string): boolean {
  if (date < child.enrolledOn) return false;
  return child.status === 'enrolled' || date < (child.statusSince ?? child.enrolledOn);
}
