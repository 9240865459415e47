import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, SimpleGrid, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ATTENDANCE_STATUSES, type AttendanceStatus, STATUS_LABELS } from '../../core/attendance';
import { localDateTime, nextMonth, prevMonth } from '../../core/calendar/dates';
import { useApiAction, useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLang, useT } from '../i18n';
import { DAY_KIND_LABELS, STATUS_COLORS, StatusBadge, statusText, weekdayName, weekdayOf, weekHeadings } from './shared';

/** One child's month: every day, the month's figures, corrections and their history. */
export function ChildMonth({ childId, month }: { childId: number; month: string }) {
  const t = useT();
  const { lang } = useLang();
  const canWrite = useCan('principal', 'front_desk', 'teacher');
  const { data, error, reload } = useApiQuery('attendance.childMonth', { childId, month });
  const [editing, setEditing] = useState<string | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const s = data.summary;
  const editDay = data.days.find((d) => d.date === editing);
  const firstWeekday = (weekdayOf(`${month}-01`) + 6) % 7;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Group>
          <Anchor size="sm" onClick={() => navigate(`/attendance/month?month=${month}&class=${data.child.classId}`)}>
            {t('← 返回月度汇总', '← Monthly summary')}
          </Anchor>
          <Title order={3}>{`${data.child.name} · ${data.child.className}`}</Title>
          {data.settled && <Badge color="red">{t('本月已结算', 'Settled')}</Badge>}
        </Group>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => navigate(`/attendance/child/${childId}/${prevMonth(month)}`)}>
            {t('上个月', 'Previous')}
          </Button>
          <Text fw={600}>{month}</Text>
          <Button variant="default" size="xs" onClick={() => navigate(`/attendance/child/${childId}/${nextMonth(month)}`)}>
            {t('下个月', 'Next')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="sm" mb="md" data-testid="child-summary">
        <Group gap="lg">
          <Text size="sm" c="dimmed">{t('退费所用：', 'Used for refunds:')}</Text>
          <Text fw={600}>{t(`在园天数 ${s.present}`, `Days present ${s.present}`)}</Text>
          <Text fw={600}>{t(`停课天数 ${s.closureDays}`, `Closure days ${s.closureDays}`)}</Text>
          <Text fw={600}>{t(`法定工作日 ${s.W}`, `Legal working days ${s.W}`)}</Text>
        </Group>
        <Group gap="lg" mt={4}>
          <Text size="sm" c="dimmed">{t('其余：', 'Other days:')}</Text>
          <Text size="sm">{t(`病假 ${s.sick}`, `Sick ${s.sick}`)}</Text>
          <Text size="sm">{t(`事假 ${s.personal}`, `Personal ${s.personal}`)}</Text>
          <Text size="sm">{t(`其他 ${s.other}`, `Other ${s.other}`)}</Text>
          <Text size="sm">{t(`园内假期 ${s.ownHolidayDays}`, `Own holiday ${s.ownHolidayDays}`)}</Text>
          <Text size="sm" c={s.unrecorded ? 'orange' : undefined}>{t(`未点名 ${s.unrecorded}`, `No roll call yet ${s.unrecorded}`)}</Text>
        </Group>
      </Paper>

      <SimpleGrid cols={7} spacing={4} mb="lg">
        {weekHeadings(lang).map((w) => (
          <Text key={w} ta="center" size="xs" c="dimmed">
            {w}
          </Text>
        ))}
        {firstWeekday > 0 && <div style={{ gridColumn: `span ${firstWeekday}` }} />}
        {data.days.map((d) => {
          const clickable = canWrite && d.working && d.enrolled && !d.closure;
          return (
            <UnstyledButton
              key={d.date}
              disabled={!clickable}
              onClick={() => setEditing(d.date)}
              data-testid={`day-${d.date}`}
              style={{
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 6,
                padding: 6,
                minHeight: 64,
                background: d.working ? undefined : 'var(--mantine-color-gray-1)',
                cursor: clickable ? 'pointer' : 'default',
              }}
            >
              <Group justify="space-between" gap={2}>
                <Text size="sm" fw={600}>
                  {Number(d.date.slice(8))}
                </Text>
                {d.changes > 0 && (
                  <Badge size="xs" color="orange" variant="light">
                    {t('已更正', 'edited')}
                  </Badge>
                )}
              </Group>
              {!d.working ? (
                <Text size="xs" c="dimmed">
                  {d.holidayName ?? (lang === 'en' ? DAY_KIND_LABELS[d.kind][1] : DAY_KIND_LABELS[d.kind][0])}
                </Text>
              ) : d.closure ? (
                <Badge size="sm" color="yellow">
                  {d.closure.kind === 'suspension' ? t('停课', 'Closed') : t('园内假期', 'Own holiday')}
                </Badge>
              ) : !d.enrolled ? (
                <Text size="xs" c="dimmed">{t('不在园', 'Not enrolled')}</Text>
              ) : (
                <StatusBadge status={d.status} />
              )}
              {d.note && (
                <Text size="xs" c="dimmed" truncate>
                  {d.note}
                </Text>
              )}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>

      <Title order={4} mb="xs">
        {t('更正记录', 'Correction history')}
      </Title>
      {data.history.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('本月没有更正。点击某一天可以更正，原值会保留在这里。', 'No corrections this month. Click a day to correct it; the old value is kept here.')}
        </Text>
      ) : (
        <Table data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('日期', 'Day')}</Table.Th>
              <Table.Th>{t('原记录', 'Old')}</Table.Th>
              <Table.Th>{t('改为', 'New')}</Table.Th>
              <Table.Th>{t('原因', 'Reason')}</Table.Th>
              <Table.Th>{t('操作人', 'By')}</Table.Th>
              <Table.Th>{t('时间', 'When')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.date}</Table.Td>
                <Table.Td>{`${statusText(h.oldStatus, lang)}${h.oldNote ? `（${h.oldNote}）` : ''}`}</Table.Td>
                <Table.Td>{`${statusText(h.newStatus, lang)}${h.newNote ? `（${h.newNote}）` : ''}`}</Table.Td>
                <Table.Td>{h.reason}</Table.Td>
                <Table.Td>{h.changedBy}</Table.Td>
                <Table.Td>{localDateTime(h.changedAt)}</Table.Td>
                <Table.Td>
                  {h.afterSettlement ? (
                    <Badge color={h.handledAt ? 'gray' : 'red'}>{h.handledAt ? t('已结算更正', 'Handled') : t('结算后更正，待收费处理', 'After settlement')}</Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={editDay !== undefined} onClose={() => setEditing(null)} title={editing ? t(`更正 ${editing}（${weekdayName(editing, 'zh')}）`, `Correct ${editing} (${weekdayName(editing, 'en')})`) : ''}>
        {editDay && (
          <CorrectionForm
            childId={childId}
            date={editDay.date}
            current={editDay.status}
            currentNote={editDay.note}
            settled={data.settled}
            onDone={() => {
              setEditing(null);
              void reload();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function CorrectionForm(props: { childId: number; date: string; current: AttendanceStatus | null; currentNote: string; settled: boolean; onDone(): void }) {
  const t = useT();
  const { lang } = useLang();
  const [status, setStatus] = useState<AttendanceStatus>(props.current ?? 'present');
  const [note, setNote] = useState(props.currentNote);
  const [reason, setReason] = useState('');
  const { run, busy } = useApiAction();
  const save = async () => {
    const result = await run('attendance.correct', { childId: props.childId, date: props.date, status, note, reason }, t('已保存，原记录保留在更正记录中', 'Saved; the old value is kept'));
    if (result) props.onDone();
  };
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text size="sm" mb="xs">
        {t(`现在：${statusText(props.current, lang)}${props.currentNote ? `（${props.currentNote}）` : ''}`, `Now: ${statusText(props.current, lang)}`)}
      </Text>
      {props.settled && (
        <Alert color="red" mb="sm">
          {t('这个月已经结算。更正会保存，并提醒收费处做结算更正。', 'This month is settled: billing will be told to correct the settlement.')}
        </Alert>
      )}
      <SegmentedControl
        fullWidth
        value={status}
        onChange={(v) => setStatus(v as AttendanceStatus)}
        color={STATUS_COLORS[status]}
        data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: lang === 'en' ? STATUS_LABELS[s].en : STATUS_LABELS[s].zh }))}
        mb="sm"
        data-testid="correct-status"
      />
      <TextInput label={t('备注', 'Note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={100} mb="sm" />
      <TextInput label={t('更正原因', 'Reason for the correction')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={100} data-autofocus placeholder={t('如：家长补交病假条', 'e.g. sick note handed in')} mb="md" data-testid="correct-reason" />
      <Group justify="flex-end">
        <Button type="submit" loading={busy} data-testid="correct-save">
          {t('保存更正', 'Save correction')}
        </Button>
      </Group>
    </form>
  );
}
