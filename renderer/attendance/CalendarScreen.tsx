import { Alert, Badge, Button, FileButton, Group, NumberInput, Paper, SimpleGrid, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatCalendarText, nextMonth, parseCalendarText } from '../../core/attendance';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useCan } from '../app/session';
import { useLang, useT } from '../i18n';
import { DAY_KIND_LABELS, weekdayOf } from './shared';

const KIND_COLORS = { workday: undefined, weekend: 'var(--mantine-color-gray-1)', holiday: 'var(--mantine-color-red-0)', makeup_workday: 'var(--mantine-color-blue-0)' };

/** The legal calendar month by month, and entering or importing a year the bundled data does not cover. */
export function CalendarScreen({ today }: { today: string }) {
  const t = useT();
  const [month, setMonth] = useState(today.slice(0, 7));
  const status = useApiQuery('attendance.calendarStatus', {});
  const canEdit = useCan('principal', 'front_desk');
  const known = status.data?.knownYears ?? [];
  return (
    <>
      <Group align="flex-end" mb="md">
        <TextInput type="month" label={t('月份', 'Month')} value={month} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} w={160} data-testid="calendar-month" />
        <Button variant="default" onClick={() => setMonth(nextMonth(month))}>
          {t('下个月', 'Next month')}
        </Button>
        {known.length > 0 && (
          <Text size="sm" c="dimmed">
            {t(`已有法定日历：${known[0]}–${known[known.length - 1]} 年`, `Calendar known: ${known[0]}–${known[known.length - 1]}`)}
          </Text>
        )}
      </Group>
      <MonthGrid month={month} />
      {canEdit && status.data && (
        <YearForm
          // The first year still missing is the one staff most likely came to enter.
          year={status.data.missingSoon[0] ?? (known.at(-1) ?? 2026) + 1}
          known={known}
          onSaved={() => void status.reload()}
          custom={status.data.customYears}
        />
      )}
    </>
  );
}

function MonthGrid({ month }: { month: string }) {
  const t = useT();
  const { lang } = useLang();
  const { data } = useApiQuery('attendance.calendarMonth', { month });
  if (!data) return null;
  if (!data.known) {
    return (
      <Alert color="orange" title={t(`没有 ${data.year} 年的法定日历`, `No calendar for ${data.year}`)} mb="md" data-testid="calendar-missing">
        {data.missing}
      </Alert>
    );
  }
  const pad = (weekdayOf(`${month}-01`) + 6) % 7;
  return (
    <Paper withBorder p="md" mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={4} data-testid="calendar-w">
          {t(`${month} 法定工作日 ${data.W} 天`, `${month}: ${data.W} legal working days`)}
        </Title>
        <Group gap="xs">
          <Badge color="red" variant="light">{t('法定节假日', 'Public holiday')}</Badge>
          <Badge color="blue" variant="light">{t('调休上班', 'Make-up working day')}</Badge>
          <Badge color="gray" variant="light">{t('周末', 'Weekend')}</Badge>
          <Text size="xs" c="dimmed">{t(`来源：${data.source ?? '未注明'}`, `Source: ${data.source ?? '—'}`)}</Text>
        </Group>
      </Group>
      <SimpleGrid cols={7} spacing={4}>
        {['一', '二', '三', '四', '五', '六', '日'].map((w) => (
          <Text key={w} ta="center" size="xs" c="dimmed">
            {t(`周${w}`, w)}
          </Text>
        ))}
        {pad > 0 && <div style={{ gridColumn: `span ${pad}` }} />}
        {data.days.map((d) => (
          <div
            key={d.date}
            data-testid={`cal-${d.date}`}
            data-kind={d.kind}
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, padding: 6, minHeight: 56, background: KIND_COLORS[d.kind] }}
          >
            <Text fw={600} size="sm" c={d.kind === 'holiday' ? 'red' : d.kind === 'makeup_workday' ? 'blue' : undefined}>
              {Number(d.date.slice(8))}
            </Text>
            {d.kind !== 'workday' && (
              <Text size="xs" c="dimmed">
                {d.holidayName ?? (lang === 'en' ? DAY_KIND_LABELS[d.kind][1] : DAY_KIND_LABELS[d.kind][0])}
              </Text>
            )}
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

interface CustomYear {
  year: number;
  holidays: { date: string; name: string }[];
  makeupWorkdays: string[];
  source: string;
  enteredBy: string | null;
  enteredAt: string;
}

function YearForm({ year: initialYear, known, custom, onSaved }: { year: number; known: number[]; custom: CustomYear[]; onSaved(): void }) {
  const t = useT();
  const stored = custom.find((c) => c.year === initialYear);
  const [year, setYear] = useState<number>(initialYear);
  const [holidays, setHolidays] = useState(stored ? formatCalendarText(stored.holidays) : '');
  const [makeup, setMakeup] = useState(stored ? stored.makeupWorkdays.join(' ') : '');
  const [source, setSource] = useState(stored?.source ?? '');
  const [importError, setImportError] = useState<string | null>(null);
  const [savedW, setSavedW] = useState<number[] | null>(null);
  const { run, busy } = useApiAction();
  const parsed = parseCalendarText(holidays, makeup);

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportError(null);
    try {
      const json = JSON.parse(await file.text()) as { year?: number; holidays?: { date: string; name: string }[]; makeupWorkdays?: string[]; source?: string };
      if (!Array.isArray(json.holidays) || !Array.isArray(json.makeupWorkdays)) throw new Error('shape');
      if (typeof json.year === 'number') setYear(json.year);
      setHolidays(formatCalendarText(json.holidays));
      setMakeup(json.makeupWorkdays.join(' '));
      setSource(json.source ?? file.name);
    } catch {
      setImportError(t('文件格式不对：应为 JSON，含 year、holidays（[{date, name}]）和 makeupWorkdays（日期列表）。', 'Not a calendar JSON file.'));
    }
  };

  const save = async () => {
    const result = await run(
      'attendance.saveCalendarYear',
      { year, holidays: parsed.holidays, makeupWorkdays: parsed.makeupWorkdays, source },
      t(`已保存 ${year} 年法定日历`, `Saved the ${year} calendar`),
    );
    if (result) {
      setSavedW(result.W);
      onSaved();
    }
  };

  return (
    <Paper withBorder p="md" data-testid="calendar-year-form">
      <Title order={5} mb={4}>
        {t('录入或导入一年的法定日历', "Enter or import a year's calendar")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(
          '按国务院办公厅的放假通知填写：每行一个假日或一段假期；调休上班日（周末上班）另填。保存前会检查日期。',
          "Type the State Council's notice: one holiday or range per line; make-up working days separately.",
        )}
        {stored && t(`（${stored.year} 年由 ${stored.enteredBy ?? ''} 录入）`, ` (entered by ${stored.enteredBy ?? ''})`)}
      </Text>
      <Group align="flex-end" mb="sm">
        <NumberInput label={t('年份', 'Year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={2000} max={2100} w={110} data-testid="calendar-year" />
        <TextInput label={t('依据（文号）', 'Source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} w={260} placeholder="国办发明电〔2026〕X号" maxLength={100} />
        <FileButton onChange={importFile} accept="application/json,.json">
          {(props) => (
            <Button variant="default" {...props}>
              {t('从文件导入…', 'Import file…')}
            </Button>
          )}
        </FileButton>
      </Group>
      {importError && <Alert color="red" mb="sm">{importError}</Alert>}
      {known.includes(year) && (
        <Alert color="yellow" mb="sm">
          {t(`系统中已有 ${year} 年的法定日历。保存会用这里填写的内容整体替换它，请只在核对过国务院通知后更正。`, `${year} is already known; saving replaces it.`)}
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <Textarea
          label={t('法定节假日', 'Public holidays')}
          description={t('如：2027-01-01 元旦 或 2027-02-06~2027-02-14 春节', 'e.g. 2027-01-01 New Year')}
          autosize
          minRows={6}
          value={holidays}
          onChange={(e) => setHolidays(e.currentTarget.value)}
          data-testid="calendar-holidays"
        />
        <Textarea
          label={t('调休上班日（周末上班）', 'Make-up working days')}
          description={t('日期之间用空格、逗号或换行分开', 'Separated by spaces, commas or new lines')}
          autosize
          minRows={6}
          value={makeup}
          onChange={(e) => setMakeup(e.currentTarget.value)}
          data-testid="calendar-makeup"
        />
      </SimpleGrid>
      {parsed.errors.map((e) => (
        <Text key={e} c="red" size="sm" mt={4}>
          {e}
        </Text>
      ))}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {t(`节假日 ${parsed.holidays.length} 天，调休上班 ${parsed.makeupWorkdays.length} 天`, `${parsed.holidays.length} holidays, ${parsed.makeupWorkdays.length} make-up days`)}
        </Text>
        <Button onClick={save} loading={busy} disabled={parsed.errors.length > 0 || parsed.holidays.length === 0} data-testid="calendar-save">
          {t(`保存 ${year} 年日历`, `Save ${year}`)}
        </Button>
      </Group>
      {savedW && (
        <Text size="sm" mt="sm" data-testid="calendar-saved-w">
          {t('各月法定工作日：', 'Working days per month: ')}
          {savedW.map((w, i) => `${i + 1}月 ${w}`).join('，')}
        </Text>
      )}
    </Paper>
  );
}

/** The same screen as a settings tab (设置 → 法定日历), where the calendar error messages point. */
export function LegalCalendarSettings() {
  const { data } = useApiQuery('attendance.calendarStatus', {});
  return data ? <CalendarScreen today={data.today} /> : null;
}
