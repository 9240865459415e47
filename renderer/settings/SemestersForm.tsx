import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useT } from '../i18n';

export interface SchoolYearValue {
  name: string;
  semesters: { name: string; firstMonth: string; lastMonth: string }[];
}

const toDate = (month: string) => (month ? `${month}-01` : null);
const toMonth = (value: string | null) => (value ? dayjs(value).format('YYYY-MM') : '');

/** A school year and its (one or two) semesters, each a range of months. */
export function SemestersForm({
  value,
  onChange,
  errors = {},
}: {
  value: SchoolYearValue;
  onChange(value: SchoolYearValue): void;
  errors?: Record<string, string>;
}) {
  const t = useT();
  const setSemester = (i: number, patch: Partial<SchoolYearValue['semesters'][number]>) =>
    onChange({ ...value, semesters: value.semesters.map((s, j) => (i === j ? { ...s, ...patch } : s)) });
  return (
    <Stack>
      <TextInput
        label={t('学年', 'School year')}
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
        error={errors.name}
        maw={300}
      />
      {value.semesters.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a semester is its position (first or second); rows never reorder
        <Group key={i} align="flex-start" wrap="wrap">
          <TextInput
            label={t('学期名称', 'Semester')}
            value={s.name}
            onChange={(e) => setSemester(i, { name: e.currentTarget.value })}
            error={errors[`semesters.${i}.name`]}
            w={200}
          />
          <MonthPickerInput
            label={t('开始月份', 'First month')}
            value={toDate(s.firstMonth)}
            onChange={(v) => setSemester(i, { firstMonth: toMonth(v) })}
            error={errors[`semesters.${i}.firstMonth`]}
            valueFormat="YYYY-MM"
            w={150}
          />
          <MonthPickerInput
            label={t('结束月份', 'Last month')}
            value={toDate(s.lastMonth)}
            onChange={(v) => setSemester(i, { lastMonth: toMonth(v) })}
            error={errors[`semesters.${i}.lastMonth`]}
            valueFormat="YYYY-MM"
            w={150}
          />
        </Group>
      ))}
      {value.semesters.length < 2 && (
        <Button
          variant="light"
          w="fit-content"
          onClick={() => onChange({ ...value, semesters: [...value.semesters, { name: t('第二学期', 'Semester 2'), firstMonth: '', lastMonth: '' }] })}
        >
          {t('添加第二学期', 'Add a second semester')}
        </Button>
      )}
      <Text size="xs" c="dimmed">
        {t('保教费按月或按学期收取，不得跨学期预收（NT-3.1）。', 'Fees are charged monthly or per semester, never across semesters (NT-3.1).')}
      </Text>
    </Stack>
  );
}

/** A sensible default: the school year that starts this September (or last, before August). */
export function defaultSchoolYear(today = dayjs()): SchoolYearValue {
  const start = today.month() >= 7 ? today.year() : today.year() - 1;
  return {
    name: `${start}-${start + 1}学年`,
    semesters: [
      { name: `${start}年秋季学期`, firstMonth: `${start}-09`, lastMonth: `${start + 1}-01` },
      { name: `${start + 1}年春季学期`, firstMonth: `${start + 1}-02`, lastMonth: `${start + 1}-07` },
    ],
  };
}
