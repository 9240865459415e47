// Charging checks: each reads its limits from the policy's data and returns
// violations with the clause id (none when the policy has no such rule).
// Amounts are decimal strings, as everywhere at the boundary of core.
import { monthSpan } from '../calendar/dates';
import { Decimal, formatAmount, formatPercent, parseAmount } from '../money';
import { getBuiltinPolicy } from '../policies/builtin';
import type { Policy } from '../policies/schema';
import type { Violation } from './violations';

const ONE = new Decimal(1);

/** NT-1.1: a public kindergarten's monthly education fee against benchmark x (1 + float of its funding type). */
export function checkEducationFee(
  policy: Policy,
  args: { grade: string; funding: string; monthlyFee: string },
): Violation[] {
  const rule = policy.feeStandards?.benchmark;
  if (!rule) return [];
  const grade = rule.grades[args.grade];
  const funding = rule.fundingFloats[args.funding];
  if (!grade || !funding) {
    return [
      {
        clause: rule.clause,
        severity: 'error',
        code: 'unknown_grade_or_funding',
        messageZh: `未知的幼儿园等级“${args.grade}”或经费类型“${args.funding}”，无法核对保教费标准。`,
      },
    ];
  }
  const cap = parseAmount(grade.monthlyFee).times(ONE.plus(funding.maxFloat));
  const fee = parseAmount(args.monthlyFee);
  if (fee.lessThanOrEqualTo(cap)) return [];
  return [
    {
      clause: rule.clause,
      severity: 'error',
      code: 'above_benchmark_cap',
      messageZh: `${grade.label}基准保教费 ${formatAmount(parseAmount(grade.monthlyFee))} 元/月，${funding.label}园最多上浮 ${formatPercent(new Decimal(funding.maxFloat))}，即不超过 ${formatAmount(cap)} 元/月；现定 ${formatAmount(fee)} 元/月，超出上限。`,
      limit: formatAmount(cap),
      actual: formatAmount(fee),
    },
  ];
}

/** NT-1.2: care for children under 3 may add at most a fixed amount per month to the normal fee. */
export function checkEarlyCareSurcharge(policy: Policy, args: { normalFee: string; chargedFee: string }): Violation[] {
  const rule = policy.feeStandards?.earlyCare;
  if (!rule) return [];
  const surcharge = parseAmount(args.chargedFee).minus(parseAmount(args.normalFee));
  const max = parseAmount(rule.maxMonthlySurcharge);
  if (surcharge.lessThanOrEqualTo(max)) return [];
  return [
    {
      clause: rule.clause,
      severity: 'error',
      code: 'early_care_surcharge_too_high',
      messageZh: `3岁以下幼儿保教费每月最多比正常标准高 ${formatAmount(max)} 元，现高出 ${formatAmount(surcharge)} 元。`,
      limit: formatAmount(max),
      actual: formatAmount(surcharge),
    },
  ];
}

/** NT-1.3: custody at most 100 per month, and only after a signed agreement. */
export function checkCustodyFee(policy: Policy, args: { monthlyFee: string; agreementSigned: boolean }): Violation[] {
  const rule = policy.feeStandards?.custody;
  if (!rule) return [];
  const violations: Violation[] = [];
  const fee = parseAmount(args.monthlyFee);
  const max = parseAmount(rule.max);
  if (fee.greaterThan(max)) {
    violations.push({
      clause: rule.clause,
      severity: 'error',
      code: 'custody_fee_too_high',
      messageZh: `托管费每生每月最高 ${formatAmount(max)} 元，现定 ${formatAmount(fee)} 元。`,
      limit: formatAmount(max),
      actual: formatAmount(fee),
    });
  }
  if (rule.agreementRequired && !args.agreementSigned) {
    violations.push({
      clause: rule.clause,
      severity: 'error',
      code: 'custody_agreement_missing',
      messageZh: '托管服务须家长自愿申请并先签订托管协议，未签协议不得收取托管费。',
    });
  }
  return violations;
}

/** NT-3.5: school-bus fees only by a voluntary signed agreement. */
export function checkSchoolBusFee(policy: Policy, args: { agreementSigned: boolean }): Violation[] {
  const rule = policy.feeStandards?.schoolBus;
  if (!rule || args.agreementSigned) return [];
  return [
    {
      clause: rule.clause,
      severity: 'error',
      code: 'school_bus_agreement_missing',
      messageZh: '校车费须家长自愿并与幼儿园签订协议后方可收取。',
    },
  ];
}

/** NT-3.6: vacation care billed per day at most 30% above the normal daily standard. */
export function checkVacationDayRate(policy: Policy, args: { normalDailyRate: string; vacationDailyRate: string }): Violation[] {
  const rule = policy.feeStandards?.vacationDayRate;
  if (!rule) return [];
  const cap = parseAmount(args.normalDailyRate).times(ONE.plus(rule.maxIncrease));
  const rate = parseAmount(args.vacationDailyRate);
  if (rate.lessThanOrEqualTo(cap)) return [];
  return [
    {
      clause: rule.clause,
      severity: 'error',
      code: 'vacation_rate_too_high',
      messageZh: `寒暑假按天收费最多上浮 ${formatPercent(new Decimal(rule.maxIncrease))}，即每天不超过 ${formatAmount(cap)} 元；现定 ${formatAmount(rate)} 元。`,
      limit: formatAmount(cap),
      actual: formatAmount(rate),
    },
  ];
}

/**
 * NT-3.1 / XA-C1: a bill may cover months of one semester only (no charging in
 * advance across semesters). `semesters` are the kindergarten's semesters.
 */
export function checkBillPeriod(
  policy: Policy,
  args: { first: string; last: string; semesters: ReadonlyArray<{ first: string; last: string }> },
): Violation[] {
  const rule = policy.feeStandards?.noCrossSemester;
  if (!rule) return [];
  const overlaps = args.semesters.filter((s) => monthSpan(s.first, args.last) >= 1 && monthSpan(args.first, s.last) >= 1);
  if (overlaps.length <= 1) {
    const inside = overlaps[0] && monthSpan(overlaps[0].first, args.first) >= 1 && monthSpan(args.last, overlaps[0].last) >= 1;
    if (inside || overlaps.length === 0) return [];
    return [
      {
        clause: rule.clause,
        severity: 'warning',
        code: 'bill_outside_semester',
        messageZh: `收费期间 ${args.first} 至 ${args.last} 有月份不在学期之内，请核对。`,
      },
    ];
  }
  return [
    {
      clause: rule.clause,
      severity: 'error',
      code: 'bill_across_semesters',
      messageZh: `收费期间 ${args.first} 至 ${args.last} 跨越了 ${overlaps.length} 个学期；保教费、住宿费不得跨学期预收。`,
    },
  ];
}

/** Forbidden fee kinds (sponsorship, interest classes, building fees...) by the fee's name. */
export function checkFeeKind(policy: Policy, feeName: string): Violation[] {
  const rule = policy.feeStandards?.forbiddenFeeKinds;
  if (!rule) return [];
  const kind = rule.kinds.find((k) => k.keywords.some((word) => feeName.includes(word)));
  if (!kind) return [];
  return [
    {
      clause: rule.clause,
      severity: 'error',
      code: 'forbidden_fee_kind',
      messageZh: `“${feeName}”属于禁止收取的${kind.label}，幼儿园不得以任何名义收取。`,
    },
  ];
}

/**
 * The forbidden-fee check for a fee's name under `policy`. The ban on
 * sponsorship, interest-class and building fees is national (the interim
 * measures seed 003 quotes): a local notice that does not repeat it is still
 * bound by it, so the generic policy's list is used then.
 */
export function checkFeeName(policy: Policy, feeName: string): Violation[] {
  const bans = policy.feeStandards?.forbiddenFeeKinds ? policy : getBuiltinPolicy('generic-semester-days');
  return bans ? checkFeeKind(bans, feeName) : [];
}

/** XA-C1: a new standard at most 25% above the old one, and not within 3 years of the last change. */
export function checkFeeRaise(
  policy: Policy,
  args: { oldFee: string; newFee: string; lastChangeYear: number; changeYear: number },
): Violation[] {
  const rule = policy.feeStandards?.raise;
  if (!rule) return [];
  const violations: Violation[] = [];
  const oldFee = parseAmount(args.oldFee);
  const newFee = parseAmount(args.newFee);
  const cap = oldFee.times(ONE.plus(rule.maxIncrease));
  if (newFee.greaterThan(cap)) {
    violations.push({
      clause: rule.clause,
      severity: 'error',
      code: 'raise_too_large',
      messageZh: `调价幅度不得超过 ${formatPercent(new Decimal(rule.maxIncrease))}：原标准 ${formatAmount(oldFee)} 元，最多调至 ${formatAmount(cap)} 元，拟调至 ${formatAmount(newFee)} 元。`,
      limit: formatAmount(cap),
      actual: formatAmount(newFee),
    });
  }
  if (!newFee.equals(oldFee) && args.changeYear - args.lastChangeYear < rule.lockYears) {
    violations.push({
      clause: rule.clause,
      severity: 'error',
      code: 'raise_too_soon',
      messageZh: `收费标准确定后 ${rule.lockYears} 年内不得调整：上次调整在 ${args.lastChangeYear} 年，最早 ${args.lastChangeYear + rule.lockYears} 年可再调整。`,
      limit: String(args.lastChangeYear + rule.lockYears),
      actual: String(args.changeYear),
    });
  }
  return violations;
}

/**
 * NT-3.2 新生新办法、老生老办法: a raised standard of the rule's items applies
 * to pupils enrolled from a date on only (`enrolledFrom`); a lowered one
 * applies to every pupil at once, so it may not be limited to new pupils.
 */
export function checkRaiseForNewPupils(
  policy: Policy,
  args: { item: string; itemLabel: string; oldFee: string; newFee: string; enrolledFrom: string | null; appliesFrom: string },
): Violation[] {
  const rule = policy.feeStandards?.raiseForNewPupilsOnly;
  if (!rule?.items.includes(args.item)) return [];
  const oldFee = parseAmount(args.oldFee);
  const newFee = parseAmount(args.newFee);
  if (newFee.greaterThan(oldFee) && args.enrolledFrom === null) {
    return [
      {
        clause: rule.clause,
        severity: 'error',
        code: 'raise_for_all_pupils',
        messageZh: `提高${args.itemLabel}标准实行“新生新办法、老生老办法”：原标准 ${formatAmount(oldFee)} 元，新标准 ${formatAmount(newFee)} 元只能用于新入园的幼儿。请在“适用于”中选择“某日起入园的幼儿”（例如 ${args.appliesFrom} 起入园），在园老生继续按原标准收费。`,
        limit: formatAmount(oldFee),
        actual: formatAmount(newFee),
      },
    ];
  }
  if (newFee.lessThan(oldFee) && args.enrolledFrom !== null) {
    return [
      {
        clause: rule.clause,
        severity: 'error',
        code: 'cut_for_new_pupils_only',
        messageZh: `降低${args.itemLabel}标准的，在园所有幼儿均执行降低后的标准（原标准 ${formatAmount(oldFee)} 元，新标准 ${formatAmount(newFee)} 元）：请把“适用于”改为全体幼儿，不要限定入园日期。`,
        limit: formatAmount(oldFee),
        actual: formatAmount(newFee),
      },
    ];
  }
  return [];
}
