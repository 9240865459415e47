// Charging checks (violations with clause ids) and NT-3.7 reductions.
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
