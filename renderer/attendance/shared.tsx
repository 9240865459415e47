import { ActionIcon, Badge, Group, Select } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useEffect } from 'react';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { DayInfo } from '../../core/calendar';
import { type AttendanceStatus, STATUS_LABELS } from '../../core/attendance';
import { nextMonth, parseTypedDate, prevMonth } from '../../core/calendar/dates';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../app/session';
import { useLang, useT } from '../i18n';

export const STATUS_COLORS: Record<AttendanceStatus, string> = { present: 'green', sick: 'red', personal: 'orange', other: 'grape' };

export const DAY_KIND_LABELS: Record<DayInfo['kind'], [string, string]> = {
  workday: ['工作日', 'Working day'],
  weekend: ['周末', 'Weekend'],
  holiday: ['法定节假日', 'Public holiday'],
  makeup_workday: ['调休上班', 'Make-up working day'],
};

export const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 星期一 / Mon for a date. */
export function weekdayName(date: string, lang: 'zh' | 'en'): string {
  const i = weekdayOf(date);
  return lang === 'en' ? (WEEKDAYS_EN[i] ?? '') : `星期${WEEKDAYS_ZH[i] ?? ''}`;
}

/** Column headings of a month grid, Monday first. */
export function weekHeadings(lang: 'zh' | 'en'): string[] {
  return [1, 2, 3, 4, 5, 6, 0].map((i) => (lang === 'en' ? (WEEKDAYS_EN[i] ?? '') : `周${WEEKDAYS_ZH[i] ?? ''}`));
}

export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function StatusBadge({ status }: { status: AttendanceStatus | null }) {
  const { lang } = useLang();
  if (!status) return <Badge color="gray" variant="light">{lang === 'en' ? 'Not recorded' : '未记录'}</Badge>;
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {lang === 'en' ? STATUS_LABELS[status].en : STATUS_LABELS[status].zh}
    </Badge>
  );
}

export function statusText(status: AttendanceStatus | null, lang: 'zh' | 'en'): string {
  if (!status) return lang === 'en' ? 'not recorded' : '未记录';
  return lang === 'en' ? STATUS_LABELS[status].en : STATUS_LABELS[status].zh;
}

/** The classes a person may see: a teacher only their own. */
function useClasses() {
  const { actor } = useSession();
  const { data } = useApiQuery('kindergarten.get', {});
  const all = (data?.classes ?? []).filter((c) => !c.archived);
  const visible = actor.role === 'teacher' ? all.filter((c) => c.id === actor.classId) : all;
  return { options: visible.map((c) => ({ value: String(c.id), label: c.name })), loaded: data !== undefined };
}

export function useClassOptions() {
  return useClasses().options;
}

export function ClassSelect({ value, onChange, allowAll = false }: { value: number | null; onChange(id: number | null): void; allowAll?: boolean }) {
  const t = useT();
  const { options, loaded } = useClasses();
  const data = allowAll ? [{ value: 'all', label: t('全园', 'All classes') }, ...options] : options;
  return (
    <Select
      label={t('班级', 'Class')}
      // Opened before the classes arrive, the list would stay empty: it can be opened once they are there.
      disabled={!loaded}
      data={data}
      value={value === null ? (allowAll ? 'all' : null) : String(value)}
      onChange={(v) => onChange(v && v !== 'all' ? Number(v) : null)}
      allowDeselect={false}
      w={160}
      aria-label={t('班级', 'Class')}
    />
  );
}

/**
 * A day field like the rest of the app (Mantine picker, zh-cn calendar) that
 * shows and takes YYYY-MM-DD whatever the browser's language: staff can type
 * 2026-11-23, 2026/11/23, 2026年11月23日 or 20261123, or pick from the calendar.
 */
export function DateField({
  label,
  value,
  onChange,
  maxDate,
  minDate,
  w = 150,
  testId,
  error,
  description,
}: {
  label: string;
  value: string;
  onChange(date: string): void;
  maxDate?: string;
  minDate?: string;
  w?: number;
  testId?: string;
  error?: string;
  description?: string;
}) {
  return (
    <DateInput
      label={label}
      error={error}
      description={description}
      value={value}
      onChange={(v) => v && onChange(String(v).slice(0, 10))}
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      dateParser={parseTypedDate}
      maxDate={maxDate}
      minDate={minDate}
      w={w}
      data-testid={testId}
    />
  );
}

/** A month: the picker the rest of the app uses, with previous/next buttons for the common step. */
export function MonthField({ value, onChange, testId }: { value: string; onChange(month: string): void; testId?: string }) {
  const t = useT();
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <ActionIcon variant="default" size="lg" onClick={() => onChange(prevMonth(value))} aria-label={t('上个月', 'Previous month')} mb={1}>
        <IconChevronLeft size={16} />
      </ActionIcon>
      <MonthPickerInput
        label={t('月份', 'Month')}
        value={`${value}-01`}
        onChange={(v) => v && onChange(String(v).slice(0, 7))}
        valueFormat="YYYY-MM"
        w={120}
        data-testid={testId}
      />
      <ActionIcon variant="default" size="lg" onClick={() => onChange(nextMonth(value))} aria-label={t('下个月', 'Next month')} mb={1}>
        <IconChevronRight size={16} />
      </ActionIcon>
    </Group>
  );
}

const CALENDAR_CHANGED = 'kd:legal-calendar-changed';

/** Tells every screen showing the legal calendar (month grid, warnings) that a year was saved or removed. */
export function announceCalendarChange(): void {
  window.dispatchEvent(new Event(CALENDAR_CHANGED));
}

/** Reloads `reload` whenever the legal calendar changes. */
export function useCalendarChanges(reload: () => unknown): void {
  useEffect(() => {
    const listener = () => void reload();
    window.addEventListener(CALENDAR_CHANGED, listener);
    return () => window.removeEventListener(CALENDAR_CHANGED, listener);
  }, [reload]);
}

/**
 * From/to days. A "to" before "from" is shown as an error at "to" (and the
 * backend refuses it); neither date is ever changed behind the person's back.
 */
export function DateRangeFields({
  first,
  last,
  onChange,
  testId,
  lastError,
}: {
  first: string;
  last: string;
  onChange(first: string, last: string): void;
  testId: string;
  /** A message from the backend about the last day. */
  lastError?: string;
}) {
  const t = useT();
  const reversed = last < first;
  return (
    <>
      <DateField label={t('从', 'From')} value={first} onChange={(d) => onChange(d, last)} testId={`${testId}-first`} />
      <DateField
        label={t('到', 'To')}
        value={last}
        onChange={(d) => onChange(first, d)}
        testId={`${testId}-last`}
        error={reversed ? t(`结束日期 ${last} 早于开始日期 ${first}`, `The last day ${last} is before the first day ${first}`) : lastError}
      />
    </>
  );
}
