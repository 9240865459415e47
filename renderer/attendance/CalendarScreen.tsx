import { Alert, Badge, Button, FileButton, Group, NumberInput, Paper, SimpleGrid, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CalendarDataError, LegalCalendar } from '../../core/calendar';
import { useState } from 'react';
import { formatCalendarText, parseCalendarText, parseNoticeText } from '../../core/attendance';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useCan } from '../app/session';
import { useLang, useT } from '../i18n';
import { announceCalendarChange, DAY_KIND_LABELS, MonthField, useCalendarChanges, weekdayOf, weekHeadings } from './shared';

const KIND_COLORS = { workday: undefined, weekend: 'var(--mantine-color-gray-1)', holiday: 'var(--mantine-color-red-0)', makeup_workday: 'var(--mantine-color-blue-0)' };

/** The legal calendar month by month, and entering or importing a year the bundled data does not cover. */
export function CalendarScreen({ today }: { today: string }) {
  const t = useT();
  const [month, setMonth] = useState(today.slice(0, 7));
  const status = useApiQuery('attendance.calendarStatus', {});
  useCalendarChanges(status.reload);
  const canEdit = useCan('principal', 'front_desk');
  const known = status.data?.knownYears ?? [];
  return (
    <>
      <Group align="flex-end" mb="md">
        <MonthField value={month} onChange={setMonth} testId="calendar-month" />
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
          onSaved={announceCalendarChange}
          custom={status.data.customYears}
        />
      )}
    </>
  );
}

function MonthGrid({ month }: { month: string }) {
  const t = useT();
  const canEdit = useCan('principal', 'front_desk');
  const { lang } = useLang();
  const { data, reload } = useApiQuery('attendance.calendarMonth', { month });
  useCalendarChanges(reload);
  if (!data) return null;
  if (!data.known) {
    return (
      <Alert color="orange" title={t(`没有 ${data.year} 年的法定日历`, `No calendar for ${data.year}`)} mb="md" data-testid="calendar-missing">
        {canEdit
          ? t(`请在下方录入 ${data.year} 年的放假与调休安排（可直接粘贴国务院办公厅的通知原文）。`, `Enter the ${data.year} holidays below (you can paste the State Council notice).`)
          : t(`请园长或前台录入 ${data.year} 年的放假与调休安排。`, `Ask the principal or front desk to enter the ${data.year} holidays.`)}
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
        {weekHeadings(lang).map((w) => (
          <Text key={w} ta="center" size="xs" c="dimmed">
            {w}
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
  const { lang } = useLang();
  const initial = custom.find((c) => c.year === initialYear);
  const [year, setYear] = useState<number>(initialYear);
  const [holidays, setHolidays] = useState(initial ? formatCalendarText(initial.holidays) : '');
  const [makeup, setMakeup] = useState(initial ? initial.makeupWorkdays.join(' ') : '');
  const [source, setSource] = useState(initial?.source ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [savedW, setSavedW] = useState<number[] | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<number | null>(null);
  const { run, busy } = useApiAction();
  const parsed = parseCalendarText(holidays, makeup);
  const stored = custom.find((c) => c.year === year);

  const load = (entry: CustomYear) => {
    setYear(entry.year);
    setHolidays(formatCalendarText(entry.holidays));
    setMakeup(entry.makeupWorkdays.join(' '));
    setSource(entry.source);
    setSavedW(null);
  };
  // Choosing a year entered before shows what was entered, ready to correct and save again.
  const chooseYear = (value: number) => {
    const entry = custom.find((c) => c.year === value);
    if (entry) load(entry);
    else setYear(value);
  };

  const readNotice = () => {
    const result = parseNoticeText(year, notice ?? '');
    if (result.errors.length > 0) return setImportError(result.errors.join(' '));
    setImportError(null);
    setHolidays(formatCalendarText(result.holidays));
    setMakeup(result.makeupWorkdays.join(' '));
    if (!source) setSource(t(`国务院办公厅关于${year}年部分节假日安排的通知`, `State Council notice on the ${year} holidays`));
    setNotice(null);
  };

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
      setImportError(t('文件格式不对：应为 JSON，含 year、holidays（[{date, name}]）和 makeupWorkdays（日期列表）。', 'Not a calendar JSON file (year, holidays [{date, name}], makeupWorkdays).'));
    }
  };

  // The month-by-month working days before saving, so staff can compare with the notice; the same check the backend makes.
  let preview: { W: number[] } | { error: string } | null = null;
  if (parsed.errors.length === 0 && parsed.holidays.length > 0) {
    try {
      const calendar = new LegalCalendar([{ year, holidays: parsed.holidays, makeupWorkdays: parsed.makeupWorkdays }], false);
      preview = { W: Array.from({ length: 12 }, (_, i) => calendar.legalWorkingDays(`${year}-${String(i + 1).padStart(2, '0')}`)) };
    } catch (error) {
      preview = { error: error instanceof CalendarDataError ? (lang === 'en' ? error.message : error.messageZh) : String(error) };
    }
  }

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

  const remove = async (entry: CustomYear) => {
    setConfirmRemove(null);
    const result = await run('attendance.removeCalendarYear', { year: entry.year });
    if (result) {
      notifications.show({
        color: 'green',
        message: result.bundled
          ? t(`已删除录入的 ${entry.year} 年日历，改用系统内置数据。`, `Removed; the built-in ${entry.year} calendar is used again.`)
          : t(`已删除录入的 ${entry.year} 年日历。`, `Removed the ${entry.year} calendar.`),
      });
      onSaved();
    }
  };

  const W = savedW ?? (preview && 'W' in preview ? preview.W : null);

  return (
    <Paper withBorder p="md" data-testid="calendar-year-form">
      <Title order={5} mb={4}>
        {t('录入一年的法定日历', "Enter a year's legal calendar")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(
          '国务院办公厅每年公布下一年的放假安排。最简单：点“粘贴通知原文”，把通知正文粘进去，系统自动识别；也可以手工填写：每行一个假日或一段假期，调休上班日（周末上班）另填。保存前请核对下面的各月法定工作日。同一年再次保存会整体替换原来的内容。',
          "The State Council publishes next year's holidays each year. Easiest: “Paste the notice” and the dates are read for you; or type them: one holiday or range per line, make-up working days apart. Check the working days per month before saving. Saving a year again replaces it.",
        )}
      </Text>

      {custom.length > 0 && (
        <Table mb="sm" data-testid="custom-years">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('已录入的年份', 'Entered years')}</Table.Th>
              <Table.Th>{t('依据', 'Source')}</Table.Th>
              <Table.Th>{t('录入人', 'By')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {custom.map((c) => (
              <Table.Tr key={c.year}>
                <Table.Td>{c.year}</Table.Td>
                <Table.Td>{c.source}</Table.Td>
                <Table.Td>{`${c.enteredBy ?? ''} ${c.enteredAt.slice(0, 10)}`}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => load(c)}>
                      {t('修改', 'Edit')}
                    </Button>
                    {confirmRemove === c.year ? (
                      <>
                        <Button size="compact-xs" color="red" onClick={() => remove(c)} loading={busy}>
                          {t('确定删除', 'Remove')}
                        </Button>
                        <Button size="compact-xs" variant="default" onClick={() => setConfirmRemove(null)}>
                          {t('取消', 'Cancel')}
                        </Button>
                      </>
                    ) : (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirmRemove(c.year)}>
                        {t('删除', 'Remove')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Group align="flex-end" mb="sm">
        <NumberInput label={t('年份', 'Year')} value={year} onChange={(v) => typeof v === 'number' && chooseYear(v)} min={2000} max={2100} w={110} data-testid="calendar-year" />
        <TextInput label={t('依据（通知名称或文号）', 'Source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} w={300} placeholder="国办发明电〔2026〕X号" maxLength={100} />
        <Button variant="light" onClick={() => setNotice(notice === null ? '' : null)} data-testid="calendar-paste-notice">
          {t('粘贴通知原文…', 'Paste the notice…')}
        </Button>
        <FileButton onChange={importFile} accept="application/json,.json">
          {(props) => (
            <Button variant="default" {...props}>
              {t('从文件导入（JSON）…', 'Import a JSON file…')}
            </Button>
          )}
        </FileButton>
      </Group>
      {notice !== null && (
        <Paper withBorder p="sm" mb="sm" bg="var(--mantine-color-gray-0)">
          <Textarea
            label={t(`国务院办公厅关于 ${year} 年部分节假日安排的通知（正文）`, `The State Council notice for ${year} (text)`)}
            description={t('从政府网站复制“一、元旦：……”到最后一项，粘贴在这里。', 'Copy from “一、元旦：……” to the last item and paste it here.')}
            autosize
            minRows={5}
            value={notice}
            onChange={(e) => setNotice(e.currentTarget.value)}
            data-autofocus
            data-testid="calendar-notice"
          />
          <Group justify="flex-end" mt="xs">
            <Button onClick={readNotice} data-testid="calendar-read-notice">
              {t('识别并填入', 'Read the dates')}
            </Button>
          </Group>
        </Paper>
      )}
      {importError && (
        <Alert color="red" mb="sm">
          {importError}
        </Alert>
      )}
      {known.includes(year) && (
        <Alert color="yellow" mb="sm">
          {stored
            ? t(`${year} 年是${stored.enteredBy ?? ''}录入的。再次保存会用这里的内容整体替换它。`, `${year} was entered by ${stored.enteredBy ?? ''}; saving replaces it.`)
            : t(`系统内置了 ${year} 年的法定日历。保存会用这里填写的内容替换它，请只在核对过国务院通知后更正。`, `${year} is built in; saving replaces it. Only correct it against the State Council notice.`)}
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <Textarea
          label={t('法定节假日', 'Public holidays')}
          description={t('如：2027-01-01 元旦 或 2027-02-06~2027-02-14 春节', 'e.g. 2027-01-01 元旦 or 2027-02-06~2027-02-14 春节')}
          autosize
          minRows={6}
          value={holidays}
          onChange={(e) => setHolidays(e.currentTarget.value)}
          data-testid="calendar-holidays"
        />
        <Textarea
          label={t('调休上班日（周末上班）', 'Make-up working days (weekends worked)')}
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
      {preview && 'error' in preview && (
        <Text c="red" size="sm" mt={4}>
          {preview.error}
        </Text>
      )}
      {W && (
        <Text size="sm" mt="sm" data-testid={savedW ? 'calendar-saved-w' : 'calendar-preview-w'}>
          {savedW ? t(`已保存。${year} 年各月法定工作日：`, `Saved. Working days per month in ${year}: `) : t(`${year} 年各月法定工作日（请与通知核对）：`, `Working days per month in ${year} (check against the notice): `)}
          {W.map((w, i) => (lang === 'en' ? `${MONTHS_EN[i]} ${w}` : `${i + 1}月 ${w}`)).join(lang === 'en' ? ', ' : '，')}
        </Text>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {t(`节假日 ${parsed.holidays.length} 天，调休上班 ${parsed.makeupWorkdays.length} 天`, `${parsed.holidays.length} holidays, ${parsed.makeupWorkdays.length} make-up days`)}
        </Text>
        <Button onClick={save} loading={busy} disabled={parsed.errors.length > 0 || parsed.holidays.length === 0 || (preview !== null && 'error' in preview)} data-testid="calendar-save">
          {t(`保存 ${year} 年日历`, `Save ${year}`)}
        </Button>
      </Group>
    </Paper>
  );
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The same screen as a settings tab (设置 → 法定日历), where the calendar error messages point. */
export function LegalCalendarSettings() {
  const { data } = useApiQuery('attendance.calendarStatus', {});
  return data ? <CalendarScreen today={data.today} /> : null;
}
