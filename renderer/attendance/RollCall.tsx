import { ActionIcon, Alert, Badge, Button, Group, Kbd, Paper, SegmentedControl, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconHistory, IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ATTENDANCE_STATUSES, type AttendanceStatus, STATUS_LABELS } from '../../core/attendance';
import { addDays } from '../../core/calendar/dates';
import { useApiAction, useApiQuery } from '../api/hooks';
import { currentQuery, navigate } from '../app/router';
import { useSession } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLang, useT } from '../i18n';
import { ClassSelect, DateField, DAY_KIND_LABELS, STATUS_COLORS, useClassOptions, weekdayName } from './shared';

interface Mark {
  status: AttendanceStatus;
  note: string;
}

/** Keys 1-4 set the status of the highlighted child, in the order shown. */
const KEY_STATUS: Record<string, AttendanceStatus> = { '1': 'present', '2': 'sick', '3': 'personal', '4': 'other' };

function matches(child: { name: string; initials: string; pinyin: string }, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return child.name.includes(q) || child.initials.toLowerCase().startsWith(q) || child.pinyin.toLowerCase().replace(/\s/g, '').startsWith(q);
}

/**
 * The morning roll call: everyone present unless marked otherwise. Keyboard:
 * type a name or pinyin initials to find a child, ↑/↓ to move, 1-4 to mark
 * (出勤/病假/事假/其他), Tab to the note, Enter to save.
 */
export function RollCall({ today }: { today: string }) {
  const t = useT();
  const { lang } = useLang();
  const { actor } = useSession();
  const options = useClassOptions();
  // The home screen links to one class's roll call (`#/attendance/roll?class=3`).
  const [classId, setClassId] = useState<number | null>(actor.role === 'teacher' ? actor.classId : Number(currentQuery().get('class')) || null);
  const [date, setDate] = useState(today);
  useEffect(() => {
    if (classId === null && options[0]) setClassId(Number(options[0].value));
  }, [classId, options]);

  if (classId === null) {
    return options.length === 0 ? (
      <EmptyState title={t('还没有班级', 'No classes yet')}>{t('请先在“设置 → 班级”中添加班级。', 'Add classes in Settings first.')}</EmptyState>
    ) : null;
  }
  return (
    <>
      <Group align="flex-end" mb="md">
        <ClassSelect value={classId} onChange={(v) => v !== null && setClassId(v)} />
        <Group gap={4} align="flex-end">
          <ActionIcon variant="default" size="lg" onClick={() => setDate(addDays(date, -1))} aria-label={t('前一天', 'Previous day')}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <DateField label={t('日期', 'Date')} value={date} maxDate={today} onChange={setDate} testId="roll-date" />
          <ActionIcon variant="default" size="lg" onClick={() => setDate(addDays(date, 1))} aria-label={t('后一天', 'Next day')} disabled={date >= today}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
        {date !== today && (
          <Button variant="subtle" onClick={() => setDate(today)}>
            {t('回到今天', 'Today')}
          </Button>
        )}
      </Group>
      <RollCallSheet key={`${classId}/${date}`} classId={classId} date={date} lang={lang} />
    </>
  );
}

function RollCallSheet({ classId, date, lang }: { classId: number; date: string; lang: 'zh' | 'en' }) {
  const t = useT();
  const { data, error, loading, reload } = useApiQuery('attendance.rollCall', { classId, date });
  const { run, busy } = useApiAction();
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [reason, setReason] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const noteRefs = useRef<Record<number, HTMLInputElement | null>>({});
  // Tab from the search box goes to the note of the child just marked absent ("wzx 2 Tab 发烧 Enter").
  const [lastMarked, setLastMarked] = useState<number | null>(null);

  useEffect(() => {
    if (!data) return;
    setMarks(Object.fromEntries(data.children.map((c) => [c.id, { status: c.status ?? 'present', note: c.note }])));
  }, [data]);

  const visible = useMemo(() => (data?.children ?? []).filter((c) => matches(c, query)), [data, query]);
  const recordedBefore = (data?.children ?? []).some((c) => c.status !== null);
  const corrections = (data?.children ?? []).filter((c) => c.status !== null && (marks[c.id]?.status !== c.status || marks[c.id]?.note !== c.note));
  const counts = useMemo(() => {
    const out: Record<AttendanceStatus, number> = { present: 0, sick: 0, personal: 0, other: 0 };
    for (const m of Object.values(marks)) out[m.status]++;
    return out;
  }, [marks]);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <Text c="dimmed">{t('正在载入…', 'Loading…')}</Text> : null;

  const dayLabel = lang === 'en' ? `${date} (${weekdayName(date, 'en')})` : `${date}（${weekdayName(date, 'zh')}）`;
  if (!data.workingDay) {
    const [zh, en] = DAY_KIND_LABELS[data.day.kind];
    return (
      <Alert color="gray" title={t(`${dayLabel} 不是法定工作日`, `${date} is not a legal working day`)} data-testid="not-working-day">
        {t(`这一天是${data.day.holidayName ?? zh}，不记考勤。`, `It is a ${data.day.holidayName ?? en}; no roll call.`)}
      </Alert>
    );
  }
  if (data.closure) {
    return (
      <Alert
        color="yellow"
        title={t(`${dayLabel} ${data.closure.kind === 'suspension' ? '停课' : '园内假期'}`, `${dayLabel}: ${data.closure.kind === 'suspension' ? 'suspension' : 'own holiday'}`)}
        data-testid="closure-day"
      >
        {data.closure.reason}
        {data.closure.kind === 'suspension'
          ? t('。当天不记考勤；停课天数计入退费（按法定工作日比例退保教费）。', '. No roll call on this day; suspension days are refunded pro rata.')
          : t('。当天不记考勤；园内假期不计入退费。', '. No roll call on this day; own holidays are not refunded.')}
      </Alert>
    );
  }
  if (data.children.length === 0) {
    return <EmptyState title={t('这个班当天没有在园幼儿', 'No children enrolled')}>{t('请先在“幼儿与家长”中为班级添加幼儿。', 'Add children to the class first.')}</EmptyState>;
  }

  const setMark = (childId: number, patch: Partial<Mark>) =>
    setMarks((m) => ({ ...m, [childId]: { ...(m[childId] ?? { status: 'present', note: '' }), ...patch } }));

  const save = async () => {
    const result = await run(
      'attendance.saveRollCall',
      {
        classId,
        date,
        entries: data.children.map((c) => ({ childId: c.id, status: marks[c.id]?.status ?? 'present', note: marks[c.id]?.note ?? '' })),
        reason,
      },
      t(
        `已保存 ${data.className} ${date} 点名：出勤 ${counts.present}，病假 ${counts.sick}，事假 ${counts.personal}，其他 ${counts.other}`,
        `Saved ${data.className} ${date}: ${counts.present} present, ${counts.sick} sick, ${counts.personal} personal, ${counts.other} other`,
      ),
    );
    if (result) {
      setReason('');
      await reload();
      filterRef.current?.focus();
    }
  };

  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const current = visible[Math.min(active, visible.length - 1)];
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, visible.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (KEY_STATUS[e.key] && current) {
      e.preventDefault();
      setMark(current.id, { status: KEY_STATUS[e.key] });
      setLastMarked(current.id);
      if (query) {
        // Found by name: clear the search for the next child.
        setQuery('');
        setActive(0);
      } else setActive((a) => Math.min(a + 1, visible.length - 1));
    } else if (e.key === 'Tab' && !e.shiftKey) {
      const note = noteRefs.current[lastMarked ?? current?.id ?? -1];
      if (note) {
        e.preventDefault();
        note.focus();
      }
    } else if (e.key === 'Escape') {
      setQuery('');
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    }
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{`${data.className} · ${dayLabel}`}</Text>
          {data.day.kind === 'makeup_workday' && <Badge color="blue">{data.day.holidayName ?? t('调休上班', 'Make-up day')}</Badge>}
          {recordedBefore ? <Badge color="teal" variant="light">{t('已点名，可更正', 'Taken; corrections kept')}</Badge> : <Badge color="gray" variant="light">{t('尚未点名，默认全部出勤', 'Not taken: all present by default')}</Badge>}
          {data.settled && <Badge color="red">{t('该月已结算，更正将通知收费', 'Settled month: billing will be told')}</Badge>}
        </Group>
        <Group gap="xs" data-testid="roll-counts">
          <Text size="sm">{t(`应到 ${data.children.length}`, `${data.children.length} enrolled`)}</Text>
          {ATTENDANCE_STATUSES.map((s) => (
            <Badge key={s} color={STATUS_COLORS[s]} variant={s === 'present' ? 'filled' : 'light'}>
              {`${lang === 'en' ? STATUS_LABELS[s].en : STATUS_LABELS[s].zh} ${counts[s]}`}
            </Badge>
          ))}
        </Group>
      </Group>

      <Group align="flex-end" mb="xs">
        <TextInput
          ref={filterRef}
          autoFocus
          leftSection={<IconSearch size={14} />}
          label={t('找幼儿（姓名或拼音首字母）', 'Find a child (name or pinyin)')}
          placeholder={t('如 wzx', 'e.g. wzx')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value.replace(/[1-4]/g, ''));
            setActive(0);
          }}
          onKeyDown={onFilterKey}
          w={260}
          data-testid="roll-filter"
        />
        <Text size="xs" c="dimmed" pb={6}>
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('选择', 'move')} · <Kbd>1</Kbd> {t('出勤', 'present')} <Kbd>2</Kbd> {t('病假', 'sick')} <Kbd>3</Kbd>{' '}
          {t('事假', 'personal')} <Kbd>4</Kbd> {t('其他', 'other')} · <Kbd>Tab</Kbd> {t('写备注', 'note')} · <Kbd>Enter</Kbd> {t('保存', 'save')}
        </Text>
      </Group>

      <Table striped highlightOnHover verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th w={110}>{t('姓名', 'Name')}</Table.Th>
            <Table.Th w={300}>{t('考勤', 'Status')}</Table.Th>
            <Table.Th>{t('备注', 'Note')}</Table.Th>
            <Table.Th w={170}>{t('记录', 'Recorded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((c, i) => {
            const mark = marks[c.id] ?? { status: 'present' as const, note: '' };
            const changed = c.status !== null && (mark.status !== c.status || mark.note !== c.note);
            return (
              <Table.Tr
                key={c.id}
                data-testid={`roll-row-${c.name}`}
                data-status={mark.status}
                bg={i === active ? 'var(--mantine-color-blue-light)' : undefined}
                onClick={() => setActive(i)}
              >
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td fw={500}>
                  {c.name}
                  {changed && (
                    <Badge ml={4} size="xs" color="orange">
                      {t('更正', 'edit')}
                    </Badge>
                  )}
                  {c.healthNotes && (
                    <Text size="xs" fw={400} c="red.8" miw={200} maw={320} data-testid="roll-health-notes" style={{ overflowWrap: 'anywhere' }}>
                      <IconAlertTriangle size={11} style={{ verticalAlign: -1, marginRight: 2 }} />
                      {c.healthNotes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    value={mark.status}
                    onChange={(v) => setMark(c.id, { status: v as AttendanceStatus })}
                    color={STATUS_COLORS[mark.status]}
                    data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: lang === 'en' ? STATUS_LABELS[s].en : STATUS_LABELS[s].zh }))}
                    aria-label={`${c.name} ${t('考勤', 'status')}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={mark.note}
                    placeholder={mark.status === 'present' ? '' : t('如：发烧、回老家', 'e.g. fever')}
                    onChange={(e) => setMark(c.id, { note: e.currentTarget.value })}
                    ref={(el) => {
                      noteRefs.current[c.id] = el;
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        setLastMarked(null);
                        filterRef.current?.focus();
                      }
                    }}
                    aria-label={`${c.name} ${t('备注', 'note')}`}
                    maxLength={100}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      {c.recordedBy ?? (c.status ? '' : t('未记录', 'not yet'))}
                    </Text>
                    {c.changes > 0 && (
                      <Tooltip label={t(`更正过 ${c.changes} 次，点击查看记录`, `Corrected ${c.changes}×; view history`)}>
                        <ActionIcon
                          size="sm"
                          variant="light"
                          color="orange"
                          onClick={() => navigate(`/attendance/child/${c.id}/${date.slice(0, 7)}`)}
                          aria-label={t('更正记录', 'History')}
                        >
                          <IconHistory size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {visible.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {t('没有找到这个名字，按 Esc 清除搜索。', 'No match; press Esc to clear.')}
        </Text>
      )}

      <Group justify="flex-end" mt="md" align="flex-end">
        {corrections.length > 0 && (
          <TextInput
            label={t(`更正原因（更正 ${corrections.length} 人，可不填）`, `Reason for ${corrections.length} correction(s)`)}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={280}
            maxLength={100}
          />
        )}
        <Button onClick={save} loading={busy} data-testid="save-roll-call">
          {recordedBefore ? t('保存更正', 'Save corrections') : t('保存点名', 'Save roll call')}
        </Button>
      </Group>
    </Paper>
  );
}
