import { Button, Group, Paper, Select, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ABSENCE_REASONS, type AbsenceReason, STATUS_LABELS } from '../../core/attendance';
import { addDays } from '../../core/calendar/dates';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useSession } from '../app/session';
import { useLang, useT } from '../i18n';
import { ClassSelect, DateRangeFields, useClassOptions } from './shared';

/** A parent phones in: leave for a range of days, entered ahead; only legal working days are recorded. */
export function LeaveForm({ today }: { today: string }) {
  const t = useT();
  const { lang } = useLang();
  const { actor } = useSession();
  const options = useClassOptions();
  const [classId, setClassId] = useState<number | null>(actor.role === 'teacher' ? actor.classId : null);
  useEffect(() => {
    if (classId === null && options[0]) setClassId(Number(options[0].value));
  }, [classId, options]);
  const { data: kids } = useApiQuery('attendance.classChildren', { classId: classId ?? 0 }, { enabled: classId !== null });
  const [childId, setChildId] = useState<string | null>(null);
  const [firstDate, setFirstDate] = useState(addDays(today, 1));
  const [lastDate, setLastDate] = useState(addDays(today, 5));
  const [status, setStatus] = useState<AbsenceReason>('sick');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { run, busy } = useApiAction();

  const submit = async () => {
    if (!childId) return;
    const result = await run('attendance.recordLeave', { childId: Number(childId), firstDate, lastDate, status, note });
    if (result) {
      const name = kids?.find((k) => String(k.id) === childId)?.name ?? '';
      setDone(
        t(
          `已为${name}登记${STATUS_LABELS[status].zh} ${result.days.length} 天：${result.days.join('、')}（周末、节假日和停课日不计）。`,
          `${STATUS_LABELS[status].en} leave recorded for ${name} on ${result.days.length} working days: ${result.days.join(', ')} (weekends, public holidays and closures not counted).`,
        ),
      );
      setNote('');
    }
  };

  return (
    <Paper withBorder p="md" maw={760}>
      <Title order={4} mb="xs">
        {t('请假登记', 'Leave')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('家长来电请假时，在这里一次登记一段日期。只记法定工作日；当天点名时会显示为已请假。', 'Enter leave for a date range ahead; only legal working days are recorded.')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <ClassSelect value={classId} onChange={(v) => { setClassId(v); setChildId(null); }} />
        <Select
          label={t('幼儿', 'Child')}
          searchable
          data={(kids ?? []).map((k) => ({ value: String(k.id), label: `${k.name} ${k.initials}` }))}
          value={childId}
          onChange={setChildId}
          placeholder={t('输入姓名或拼音首字母', 'Name or initials')}
          w={200}
          data-testid="leave-child"
        />
        <DateRangeFields
          first={firstDate}
          last={lastDate}
          onChange={(first, last) => {
            setFirstDate(first);
            setLastDate(last);
          }}
          testId="leave"
        />
        <Select
          label={t('原因', 'Reason')}
          data={ABSENCE_REASONS.map((r) => ({ value: r, label: lang === 'en' ? STATUS_LABELS[r].en : STATUS_LABELS[r].zh }))}
          value={status}
          onChange={(v) => v && setStatus(v as AbsenceReason)}
          allowDeselect={false}
          w={110}
          data-testid="leave-reason"
        />
        <TextInput label={t('备注', 'Note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={100} w={180} placeholder={t('如：水痘隔离', 'e.g. chickenpox')} />
        <Button onClick={submit} loading={busy} disabled={!childId} data-testid="leave-submit">
          {t('登记请假', 'Record leave')}
        </Button>
      </Group>
      {done && (
        <Text mt="md" c="teal" data-testid="leave-done">
          {done}
        </Text>
      )}
    </Paper>
  );
}
