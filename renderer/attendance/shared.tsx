import { Badge, Select } from '@mantine/core';
import type { DayInfo } from '../../core/calendar';
import { type AttendanceStatus, STATUS_LABELS } from '../../core/attendance';
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
export function useClassOptions() {
  const { actor } = useSession();
  const { data } = useApiQuery('kindergarten.get', {});
  const all = (data?.classes ?? []).filter((c) => !c.archived);
  const visible = actor.role === 'teacher' ? all.filter((c) => c.id === actor.classId) : all;
  return visible.map((c) => ({ value: String(c.id), label: c.name }));
}

export function ClassSelect({ value, onChange, allowAll = false }: { value: number | null; onChange(id: number | null): void; allowAll?: boolean }) {
  const t = useT();
  const options = useClassOptions();
  const data = allowAll ? [{ value: 'all', label: t('全园', 'All classes') }, ...options] : options;
  return (
    <Select
      label={t('班级', 'Class')}
      data={data}
      value={value === null ? (allowAll ? 'all' : null) : String(value)}
      onChange={(v) => onChange(v && v !== 'all' ? Number(v) : null)}
      allowDeselect={false}
      w={160}
      aria-label={t('班级', 'Class')}
    />
  );
}
