import { Alert, Anchor, Loader, SimpleGrid, Stack } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useApiQuery } from '../api/hooks';
import { PageHeader } from '../components/PageHeader';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { RollCallCard } from './RollCallCard';
import { Tile } from './Tile';

const WEEKDAYS = [
  ['星期日', 'Sunday'],
  ['星期一', 'Monday'],
  ['星期二', 'Tuesday'],
  ['星期三', 'Wednesday'],
  ['星期四', 'Thursday'],
  ['星期五', 'Friday'],
  ['星期六', 'Saturday'],
] as const;

/** 首页: today at a glance (the backend's today), each figure a link to where it is handled; each role sees its part. */
export function HomePage(_: { path: string[] }) {
  const t = useT();
  const { data: home, error } = useApiQuery('home.today', {});
  if (error) return <ErrorAlert error={error} />;
  if (!home) return <Loader />;
  const [y, m, d] = home.today.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const followUps = home.followUps && home.followUps.overdue + home.followUps.dueToday;
  return (
    <>
      <PageHeader title={t(`今天 ${y}年${m}月${d}日 ${weekday[0]}`, `Today, ${home.today}, ${weekday[1]}`)} />
      {home.calendarMissingYears && home.calendarMissingYears.length > 0 && (
        <Alert color="orange" icon={<IconCalendarExclamation />} mb="md" data-testid="home-calendar">
          {t(`还没有 ${home.calendarMissingYears.join('、')} 年的法定日历，点名、请假和退费到时会被拦下。`, `No legal calendar for ${home.calendarMissingYears.join(', ')} yet.`)}{' '}
          <Anchor href="#/attendance/calendar">{t('去录入', 'Enter it')}</Anchor>
        </Alert>
      )}
      <Stack>
          <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="sm">
            {home.arrears && (
              <Tile
                testId="home-arrears"
                title={t('欠费', 'Arrears')}
                value={`¥${home.arrears.total}`}
                detail={t(`${home.arrears.bills} 张通知单逾期未缴，${home.arrears.households} 户`, `${home.arrears.bills} overdue bills, ${home.arrears.households} families`)}
                href="/billing/arrears"
                tone={home.arrears.bills === 0 ? 'ok' : 'todo'}
              />
            )}
            {home.payouts && (
              <Tile
                testId="home-payouts"
                title={t('待退款', 'Refunds to pay out')}
                value={`¥${home.payouts.total}`}
                detail={t(`${home.payouts.households} 户选择退现金/转账，尚未付出`, `${home.payouts.households} families waiting`)}
                href="/billing/settlement"
                tone={home.payouts.households === 0 ? 'ok' : 'todo'}
              />
            )}
            {home.corrections && (
              <Tile
                testId="home-corrections"
                title={t('结算更正', 'Settlement corrections')}
                value={t(`${home.corrections.childMonths} 人次`, `${home.corrections.childMonths}`)}
                detail={home.corrections.months.length > 0 ? t(`已结算月份考勤有更正：${home.corrections.months.join('、')}`, `Corrected: ${home.corrections.months.join(', ')}`) : t('没有待处理的更正', 'None due')}
                href="/billing/settlement"
                tone={home.corrections.childMonths === 0 ? 'ok' : 'alert'}
              />
            )}
            {home.unsettled && (
              <Tile
                testId="home-unsettled"
                title={t('未月结月份', 'Months not settled')}
                value={t(`${home.unsettled.length} 个月`, `${home.unsettled.length}`)}
                detail={home.unsettled.length > 0 ? home.unsettled.slice(0, 6).join('、') + (home.unsettled.length > 6 ? '…' : '') : t('已结束的月份都已月结', 'Every ended month is settled')}
                href={home.unsettled[0] ? `/billing/settlement?month=${home.unsettled[0]}` : '/billing/settlement'}
                tone={home.unsettled.length === 0 ? 'ok' : 'todo'}
              />
            )}
            {home.followUps && (
              <Tile
                testId="home-follow-ups"
                title={t('待跟进', 'Follow-ups due')}
                value={t(`${followUps} 条`, `${followUps}`)}
                detail={t(`逾期 ${home.followUps.overdue} 条，今天到期 ${home.followUps.dueToday} 条`, `${home.followUps.overdue} overdue, ${home.followUps.dueToday} today`)}
                href="/families/followups"
                tone={followUps === 0 ? 'ok' : home.followUps.overdue > 0 ? 'alert' : 'todo'}
              />
            )}
            {home.complaints && (
              <Tile
                testId="home-complaints"
                title={t('意见与投诉', 'Complaints open')}
                value={t(`${home.complaints.open} 条未关闭`, `${home.complaints.open} open`)}
                detail={home.complaints.overdue > 0 ? t(`${home.complaints.overdue} 条已过答复期限`, `${home.complaints.overdue} past their reply date`) : undefined}
                href="/families/feedback"
                tone={home.complaints.open === 0 ? 'ok' : home.complaints.overdue > 0 ? 'alert' : 'todo'}
              />
            )}
          </SimpleGrid>
        {home.rollCall && <RollCallCard home={{ ...home, rollCall: home.rollCall }} />}
      </Stack>
    </>
  );
}
