// The refund calculator's guardrails: a figure is never presented as final
// while its month is still running or has days without a roll call, and an
// amount paid above the kindergarten's own standard is questioned (refunds
// are computed on what was actually paid; a typo there is a wrong refund).
import { lastDayOf } from '../calendar/dates';
import { standardInForce, type FeeStandard } from '../billing/standards';
import type { BillingItem, StandardUnit } from '../billing/items';
import { monthsBetween } from '../calendar';
import { formatFen, parseAmount, toFen } from '../money';

const LABEL: Record<string, string> = { education: '保教费', meal: '伙食费', accommodation: '住宿费', custody: '托管费' };
const yuan = (fen: number) => `${formatFen(fen)} 元`;

export interface ProvisionalFacts {
  month: string;
  today: string;
  /** Days without a roll call in the period the refund counts, when a child is chosen. */
  unrecorded: { days: number; first: string | null } | null;
}

/** Why the figures are provisional (empty: they may be final). */
export function provisionalReasons({ month, today, unrecorded }: ProvisionalFacts): string[] {
  const reasons: string[] = [];
  if (today <= lastDayOf(month)) reasons.push(`${month} 还没有结束，在园天数还会变化，以下为暂定结果，以月结为准。`);
  if (unrecorded && unrecorded.days > 0) {
    reasons.push(`该幼儿有 ${unrecorded.days} 个工作日没有考勤记录${unrecorded.first ? `（${unrecorded.first} 起）` : ''}，在园天数未定，以下为暂定结果；补录考勤后以月结为准。`);
  }
  return reasons;
}

export interface PaidFee {
  item: string;
  paid: string;
  dailyRate?: string | null;
}

export interface StandardFacts {
  month: string;
  billing: 'monthly' | 'semester';
  semester: { first: string; last: string } | null;
  fees: readonly PaidFee[];
  standards: readonly FeeStandard[];
  /** The child, when chosen: their class level and enrolment date pick the standard. */
  child: { level: string; enrolledOn: string } | null;
  /** W of a month, null when its calendar is missing. */
  workingDays(month: string): number | null;
}


/** Sentences questioning amounts paid above what this kindergarten charges. */
export function paidAboveStandard(facts: StandardFacts): string[] {
  const months = facts.billing === 'semester' && facts.semester ? monthsBetween(facts.semester.first, facts.semester.last) : [facts.month];
  const questions: string[] = [];
  for (const fee of facts.fees) {
    const units: StandardUnit[] = fee.item === 'meal' ? ['day', 'month'] : facts.billing === 'semester' ? ['semester', 'month'] : ['month'];
    // Without a child, the highest standard any pupil could pay (a new pupil's, any level's) is the bar.
    const candidates = facts.child
      ? [standardInForce(facts.standards, { item: fee.item as BillingItem, month: months[0]!, level: facts.child.level, enrolledOn: facts.child.enrolledOn, units })]
      : [...new Set(facts.standards.map((s) => s.level ?? ''))].map((level) =>
          standardInForce(facts.standards, { item: fee.item as BillingItem, month: months[0]!, level, enrolledOn: '9999-12-31', units }),
        );
    const bars = candidates
      .filter((s): s is FeeStandard => s !== null)
      .map((s) => {
        if (s.unit === 'semester') return { s, fen: s.amountFen, how: `${yuan(s.amountFen)}/学期` };
        if (s.unit === 'month') return { s, fen: s.amountFen * months.length, how: `${yuan(s.amountFen)}/月 × ${months.length} 个月` };
        const W = months.map(facts.workingDays);
        if (W.some((w) => w === null)) return null;
        const days = (W as number[]).reduce((a, b) => a + b, 0);
        return { s, fen: s.amountFen * days, how: `${yuan(s.amountFen)}/天 × ${days} 个法定工作日` };
      })
      .filter((b): b is NonNullable<typeof b> => b !== null)
      .sort((a, b) => b.fen - a.fen);
    const bar = bars[0];
    if (!bar) continue;
    const label = LABEL[fee.item] ?? fee.item;
    const paid = toFen(parseAmount(fee.paid));
    if (paid > bar.fen) {
      questions.push(
        `${label}实缴 ${yuan(paid)}，高于本园的收费标准（${bar.s.label} ${bar.how} = ${yuan(bar.fen)}，${bar.s.appliesFrom} 起执行）。退费按实际缴纳的金额计算，请核对是否填错。`,
      );
    }
    if (fee.dailyRate && bar.s.unit === 'day' && toFen(parseAmount(fee.dailyRate)) > bar.s.amountFen) {
      questions.push(`${label}每日标准 ${fee.dailyRate} 元高于本园标准 ${yuan(bar.s.amountFen)}/天（${bar.s.appliesFrom} 起执行），请核对。`);
    }
  }
  return questions;
}
