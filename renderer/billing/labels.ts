import { periodLabel, periodLabelEn } from '../../core/billing/items';
import { useT } from '../i18n';

export const FEE_ITEM_LABELS: Record<string, [string, string]> = {
  education: ['保教费', 'Education fee'],
  meal: ['伙食费', 'Meal fee'],
  accommodation: ['住宿费', 'Accommodation fee'],
  custody: ['托管费', 'Custody fee'],
};

export const REASON_LABELS: Record<string, [string, string]> = {
  leave: ['请假（病假、事假）', 'Leave (sick or personal)'],
  withdrawal: ['退园、转园', 'Withdrawal or transfer'],
  false_advertising: ['虚假招生宣传等违规', 'False advertising or other violation'],
};

/** A bill's period in the reader's language: 2026年9月—2026年12月 / Sep 2026 – Dec 2026. */
export function usePeriod(): (p: { periodFirst: string; periodLast: string }) => string {
  const t = useT();
  return (p) => t(periodLabel(p.periodFirst, p.periodLast), periodLabelEn(p.periodFirst, p.periodLast));
}
