// The fee-standard checks a new fee standard must pass before it is saved. Each
// finding names its clause; `refuse` cannot be saved at all, `confirm` is
// where the notice leaves room (or the app had to read it) and needs the
// principal's explicit confirmation, which is recorded on the standard.
import {
  checkCustodyFee,
  checkEarlyCareSurcharge,
  checkEducationFee,
  checkFeeName,
  checkFeeRaise,
  checkRaiseForNewPupils,
  checkVacationDayRate,
  type Violation,
} from '../fee-standards';
import { monthSpan } from '../calendar/dates';
import { Decimal, formatAmount, fromFen, parseAmount } from '../money';
import type { Policy } from '../policies/schema';
import { type BillingItem, ITEM_LABELS, type StandardUnit } from './items';
import { type FeeStandard, generalStandardOn, previousStandard } from './standards';

export interface StandardDraft {
  item: BillingItem;
  label: string;
  /** Yuan, validated ("520.00"). */
  amount: string;
  unit: StandardUnit;
  appliesFrom: string;
  level: string | null;
  enrolledFrom: string | null;
}

export interface KindergartenFacts {
  /** public | inclusive_private | nonprofit_private | forprofit_private */
  type: string;
  grade: string | null;
  fundingType: string | null;
}

export type FindingField = 'amount' | 'label' | 'enrolledFrom' | 'level' | 'appliesFrom';

export interface Finding {
  clause: string;
  code: string;
  severity: 'refuse' | 'confirm';
  messageZh: string;
  /** The form field the finding is about, so the screen can show it there. */
  field: FindingField;
}

/**
 * Monthly to daily for NT-3.6: the notice says "the standard actually charged"
 * without a day count. The app reads the daily standard as the monthly one
 * over 21.75 days (the national average of working days a month,
 * 劳社部发〔2008〕3号); because that reading is the app's, exceeding it asks
 * for the principal's confirmation rather than refusing.
 */
export const DAYS_PER_MONTH = new Decimal('21.75');

const toFinding = (v: Violation, severity: Finding['severity'], field: FindingField): Finding => ({
  clause: v.clause,
  code: v.code,
  severity,
  messageZh: v.messageZh,
  field,
});

function monthlyAmount(draft: StandardDraft, semesters: ReadonlyArray<{ first: string; last: string }>): Decimal | null {
  const amount = parseAmount(draft.amount);
  if (draft.unit === 'month') return amount;
  if (draft.unit !== 'semester') return null;
  const month = draft.appliesFrom.slice(0, 7);
  const semester = semesters.find((s) => s.first <= month && month <= s.last);
  return semester ? amount.dividedBy(monthSpan(semester.first, semester.last)) : null;
}

/** The education standard for every class in force on `date`, as a monthly amount. */
function normalEducationFee(existing: readonly FeeStandard[], date: string, level: string | null): FeeStandard | null {
  return generalStandardOn(existing, { item: 'education', level, unit: 'month' }, date);
}

export function checkStandard(
  policy: Policy,
  draft: StandardDraft,
  context: {
    existing: readonly FeeStandard[];
    kindergarten: KindergartenFacts;
    semesters: ReadonlyArray<{ first: string; last: string }>;
  },
): Finding[] {
  const findings: Finding[] = [];
  const { kindergarten: kg, existing } = context;
  const itemLabel = ITEM_LABELS[draft.item][0];
  for (const v of checkFeeName(policy, draft.label)) findings.push(toFinding(v, 'refuse', 'label'));

  if (draft.item === 'education') {
    const monthly = monthlyAmount(draft, context.semesters);
    if (monthly === null) {
      findings.push({
        clause: policy.feeStandards?.benchmark?.clause ?? policy.feeStandards?.noCrossSemester?.clause ?? '',
        code: 'semester_unknown',
        severity: 'refuse',
        messageZh: `按学期的标准须落在一个学期之内：${draft.appliesFrom} 不在任何学期中。请先在“设置 → 学年与学期”中设定学期，或改为按月的标准。`,
        field: 'appliesFrom',
      });
    } else if (draft.level === 'toddler' && policy.feeStandards?.earlyCare) {
      const normal = normalEducationFee(existing, draft.appliesFrom, null);
      if (!normal) {
        findings.push({
          clause: policy.feeStandards.earlyCare.clause,
          code: 'normal_fee_missing',
          severity: 'refuse',
          messageZh: `托班保教费最多比正常标准每月高 ${policy.feeStandards.earlyCare.maxMonthlySurcharge} 元：请先设定“全体班级”按月的保教费标准（${draft.appliesFrom} 前起执行），再设定托班标准。`,
          field: 'level',
        });
      } else {
        const violations = checkEarlyCareSurcharge(policy, { normalFee: formatAmount(fromFen(normal.amountFen)), chargedFee: formatAmount(monthly) });
        for (const v of violations) findings.push(toFinding(v, 'refuse', 'amount'));
      }
    } else if (policy.feeStandards?.benchmark && kg.type === 'public') {
      if (kg.grade && kg.fundingType) {
        const violations = checkEducationFee(policy, { grade: kg.grade, funding: kg.fundingType, monthlyFee: formatAmount(monthly) });
        for (const v of violations) findings.push(toFinding(v, 'refuse', 'amount'));
      } else {
        findings.push({
          clause: policy.feeStandards.benchmark.clause,
          code: 'grade_unknown',
          severity: 'confirm',
          messageZh: '幼儿园资料中没有填写办园等级或经费类型，无法按基准收费标准核对上浮幅度。请园长确认此标准符合收费文件，或先在“设置 → 幼儿园资料”中补填。',
          field: 'amount',
        });
      }
    }
  }

  if (draft.item === 'custody') {
    // The signed agreement is per child and checked when billing; here only the cap.
    for (const v of checkCustodyFee(policy, { monthlyFee: draft.amount, agreementSigned: true })) findings.push(toFinding(v, 'refuse', 'amount'));
  }

  if (draft.item === 'vacation_care' && policy.feeStandards?.vacationDayRate) {
    const normal = normalEducationFee(existing, draft.appliesFrom, draft.level) ?? normalEducationFee(existing, draft.appliesFrom, null);
    if (!normal) {
      findings.push({
        clause: policy.feeStandards.vacationDayRate.clause,
        code: 'normal_fee_missing',
        severity: 'confirm',
        messageZh: '还没有按月的保教费标准，无法核对寒暑假按天收费的上浮幅度（最多 30%）。请园长确认，或先设定保教费标准。',
        field: 'amount',
      });
    } else {
      const daily = fromFen(normal.amountFen).dividedBy(DAYS_PER_MONTH);
      for (const v of checkVacationDayRate(policy, { normalDailyRate: formatAmount(daily), vacationDailyRate: draft.amount })) {
        findings.push({
          ...toFinding(v, 'confirm', 'amount'),
          messageZh: `${v.messageZh}（正常日标准按保教费 ${formatAmount(fromFen(normal.amountFen))} 元/月 ÷ 21.75 天计。如收费文件另有规定，可由园长确认后保存。）`,
        });
      }
    }
  }

  const previous = previousStandard(existing, draft);
  if (previous) {
    const oldFee = formatAmount(fromFen(previous.amountFen));
    for (const v of checkRaiseForNewPupils(policy, {
      item: draft.item,
      itemLabel,
      oldFee,
      newFee: draft.amount,
      enrolledFrom: draft.enrolledFrom,
      appliesFrom: draft.appliesFrom,
    })) {
      findings.push(toFinding(v, 'refuse', 'enrolledFrom'));
    }
    if (draft.item === 'education') {
      const raise = checkFeeRaise(policy, {
        oldFee,
        newFee: draft.amount,
        lastChangeYear: Number(previous.appliesFrom.slice(0, 4)),
        changeYear: Number(draft.appliesFrom.slice(0, 4)),
      });
      for (const v of raise) findings.push(toFinding(v, 'refuse', 'amount'));
    }
  }
  return findings;
}

/** The clauses the principal must confirm before the standard can be saved (none when it may not be saved at all). */
export function clausesToConfirm(findings: readonly Finding[]): string[] {
  if (findings.some((f) => f.severity === 'refuse')) return [];
  return [...new Set(findings.filter((f) => f.severity === 'confirm').map((f) => f.clause))];
}
