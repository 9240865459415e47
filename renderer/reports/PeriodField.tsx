import { ActionIcon, Group, SegmentedControl } from '@mantine/core';
import { YearPickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { MonthField } from '../attendance/shared';
import { useT } from '../i18n';

/** A month (YYYY-MM) or a year (YYYY), as the report allows; arrows step one back or forward, the picker types too. */
export function PeriodField({ value, allowed, today, onChange }: { value: string; allowed: readonly ('month' | 'year')[]; today: string; onChange(period: string): void }) {
  const t = useT();
  const isYear = value.length === 4;
  const year = Number(value.slice(0, 4));
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      {allowed.length > 1 && (
        <SegmentedControl
          value={isYear ? 'year' : 'month'}
          onChange={(v) => onChange(v === 'year' ? value.slice(0, 4) : year === Number(today.slice(0, 4)) ? today.slice(0, 7) : `${year}-12`)}
          data={[
            { value: 'month', label: t('按月', 'Month') },
            { value: 'year', label: t('按年', 'Year') },
          ]}
          aria-label={t('期间', 'Period')}
          mb={1}
        />
      )}
      {isYear ? (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <ActionIcon variant="default" size="lg" mb={1} onClick={() => onChange(String(year - 1))} aria-label={t('上一年', 'Previous year')}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <YearPickerInput
            label={t('年度', 'Year')}
            value={`${year}-01-01`}
            onChange={(v) => v && onChange(String(v).slice(0, 4))}
            w={100}
            data-testid="report-year"
          />
          <ActionIcon variant="default" size="lg" mb={1} onClick={() => onChange(String(year + 1))} aria-label={t('下一年', 'Next year')} disabled={year >= Number(today.slice(0, 4))}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
      ) : (
        <MonthField value={value} onChange={onChange} testId="report-month" />
      )}
    </Group>
  );
}
