import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { daysBetween } from '../../core/calendar/dates';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { useT } from '../i18n';
import { useCalendarChanges } from './shared';

/**
 * Warns ahead of time (the backend looks 45 days ahead) when a coming year has
 * no legal calendar yet, saying from which day work will be blocked and who
 * can fix it. Shown on every attendance screen; other areas may reuse it.
 */
export function CalendarWarning() {
  const t = useT();
  const canEnter = useCan('principal', 'front_desk');
  const { data, reload } = useApiQuery('attendance.calendarStatus', {});
  useCalendarChanges(reload);
  const year = data?.missingSoon[0];
  if (!data || year === undefined) return null;
  const from = `${year}-01-01`;
  const days = daysBetween(data.today, from);
  const blockedNow = days <= 0;
  const title = blockedNow
    ? t(`没有 ${year} 年的法定日历：现在无法点名和计算退费`, `No legal calendar for ${year}: roll call and refunds are blocked`)
    : t(`还没有 ${year} 年的法定日历（${days} 天后就要用到）`, `No legal calendar for ${year} yet (needed in ${days} days)`);
  const why = t(
    `从 ${year} 年 1 月 1 日起，点名、请假登记和退费都要用 ${year} 年的放假与调休安排来确定每月的法定工作日天数，没有它这些操作会被拦下。国务院办公厅一般在前一年 11 月前后公布通知。`,
    `From 1 January ${year}, roll call, leave and refunds need the ${year} public holidays and make-up working days to know each month's legal working days; without them they are refused. The State Council usually publishes them around November.`,
  );
  // One thin line above every attendance and fees screen; the whole explanation is in the tooltip.
  return (
    <Alert
      color={blockedNow ? 'red' : 'orange'}
      icon={<IconCalendarExclamation size={18} />}
      py={6}
      px="sm"
      mb="sm"
      styles={{ wrapper: { alignItems: 'center' }, icon: { marginTop: 0, marginInlineEnd: 8, width: 18, height: 18 } }}
      data-testid="calendar-warning"
    >
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Text size="sm" truncate="end" title={why}>
          <Text span fw={600} inherit>
            {title}
          </Text>
          {!blockedNow && t(`：从 ${year} 年 1 月 1 日起，点名、请假和退费都要用到它。`, `: from 1 January ${year} roll call, leave and refunds need it.`)}
        </Text>
        {canEnter ? (
          <Anchor size="sm" style={{ flexShrink: 0, whiteSpace: 'nowrap' }} onClick={() => navigate('/attendance/calendar')}>
            {t(`录入 ${year} 年日历`, `Enter the ${year} calendar`)}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
            {t('请园长或前台录入', 'Ask the principal or front desk')}
          </Text>
        )}
      </Group>
    </Alert>
  );
}
