// Semantic checks on a policy file. Every problem is reported with where it is,
// so whoever transcribes a new notice (or edits a kindergarten's copy) can fix
// the file without reading the engine.
import type { z } from 'zod';
import { Decimal, parseRate } from '../money';
import { type ItemRules, type Policy, policySchema, REASONS, type Tier, type TierBound, type TiersRule } from './schema';
import { parseFraction } from './tiers';

export class PolicyValidationError extends Error {
  override readonly name = 'PolicyValidationError';
  readonly code = 'policy_invalid';
  readonly messageZh: string;

  constructor(
    readonly policyId: string,
    readonly problems: readonly string[],
  ) {
    super(`policy "${policyId}" is invalid: ${problems.join('; ')}`);
    this.messageZh = `收费政策“${policyId}”的数据有误：${problems.join('；')}`;
  }
}

const isDecimal = (text: string) => /^\d+(\.\d+)?$/.test(text);

function boundText(bound: TierBound): string {
  return 'count' in bound ? String(bound.count) : `${bound.fractionOfW} of W`;
}

function rateProblem(text: string): string | null {
  if (parseRate(text) !== null) return null;
  if (/^-/.test(text)) return `rate ${text} is below 0`;
  if (isDecimal(text)) return `rate ${text} is above 1`;
  return `rate "${text}" is not a decimal number`;
}

function checkBound(bound: TierBound | null, where: string, problems: string[]): void {
  if (bound && 'fractionOfW' in bound) {
    const fraction = parseFraction(bound.fractionOfW);
    if (!fraction) problems.push(`${where}: fraction "${bound.fractionOfW}" is not like "1/2" or "0.5"`);
    else if (fraction.greaterThan(1)) problems.push(`${where}: fraction ${bound.fractionOfW} of W is above 1`);
  }
}

/** Adjacent tiers must meet exactly: the same bound, inclusive on exactly one side. */
function checkJoin(prev: Tier, next: Tier, where: string, problems: string[]): void {
  const end = prev.to;
  const start = next.from;
  if (!end || !start) {
    problems.push(`${where}: only the first tier may start unbounded and only the last may end unbounded (overlapping tiers)`);
    return;
  }
  const sameUnit = 'count' in end === 'count' in start;
  if (!sameUnit) {
    problems.push(`${where}: tier ends at ${boundText(end)} but the next starts at ${boundText(start)} (gap or overlap)`);
    return;
  }
  const a = 'count' in end ? new Decimal(end.count) : parseFraction(end.fractionOfW);
  const b = 'count' in start ? new Decimal(start.count) : parseFraction(start.fractionOfW);
  if (!a || !b) return;
  if (b.greaterThan(a)) problems.push(`${where}: gap between ${boundText(end)} and ${boundText(start)}`);
  else if (b.lessThan(a)) problems.push(`${where}: tiers overlap between ${boundText(start)} and ${boundText(end)}`);
  else if (end.inclusive && start.inclusive) problems.push(`${where}: tiers overlap at ${boundText(end)} (both inclusive)`);
  else if (!end.inclusive && !start.inclusive) problems.push(`${where}: gap at ${boundText(end)} (both exclusive)`);
}

function checkTiers(id: string, rule: TiersRule, problems: string[]): void {
  const where = `rule ${id} (${rule.clause})`;
  const first = rule.tiers[0];
  const last = rule.tiers[rule.tiers.length - 1];
  if (first?.from && !('count' in first.from && first.from.count === 0 && first.from.inclusive)) {
    problems.push(`${where}: the first tier starts at ${boundText(first.from)}, leaving a gap below it (start at 0 inclusive)`);
  }
  if (last?.to) problems.push(`${where}: the last tier ends at ${boundText(last.to)}, leaving a gap above it (end unbounded)`);
  let previousRate: Decimal | null = null;
  rule.tiers.forEach((tier, i) => {
    const at = `${where} tier ${i + 1}`;
    checkBound(tier.from, at, problems);
    checkBound(tier.to, at, problems);
    const problem = rateProblem(tier.rate);
    if (problem) problems.push(`${at}: ${problem}`);
    if (tier.defaultRate !== undefined) {
      const defaultProblem = rateProblem(tier.defaultRate);
      if (defaultProblem) problems.push(`${at}: default ${defaultProblem}`);
      else if (!tier.negotiable) problems.push(`${at}: defaultRate is only meaningful on a negotiable tier`);
      else if (!problem && new Decimal(tier.defaultRate).greaterThan(tier.rate))
        problems.push(`${at}: defaultRate ${tier.defaultRate} is above the maximum rate ${tier.rate}`);
    }
    if (tier.from && tier.to && 'count' in tier.from && 'count' in tier.to) {
      const empty =
        tier.from.count > tier.to.count ||
        (tier.from.count === tier.to.count && !(tier.from.inclusive && tier.to.inclusive));
      if (empty) problems.push(`${at}: empty tier (from ${tier.from.count} to ${tier.to.count})`);
    }
    const next = rule.tiers[i + 1];
    if (next) checkJoin(tier, next, `${where} tiers ${i + 1}-${i + 2}`, problems);
    if (!problem) {
      const rate = new Decimal(tier.rate);
      if (previousRate?.lessThan(rate)) {
        problems.push(`${at}: rate ${tier.rate} is above the previous tier's ${previousRate.toString()} (refunds must not grow with the measure)`);
      }
      previousRate = rate;
    }
  });
}

function checkItems(policy: Policy, items: Partial<Record<string, ItemRules>>, where: string, problems: string[]): void {
  const entries = Object.entries(items);
  if (entries.length === 0) problems.push(`${where}: no fee items`);
  for (const [item, rules] of entries) {
    if (!rules) continue;
    for (const reason of REASONS) {
      const ref = rules[reason];
      const rule = policy.rules[ref];
      if (!rule) problems.push(`${where}.${item}.${reason}: unknown rule "${ref}"`);
      else if (rule.kind === 'closureProRata') problems.push(`${where}.${item}.${reason}: rule "${ref}" is a closure rule`);
      else if (rule.kind === 'tiers' && rule.measure !== 'daysPresent')
        problems.push(`${where}.${item}.${reason}: rule "${ref}" measures ${rule.measure}, not days present`);
    }
    if (rules.closure !== undefined) {
      const rule = policy.rules[rules.closure];
      if (!rule) problems.push(`${where}.${item}.closure: unknown rule "${rules.closure}"`);
      else if (rule.kind !== 'closureProRata') problems.push(`${where}.${item}.closure: rule "${rules.closure}" is not a closureProRata rule`);
    }
  }
}

function collectClauseRefs(policy: Policy): Array<[string, string]> {
  const refs: Array<[string, string]> = Object.entries(policy.rules).map(([id, rule]) => [`rule ${id}`, rule.clause]);
  refs.push(['semester', policy.semester.clause]);
  for (const [key, value] of Object.entries(policy.feeStandards ?? {})) {
    if (value) refs.push([`feeStandards.${key}`, value.clause]);
  }
  if (policy.reductions) refs.push(['reductions', policy.reductions.clause]);
  return refs;
}

function checkDecimals(policy: Policy, problems: string[]): void {
  const standards = policy.feeStandards;
  const amounts: Array<[string, string]> = [];
  for (const [grade, g] of Object.entries(standards?.benchmark?.grades ?? {})) amounts.push([`benchmark grade ${grade}`, g.monthlyFee]);
  if (standards?.earlyCare) amounts.push(['earlyCare.maxMonthlySurcharge', standards.earlyCare.maxMonthlySurcharge]);
  if (standards?.custody) amounts.push(['custody.max', standards.custody.max]);
  for (const [where, text] of amounts) if (!isDecimal(text)) problems.push(`${where}: "${text}" is not an amount`);
  const rates: Array<[string, string]> = [];
  for (const [kind, f] of Object.entries(standards?.benchmark?.fundingFloats ?? {})) rates.push([`benchmark float ${kind}`, f.maxFloat]);
  if (standards?.vacationDayRate) rates.push(['vacationDayRate.maxIncrease', standards.vacationDayRate.maxIncrease]);
  if (standards?.raise) rates.push(['raise.maxIncrease', standards.raise.maxIncrease]);
  for (const [category, c] of Object.entries(policy.reductions?.categories ?? {})) rates.push([`reduction ${category}`, c.rate]);
  for (const [where, text] of rates) {
    const problem = rateProblem(text);
    if (problem) problems.push(`${where}: ${problem}`);
  }
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Parses and checks a policy; throws PolicyValidationError listing every problem found. */
export function validatePolicy(raw: unknown): Policy {
  const parsed = policySchema.safeParse(raw);
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(no id)';
  if (!parsed.success) throw new PolicyValidationError(id, zodProblems(parsed.error));
  const policy = parsed.data;
  const problems: string[] = [];

  const titled = new Map<string, string>();
  for (const [clauseId, clause] of Object.entries(policy.clauses)) {
    if (!clause.text.trim()) problems.push(`clause ${clauseId} has no text`);
    if (!clause.cite.trim()) problems.push(`clause ${clauseId} has no citation`);
    const title = clause.title.trim();
    if (!title) problems.push(`clause ${clauseId} has no title`);
    else if (titled.has(title)) problems.push(`clauses ${titled.get(title)} and ${clauseId} have the same title "${title}"`);
    else titled.set(title, clauseId);
  }
  for (const [where, clause] of collectClauseRefs(policy)) {
    if (!policy.clauses[clause]) problems.push(`${where} refers to unknown clause ${clause}`);
  }
  for (const [id, rule] of Object.entries(policy.rules)) {
    if (rule.kind === 'tiers') checkTiers(id, rule, problems);
  }
  checkItems(policy, policy.monthly.items, 'monthly.items', problems);
  if (policy.semester.mode === 'wholeSemester') checkItems(policy, policy.semester.items, 'semester.items', problems);
  if (policy.schoolWithdrawal !== undefined) {
    const rule = policy.rules[policy.schoolWithdrawal];
    if (!rule) problems.push(`schoolWithdrawal: unknown rule "${policy.schoolWithdrawal}"`);
    else if (rule.kind !== 'tiers' || rule.measure !== 'termMonthsElapsed')
      problems.push(`schoolWithdrawal: rule "${policy.schoolWithdrawal}" must be tiers on termMonthsElapsed`);
  }
  checkDecimals(policy, problems);

  if (problems.length > 0) throw new PolicyValidationError(policy.id, problems);
  return policy;
}
