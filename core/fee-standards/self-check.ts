import type { Policy } from '../policies/schema';
import { checkCustodyFee, checkEarlyCareSurcharge, checkEducationFee, checkFeeName, checkVacationDayRate } from './checks';
import type { Violation } from './violations';

/** What the desk plans to charge; an empty amount ('') means "not charged", so its check does not apply. */
export interface PlannedStandards {
  educationFee: string;
  earlyCareFee: string;
  custodyFee: string;
  custodyAgreement: boolean;
  normalDailyRate: string;
  vacationDailyRate: string;
  otherFees: readonly string[];
}

/** The kindergarten's facts the notice's benchmark depends on (NT-1.1). */
export interface KindergartenStanding {
  grade: string | null;
  fundingType: string | null;
}

/**
 * 收费标准自查: which checks apply to what was entered, and what they find.
 * Each check runs only when its amounts are given; `checked` names them for
 * the screen, in the order they ran.
 */
export function selfCheck(policy: Policy, standing: KindergartenStanding, planned: PlannedStandards): { checked: string[]; violations: Violation[] } {
  const violations: Violation[] = [];
  const checked: string[] = [];
  // NT-1.1 floats apply to public kindergartens (and inclusive private ones managed like them).
  if (planned.educationFee && standing.grade && standing.fundingType) {
    violations.push(...checkEducationFee(policy, { grade: standing.grade, funding: standing.fundingType, monthlyFee: planned.educationFee }));
    checked.push('保教费标准');
  }
  if (planned.educationFee && planned.earlyCareFee) {
    violations.push(...checkEarlyCareSurcharge(policy, { normalFee: planned.educationFee, chargedFee: planned.earlyCareFee }));
    checked.push('托班（3岁以下）保教费');
  }
  if (planned.custodyFee) {
    violations.push(...checkCustodyFee(policy, { monthlyFee: planned.custodyFee, agreementSigned: planned.custodyAgreement }));
    checked.push('托管费');
  }
  if (planned.normalDailyRate && planned.vacationDailyRate) {
    violations.push(...checkVacationDayRate(policy, { normalDailyRate: planned.normalDailyRate, vacationDailyRate: planned.vacationDailyRate }));
    checked.push('寒暑假托管日收费');
  }
  for (const name of planned.otherFees) violations.push(...checkFeeName(policy, name));
  if (planned.otherFees.length > 0) checked.push('其他收费项目');
  return { checked, violations };
}
