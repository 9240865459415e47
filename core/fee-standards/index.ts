// Fee standards (收费标准) against the notice: the checks (violations with clause ids), the self-check, and NT-3.7 reductions.
export {
  checkBillPeriod,
  checkCustodyFee,
  checkEarlyCareSurcharge,
  checkEducationFee,
  checkFeeKind,
  checkFeeName,
  checkFeeRaise,
  checkRaiseForNewPupils,
  checkSchoolBusFee,
  checkVacationDayRate,
} from './checks';
export { applyReduction, type ReductionResult, reductionCategories } from './reductions';
export { type KindergartenStanding, type PlannedStandards, selfCheck } from './self-check';
export type { Violation } from './violations';
