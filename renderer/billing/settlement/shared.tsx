import { Anchor, Badge } from '@mantine/core';
import type { Api } from '../../../electron/api/index';
import { navigate } from '../../app/router';
import { useT } from '../../i18n';

export type MonthView = Api['settlement.preview']['output'];
export type ChildRow = MonthView['children'][number];
export type UnsettledRow = MonthView['unsettled'][number];

export const BILLING_LABELS: Record<string, [string, string]> = { monthly: ['按月', 'Monthly'], semester: ['按学期', 'Semester'] };
export const SETTLE_REASON_LABELS: Record<string, [string, string]> = {
  leave: ['请假', 'Leave'],
  withdrawal: ['退园', 'Withdrawal'],
  false_advertising: ['违规', 'Violation'],
};

/** A key made when a money dialog opens; retries of the same dialog reuse it (billing-model invariant 6). */
export function newKey(): string {
  return crypto.randomUUID();
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Where the desk fixes what stops a child from being settled (one line: the reason beside it takes the rest). */
export function FixLink({ link }: { link: UnsettledRow['link'] }) {
  const t = useT();
  if (!link) return null;
  if (link.to === 'attendance') {
    return (
      <Anchor size="sm" style={NO_WRAP} onClick={() => navigate(`/attendance/child/${link.childId}/${link.month}`)}>
        {t('去补录考勤', 'Record attendance')}
      </Anchor>
    );
  }
  if (link.to === 'calendar') {
    return (
      <Anchor size="sm" style={NO_WRAP} onClick={() => navigate('/attendance/calendar')}>
        {t('去录入法定日历', 'Enter the legal calendar')}
      </Anchor>
    );
  }
  if (link.to === 'settlement') {
    return (
      <Anchor size="sm" style={NO_WRAP} onClick={() => navigate(`/billing/settlement?month=${link.month}`)}>
        {t(`去结算 ${link.month}`, `Settle ${link.month}`)}
      </Anchor>
    );
  }
  return (
    <Anchor size="sm" style={NO_WRAP} onClick={() => navigate(`/billing/bills?child=${link.childId}`)}>
      {t('去核对缴费通知单', 'Check the bills')}
    </Anchor>
  );
}

export function StatusBadge({ status, ended }: { status: MonthView['status']; ended: boolean }) {
  const t = useT();
  if (status === 'settled' || status === 'booked') return <Badge color="green" size="lg">{t('已结算', 'Settled')}</Badge>;
  if (!ended) return <Badge color="orange" size="lg">{t('月份未结束 · 暂定', 'Month not over · provisional')}</Badge>;
  return <Badge color="blue" size="lg">{t('预览 · 尚未入账', 'Preview · not booked')}</Badge>;
}
