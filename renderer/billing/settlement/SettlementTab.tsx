import { Tabs } from '@mantine/core';
import { prevMonth } from '../../../core/calendar/dates';
import { useApiQuery } from '../../api/hooks';
import { navigate, useRoute } from '../../app/router';
import { useT } from '../../i18n';
import { CorrectionsPanel } from './CorrectionsPanel';
import { MonthSettlement } from './MonthSettlement';
import { PayoutsPanel } from './PayoutsPanel';
import { WithdrawPanel } from './WithdrawPanel';

/**
 * `#/billing/settlement[?month=]` 月结 · `/corrections` 结算更正 ·
 * `/withdraw` 退园结算 · `/payouts` 退费去向.
 */
const SUBS = ['month', 'corrections', 'withdraw', 'payouts'] as const;

export function SettlementTab({ path }: { path: string[] }) {
  const t = useT();
  const { query } = useRoute();
  const status = useApiQuery('attendance.calendarStatus', {});
  const today = status.data?.today;
  // An address that names no part (a mistyped or old link) opens the month end, not a blank page.
  const sub = SUBS.includes(path[0] as (typeof SUBS)[number]) ? path[0]! : 'month';
  // The month most likely to settle: the one that ended last.
  const month = query.get('month') ?? (today ? prevMonth(today.slice(0, 7)) : '');
  return (
    <>
      <Tabs value={sub} onChange={(v) => v && navigate(v === 'month' ? '/billing/settlement' : `/billing/settlement/${v}`)} variant="pills" mb="md" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="month">{t('月结', 'Month end')}</Tabs.Tab>
          <Tabs.Tab value="corrections">{t('结算更正', 'Corrections')}</Tabs.Tab>
          <Tabs.Tab value="withdraw">{t('退园结算', 'Withdrawal')}</Tabs.Tab>
          <Tabs.Tab value="payouts">{t('退费去向', 'Refund payouts')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {sub === 'month' && month && <MonthSettlement month={month} />}
      {sub === 'corrections' && <CorrectionsPanel />}
      {sub === 'withdraw' && today && <WithdrawPanel today={today} />}
      {sub === 'payouts' && today && <PayoutsPanel today={today} />}
    </>
  );
}
