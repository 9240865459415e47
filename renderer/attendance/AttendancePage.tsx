import { Tabs } from '@mantine/core';
import { useApiQuery } from '../api/hooks';
import { navigate, useRoute } from '../app/router';
import { useCan } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { CalendarScreen } from './CalendarScreen';
import { CalendarWarning } from './CalendarWarning';
import { ChildMonth } from './ChildMonth';
import { Closures } from './Closures';
import { Corrections } from './Corrections';
import { LeaveForm } from './LeaveForm';
import { MonthSummary } from './MonthSummary';
import { RollCall } from './RollCall';

/**
 * `#/attendance` roll call · `/leave` · `/month?month=&class=` ·
 * `/child/<id>/<month>` · `/closures` · `/calendar` · `/corrections`.
 */
export function AttendancePage({ path }: { path: string[] }) {
  const t = useT();
  const { query } = useRoute();
  const canWrite = useCan('principal', 'front_desk', 'teacher');
  const seesCorrections = useCan('principal', 'finance', 'front_desk');
  const status = useApiQuery('attendance.calendarStatus', {});
  const today = status.data?.today;
  // An address naming no tab this person has (a mistyped link, a teacher's link opened by finance) opens their first tab, not a blank page.
  const allowed = [...(canWrite ? ['roll', 'leave'] : []), 'month', 'child', 'closures', 'calendar', ...(seesCorrections ? ['corrections'] : [])];
  const tab = path[0] && allowed.includes(path[0]) ? path[0] : canWrite ? 'roll' : 'month';
  const month = query.get('month') ?? today?.slice(0, 7) ?? '';
  const classParam = query.get('class');

  return (
    <>
      <PageHeader title={t('考勤', 'Attendance')} description={t('每日点名、请假、停课与法定日历；月度汇总即退费所用的天数。', 'Roll call, leave, closures and the legal calendar.')} />
      <CalendarWarning />
      <Tabs value={tab === 'child' ? 'month' : tab} onChange={(v) => v && navigate(`/attendance/${v}`)} mb="md" keepMounted={false}>
        <Tabs.List>
          {canWrite && <Tabs.Tab value="roll">{t('每日点名', 'Roll call')}</Tabs.Tab>}
          {canWrite && <Tabs.Tab value="leave">{t('请假登记', 'Leave')}</Tabs.Tab>}
          <Tabs.Tab value="month">{t('月度汇总', 'Monthly summary')}</Tabs.Tab>
          <Tabs.Tab value="closures">{t('停课与园内假期', 'Closures')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('法定日历', 'Legal calendar')}</Tabs.Tab>
          {seesCorrections && <Tabs.Tab value="corrections">{t('结算后更正', 'After settlement')}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      {today && tab === 'roll' && <RollCall today={today} />}
      {today && tab === 'leave' && <LeaveForm today={today} />}
      {today && tab === 'month' && <MonthSummary month={month} classId={classParam ? Number(classParam) : null} today={today} />}
      {tab === 'child' && path[1] && <ChildMonth childId={Number(path[1])} month={path[2] ?? month} />}
      {today && tab === 'closures' && <Closures today={today} />}
      {today && tab === 'calendar' && <CalendarScreen today={today} />}
      {tab === 'corrections' && <Corrections />}
    </>
  );
}
