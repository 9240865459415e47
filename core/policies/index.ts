// Fee policies as data: built-in notices, their validator, and kindergarten copies.
export { BUILTIN_POLICY_IDS, builtinPolicies, getBuiltinPolicy } from './builtin';
export {
  FEE_ITEMS,
  type FeeItem,
  type ItemRules,
  type Policy,
  policySchema,
  REASONS,
  type Reason,
  type Rule,
  type Tier,
  type TierBound,
  type TiersRule,
} from './schema';
export { PolicyValidationError, validatePolicy } from './validate';
export { derivePolicy, type PolicyChanges, type PolicyDifference, policyDifferences } from './derive';
export { schoolWithdrawalRefund, termMonthsElapsed } from './time-tiers';
