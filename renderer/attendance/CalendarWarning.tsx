import { Alert, Anchor } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useT } from '../i18n';

/** Warns ahead of time when an upcoming month's year has no legal calendar yet. */
export function CalendarWarning() {
  const t = useT();
  const { data } = useApiQuery('attendance.calendarStatus', {});
  if (!data || data.missingSoon.length === 0) return null;
  const years = data.missingSoon.join('、');
  return (
    <Alert color="orange" icon={<IconCalendarExclamation />} mb="md" title={t(`还没有 ${years} 年的法定日历`, `No legal calendar for ${years} yet`)} data-testid="calendar-warning">
      {t(
        `下个月起要用到 ${years} 年的放假与调休安排（国务院办公厅每年年底公布）。没有它就无法确定法定工作日天数，考勤和退费都会被拦下。`,
        `The coming months need the ${years} holiday calendar. Without it working days are unknown and attendance and refunds are blocked.`,
      )}{' '}
      <Anchor onClick={() => navigate('/attendance/calendar')}>{t('现在录入或导入', 'Enter or import it now')}</Anchor>
    </Alert>
  );
}
