// Turns a case into a checked refund context: the policy and rule set in
// force, the refund period with its W and days, and the parsed amounts.
// Every refusal names the value and says what would be acceptable.
import { type LegalCalendar, monthSpan, monthsBetween } from '../calendar';
import { daysInMonth, parseMonth } from '../calendar/dates';
import { amountProblem, Decimal, formatPercent, parseAmount, parseRate } from '../money';
import { BUILTIN_POLICY_IDS, getBuiltinPolicy } from '../policies/builtin';
import { FEE_ITEMS, type FeeItem, type ItemRules, type Policy, REASONS, type Reason, type Tier } from '../policies/schema';
import { inputError } from './errors';
import { type RefundMode, refundMode } from './mode';
import type { RefundCase } from './types';


export interface PaidFee {
  item: FeeItem;
  rules: ItemRules;
  paid: Decimal;
  dailyRate: Decimal | null;
}

export interface RefundContext {
  policy: Policy;
  month: string;
  reason: Reason;
  mode: RefundMode;
  /** Days present in the refund period. */
  d: number;
  /** Legal working days of the refund period. */
  W: number;
  closureDays: number;
  agreedRate: Decimal | null;
  fees: PaidFee[];
  /** Semester billing: months of the semester, and of them the ones after `month`. */
  semesterMonths: readonly string[];
  laterMonths: readonly string[];
}

export type PolicyLookup = (id: string) => Policy | undefined;

/** Two semesters make a school year, so one spans at most six months; more is a typing error. */
const MAX_SEMESTER_MONTHS = 6;

function resolvePolicy(ref: RefundCase['policy'], lookup: PolicyLookup): Policy {
  if (typeof ref !== 'string') return ref;
  const policy = lookup(ref) ?? getBuiltinPolicy(ref);
  if (!policy) {
    inputError(
      'unknown_policy',
      `unknown policy "${ref}" (built-in policies: ${BUILTIN_POLICY_IDS.join(', ')})`,
      `未知的收费政策“${ref}”。`,
    );
  }
  return policy;
}

function checkMonth(text: string, field: string): string {
  if (typeof text !== 'string' || !parseMonth(text)) {
    inputError('bad_month', `${field} "${text}" is not a month (expected YYYY-MM)`, `月份“${text}”格式有误，应为“年-月”如 2026-09。`);
  }
  return text;
}

function checkSemester(input: RefundCase): readonly string[] {
  const semester = input.semester;
  if (input.billing !== 'semester') {
    if (semester) {
      checkMonth(semester.first, 'semester.first');
      checkMonth(semester.last, 'semester.last');
    }
    return [];
  }
  if (!semester) {
    inputError(
      'semester_missing',
      'billing "semester" requires "semester": {"first": "YYYY-MM", "last": "YYYY-MM"}',
      '按学期缴费的，须填写学期的起止月份。',
    );
  }
  const first = checkMonth(semester.first, 'semester.first');
  const last = checkMonth(semester.last, 'semester.last');
  const span = monthSpan(first, last);
  if (span < 1) {
    inputError('bad_semester', `semester ends (${last}) before it starts (${first})`, `学期结束月份 ${last} 早于开始月份 ${first}。`);
  }
  if (span > MAX_SEMESTER_MONTHS) {
    inputError(
      'bad_semester',
      `semester ${first}..${last} spans ${span} months; a semester has at most ${MAX_SEMESTER_MONTHS}`,
      `学期 ${first} 至 ${last} 跨 ${span} 个月，超过一个学期的长度，请核对。`,
    );
  }
  if (monthSpan(first, input.month) < 1 || monthSpan(input.month, last) < 1) {
    inputError(
      'month_outside_semester',
      `month ${input.month} is outside the semester ${first}..${last}`,
      `退费月份 ${input.month} 不在学期 ${first} 至 ${last} 之内。`,
    );
  }
  return monthsBetween(first, last);
}

function parseMoney(text: string, field: string): Decimal {
  const problem = amountProblem(text);
  if (problem === 'negative') inputError('negative_amount', `${field}: negative amount "${text}"`, `金额不能为负数（${text}）。`, field);
  if (problem === 'too_many_decimals') {
    inputError('bad_amount', `${field}: "${text}" has more than two decimals (amounts are in fen)`, `金额“${text}”最多保留两位小数（到分）。`, field);
  }
  if (problem) {
    inputError('bad_amount', `${field}: "${text}" is not an amount (expected a decimal string like "520.00")`, `金额“${text}”不是有效数字。`, field);
  }
  return parseAmount(text);
}

function checkFees(input: RefundCase, items: Partial<Record<FeeItem, ItemRules>>, policy: Policy): PaidFee[] {
  if (!Array.isArray(input.fees) || input.fees.length === 0) {
    inputError('no_fees', 'fees: at least one fee item is required', '至少需要一项收费。');
  }
  const seen = new Set<string>();
  return input.fees.map((fee, i) => {
    if (!(FEE_ITEMS as readonly string[]).includes(fee.item)) {
      inputError(
        'unknown_fee_item',
        `fees[${i}].item: unknown fee item "${fee.item}" (expected one of ${FEE_ITEMS.join(', ')})`,
        `未知的收费项目“${fee.item}”。`,
      );
    }
    const rules = items[fee.item];
    if (!rules) {
      inputError(
        'unknown_fee_item',
        `fees[${i}].item: policy ${policy.id} has no refund rule for "${fee.item}"`,
        `收费政策“${policy.name}”中没有“${fee.item}”的退费规定。`,
      );
    }
    if (seen.has(fee.item)) {
      inputError('duplicate_fee_item', `fees[${i}].item: "${fee.item}" is listed twice`, `收费项目“${rules.label}”重复填写。`);
    }
    seen.add(fee.item);
    const dailyRate = fee.dailyRate == null ? null : parseMoney(fee.dailyRate, `fees[${i}].dailyRate`);
    return { item: fee.item, rules, paid: parseMoney(fee.paid, `fees[${i}].paid`), dailyRate };
  });
}

function checkDays(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    inputError('bad_days', `${field} must be a whole number of days ≥ 0, got ${JSON.stringify(value)}`, `天数应为不小于 0 的整数（${field}）。`);
  }
  return value;
}

/** The days fields for the mode: presentDays for a month, semesterPresentDays for the whole semester. */
function checkPresence(input: RefundCase, mode: RefundMode, policy: Policy): number {
  const hasMonth = input.presentDays != null;
  const hasSemester = input.semesterPresentDays != null;
  if (hasMonth && hasSemester) {
    inputError('bad_days', 'give presentDays or semesterPresentDays, not both', '“当月在园天数”和“学期在园天数”只能填写一项。');
  }
  if (mode === 'wholeSemester') {
    if (!hasSemester) {
      inputError(
        'semester_days_missing',
        `policy ${policy.id} refunds semester payers once for the semester (${policy.semester.clause}): give semesterPresentDays`,
        `该收费文件按学期一次计算退费（${policy.semester.clause}），请填写本学期在园天数。`,
      );
    }
    return checkDays(input.semesterPresentDays, 'semesterPresentDays');
  }
  if (!hasMonth) {
    const why = hasSemester ? ` (semesterPresentDays is only for whole-semester refunds, not ${input.billing} billing under ${policy.id})` : '';
    inputError('present_days_missing', `presentDays is required${why}`, '请填写当月在园天数。');
  }
  return checkDays(input.presentDays, 'presentDays');
}

function checkOverride(input: RefundCase, months: readonly string[]): number | null {
  const W = input.legalWorkingDays;
  if (W == null) return null;
  const calendarDays = months.reduce((sum, m) => {
    const ym = parseMonth(m);
    return ym ? sum + daysInMonth(ym.year, ym.month) : sum;
  }, 0);
  if (typeof W !== 'number' || !Number.isInteger(W) || W < 1 || W > calendarDays) {
    inputError(
      'bad_legal_working_days',
      `legalWorkingDays must be a whole number from 1 to ${calendarDays}, got ${JSON.stringify(W)}`,
      `法定工作日天数应为 1 至 ${calendarDays} 之间的整数。`,
    );
  }
  return W;
}

function periodName(months: readonly string[]): string {
  return months.length === 1 ? (months[0] as string) : `${months[0]}..${months[months.length - 1]}`;
}

/** W of the period and the most days that can have been present in it so far. */
function legalDays(
  input: RefundCase,
  mode: RefundMode,
  semesterMonths: readonly string[],
  calendar: LegalCalendar,
): { W: number; presentLimit: number; limitPeriod: string } {
  const periodMonths = mode === 'wholeSemester' ? semesterMonths : [input.month];
  // The contract: legalWorkingDays "overrides the calendar's W for month" — for
  // whole-semester refunds too, where W is then the semester's sum with this
  // month's W replaced; the other months still come from the calendar.
  const override = checkOverride(input, [input.month]);
  const perMonth = periodMonths.map((m) => (m === input.month && override !== null ? override : calendar.legalWorkingDays(m)));
  const W = perMonth.reduce((a, b) => a + b, 0);
  if (mode !== 'wholeSemester') return { W, presentLimit: W, limitPeriod: input.month };
  // Days present "up to and including month" cannot exceed W of those months.
  const upTo = semesterMonths.indexOf(input.month) + 1;
  const soFar = semesterMonths.slice(0, upTo);
  return { W, presentLimit: perMonth.slice(0, upTo).reduce((a, b) => a + b, 0), limitPeriod: periodName(soFar) };
}

/** Negotiable tiers among the rules this case uses, e.g. XA-K2 for leave. */
function negotiableTiers(policy: Policy, fees: PaidFee[], reason: Reason): Array<{ tier: Tier; clause: string }> {
  const found: Array<{ tier: Tier; clause: string }> = [];
  for (const fee of fees) {
    const rule = policy.rules[fee.rules[reason]];
    if (rule?.kind !== 'tiers') continue;
    for (const tier of rule.tiers) if (tier.negotiable) found.push({ tier, clause: rule.clause });
  }
  return found;
}

function checkAgreedRate(input: RefundCase, policy: Policy, fees: PaidFee[]): Decimal | null {
  if (input.agreedRate == null) return null;
  const rate = typeof input.agreedRate === 'string' ? parseRate(input.agreedRate) : null;
  if (!rate) {
    inputError('bad_agreed_rate', `agreedRate "${input.agreedRate}" is not a rate between 0 and 1 (like "0.4")`, `约定退费比例“${input.agreedRate}”应为 0 到 1 之间的小数。`);
  }
  const tiers = negotiableTiers(policy, fees, input.reason);
  if (tiers.length === 0) {
    const clauses = [...new Set(fees.map((f) => policy.rules[f.rules[input.reason]]?.clause))].join(', ');
    inputError(
      'agreed_rate_not_allowed',
      `agreedRate is not allowed: ${clauses} of ${policy.id} lets no rate be negotiated for reason "${input.reason}"`,
      `本情形适用的条款（${clauses}）不允许园方与家长协商退费比例。`,
    );
  }
  for (const { tier, clause } of tiers) {
    if (rate.greaterThan(tier.rate)) {
      inputError(
        'agreed_rate_too_high',
        `agreedRate ${input.agreedRate} exceeds the ${formatPercent(new Decimal(tier.rate))} maximum of ${clause}`,
        `约定退费比例 ${formatPercent(rate)} 超过${clause}规定的上限 ${formatPercent(new Decimal(tier.rate))}。`,
      );
    }
  }
  return rate;
}

export function buildContext(input: RefundCase, calendar: LegalCalendar, lookup: PolicyLookup): RefundContext {
  const policy = resolvePolicy(input.policy, lookup);
  const month = checkMonth(input.month, 'month');
  if (input.billing !== 'monthly' && input.billing !== 'semester') {
    inputError('bad_billing', `billing must be "monthly" or "semester", got ${JSON.stringify(input.billing)}`, '缴费方式应为按月或按学期。');
  }
  if (!(REASONS as readonly string[]).includes(input.reason)) {
    inputError('bad_reason', `reason must be one of ${REASONS.join(', ')}, got ${JSON.stringify(input.reason)}`, '退费原因无效。');
  }
  const semesterMonths = checkSemester(input);
  const mode = refundMode(input.billing, policy);
  const items = policy.semester.mode === 'wholeSemester' && mode === 'wholeSemester' ? policy.semester.items : policy.monthly.items;
  const fees = checkFees(input, items, policy);
  const d = checkPresence(input, mode, policy);
  const closureDays = input.closureDays == null ? 0 : checkDays(input.closureDays, 'closureDays');
  const agreedRate = checkAgreedRate(input, policy, fees);
  const { W, presentLimit, limitPeriod } = legalDays(input, mode, semesterMonths, calendar);

  const inSemester = mode === 'wholeSemester' ? ' in the semester' : '';
  if (d > presentLimit) {
    inputError(
      'present_days_exceed_w',
      `${d} days present${inSemester} exceeds the ${presentLimit} legal working days of ${limitPeriod}`,
      `在园天数 ${d} 天超过了 ${limitPeriod} 的法定工作日 ${presentLimit} 天，请核对考勤。`,
    );
  }
  if (closureDays > W) {
    inputError(
      'closure_days_exceed_w',
      `${closureDays} closure days exceeds the ${W} legal working days of ${periodName(mode === 'wholeSemester' ? semesterMonths : [month])}`,
      `停课天数 ${closureDays} 天超过了法定工作日 ${W} 天。`,
    );
  }
  if (d + closureDays > W) {
    inputError(
      'days_exceed_w',
      `${d} days present plus ${closureDays} closure days exceeds the ${W} legal working days of ${periodName(mode === 'wholeSemester' ? semesterMonths : [month])}`,
      `在园天数 ${d} 天与停课天数 ${closureDays} 天之和超过了法定工作日 ${W} 天。`,
    );
  }
  const index = semesterMonths.indexOf(month);
  return {
    policy,
    month,
    reason: input.reason,
    mode,
    d,
    W,
    closureDays,
    agreedRate,
    fees,
    semesterMonths,
    laterMonths: index < 0 ? [] : semesterMonths.slice(index + 1),
  };
}
