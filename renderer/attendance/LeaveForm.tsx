import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ABSENCE_REASONS, type AbsenceReason, STATUS_LABELS } from '../../core/attendance';
import { addDays } from '../../core/calendar/dates';
import { useApiQuery, useSubmit } from '../api/hooks';
import { useLang, useT } from '../i18n';
import { DateRangeFields } from './shared';
import { UpcomingLeave } from './UpcomingLeave';

interface Candidate {
  id: number;
  name: string;
  initials: string;
  pinyin: string;
  className: string;
}

/** 王小明, wxm, wangxiaoming: how staff type a name in the one box. */
export function childMatches(child: Pick<Candidate, 'name' | 'initials' | 'pinyin'>, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s/g, '');
  if (q === '') return true;
  return child.name.includes(q) || child.initials.toLowerCase().startsWith(q) || child.pinyin.toLowerCase().replace(/\s/g, '').startsWith(q);
}

/**
 * A parent phones in: pick the child by name or initials (Enter takes the
 * first match, no class to choose first), the days and the reason. Only
 * legal working days are recorded; the leave ahead is listed below, where it
 * can be cancelled.
 */
export function LeaveForm({ today }: { today: string }) {
  const t = useT();
  const { lang } = useLang();
  const { data: kids } = useApiQuery('attendance.leaveChildren', {});
  const [childId, setChildId] = useState<string | null>(null);
  const [firstDate, setFirstDate] = useState(addDays(today, 1));
  const [lastDate, setLastDate] = useState(addDays(today, 5));
  const [status, setStatus] = useState<AbsenceReason>('sick');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const { submit, busy, fieldError } = useSubmit();
  const byId = new Map((kids ?? []).map((k) => [String(k.id), k]));

  const record = async () => {
    if (!childId) return;
    setDone(null);
    const result = await submit('attendance.recordLeave', { childId: Number(childId), firstDate, lastDate, status, note });
    if (result) {
      const name = byId.get(childId)?.name ?? '';
      setDone(
        t(
          `已为${name}登记${STATUS_LABELS[status].zh} ${result.days.length} 天：${result.days.join('、')}（周末、节假日和停课日不计）。`,
          `${STATUS_LABELS[status].en} leave recorded for ${name} on ${result.days.length} working days: ${result.days.join(', ')} (weekends, public holidays and closures not counted).`,
        ),
      );
      setNote('');
      setListVersion((v) => v + 1);
    }
  };

  return (
    <Stack maw={880}>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('请假登记', 'Leave')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('家长来电请假时，在这里一次登记一段日期。只记法定工作日；当天点名时会显示为已请假。', 'Enter leave for a date range ahead; only legal working days are recorded.')}
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <Group align="flex-start" wrap="wrap">
            <Select
              label={t('幼儿', 'Child')}
              searchable
              selectFirstOptionOnChange
              autoFocus
              nothingFoundMessage={t('没有找到这名幼儿', 'No such child')}
              data={(kids ?? []).map((k) => ({ value: String(k.id), label: `${k.name}（${k.className}）` }))}
              filter={({ options, search }) =>
                options.filter((o) => 'value' in o && childMatches(byId.get(String(o.value)) ?? { name: '', initials: '', pinyin: '' }, search))
              }
              value={childId}
              onChange={setChildId}
              placeholder={t('输入姓名或拼音首字母', 'Name or initials')}
              error={fieldError('childId')}
              w={220}
              data-testid="leave-child"
            />
            <DateRangeFields
              first={firstDate}
              last={lastDate}
              onChange={(first, last) => {
                setFirstDate(first);
                setLastDate(last);
              }}
              lastError={fieldError('lastDate')}
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
            <Button type="submit" mt={25} loading={busy} disabled={!childId} data-testid="leave-submit">
              {t('登记请假', 'Record leave')}
            </Button>
          </Group>
        </form>
        {done && (
          <Text mt="md" c="teal" data-testid="leave-done">
            {done}
          </Text>
        )}
      </Paper>
      <UpcomingLeave version={listVersion} onCancelled={() => setDone(null)} />
    </Stack>
  );
}
