import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n';
import { AgencyPanel } from './AgencyPanel';
import { VacationPanel } from './VacationPanel';

/**
 * 自愿项目: what each family chose, entered from its signed form — 代收费
 * items opted in to (no record = not opted in) and the days of vacation care
 * booked. The bill run charges exactly these.
 */
export function VoluntaryTab() {
  const t = useT();
  const [part, setPart] = useState<'agency' | 'vacation'>('agency');
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        value={part}
        onChange={(v) => setPart(v as 'agency' | 'vacation')}
        data={[
          { value: 'agency', label: t('代收费（自愿参加）', 'Collected on behalf') },
          { value: 'vacation', label: t('寒暑假托管预订', 'Vacation care bookings') },
        ]}
        data-testid="voluntary-part"
      />
      <Text size="sm" c="dimmed">
        {part === 'agency'
          ? t('代收费由家长自愿参加、据实收取。只有登记为“参加”的幼儿，缴费通知单上才会有这一项；未登记的默认不参加。', 'Voluntary and at cost: only children recorded as taking part are billed; the default is no.')
          : t('按家长填写的预订天数收取寒暑假托管费：天数 × 日收费标准（不超过正常日标准的 130%，NT-3.6）。', 'Billed as days booked × the day rate (at most 30% above the normal day rate, NT-3.6).')}
      </Text>
      {part === 'agency' ? <AgencyPanel /> : <VacationPanel />}
    </Stack>
  );
}
