import { ActionIcon, Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CLOSURE_KINDS, CLOSURE_LABELS, type ClosureKind } from '../../core/attendance';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useCan } from '../app/session';
import { useLang, useT } from '../i18n';
import { ClassSelect, DateRangeFields } from './shared';

/** The kindergarten's own closures (停课) and holidays; kept apart from the legal calendar, they never change W. */
export function Closures({ today }: { today: string }) {
  const t = useT();
  const { lang } = useLang();
  const canEdit = useCan('principal', 'front_desk');
  const { data, reload } = useApiQuery('attendance.listClosures', {});
  const { run, busy } = useApiAction();
  const [kind, setKind] = useState<ClosureKind>('suspension');
  const [classId, setClassId] = useState<number | null>(null);
  const [firstDate, setFirstDate] = useState(today);
  const [lastDate, setLastDate] = useState(today);
  const [reason, setReason] = useState('');

  const add = async () => {
    const result = await run('attendance.addClosure', { kind, classId, firstDate, lastDate, reason });
    if (result) {
      notifications.show({
        color: 'green',
        message: t(
          `已登记${CLOSURE_LABELS[kind].zh}：${result.workingDays} 个法定工作日不记考勤${result.removedRecords ? `，已撤销这些天已点名的 ${result.removedRecords} 条记录（保留在更正记录中）` : ''}。`,
          `${CLOSURE_LABELS[kind].en} recorded: ${result.workingDays} working day(s) without roll call${result.removedRecords ? `; ${result.removedRecords} roll-call entries on those days were withdrawn (kept in the history)` : ''}.`,
        ),
      });
      setReason('');
      await reload();
    }
  };
  // Removing asks once more: the days go back to normal roll-call days.
  const [confirming, setConfirming] = useState<number | null>(null);
  const remove = async (id: number) => {
    setConfirming(null);
    if (await run('attendance.removeClosure', { id }, t('已删除；这些天恢复为正常点名日，请补点名。', 'Removed; take the roll call for those days.'))) await reload();
  };

  return (
    <>
      {canEdit && (
        <Paper withBorder p="md" mb="md">
          <Title order={5} mb={4}>
            {t('登记停课或园内假期', 'Record a closure')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t(
              '停课（如卫生消毒、园方原因）：按停课天数占法定工作日的比例退保教费。园内假期（园庆、教研日等）：单独列出，不退费。两者都不改变当月法定工作日天数，当天也不点名。',
              'Suspension (disinfection, the kindergarten’s own reasons): tuition is refunded for those days pro rata. Own holiday (open day, staff training): listed apart, not refunded. Neither changes the month’s legal working days; no roll call on those days.',
            )}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('类型', 'Kind')}
              data={CLOSURE_KINDS.map((k) => ({ value: k, label: lang === 'en' ? CLOSURE_LABELS[k].en : CLOSURE_LABELS[k].zh }))}
              value={kind}
              onChange={(v) => v && setKind(v as ClosureKind)}
              allowDeselect={false}
              w={130}
              data-testid="closure-kind"
            />
            <ClassSelect value={classId} onChange={setClassId} allowAll />
            <DateRangeFields
              first={firstDate}
              last={lastDate}
              onChange={(first, last) => {
                setFirstDate(first);
                setLastDate(last);
              }}
              testId="closure"
            />
            <TextInput label={t('原因', 'Reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={100} w={240} placeholder={t('如：诺如病毒停课消毒', 'e.g. disinfection')} data-testid="closure-reason" />
            <Button onClick={add} loading={busy} data-testid="closure-add">
              {t('登记', 'Add')}
            </Button>
          </Group>
        </Paper>
      )}
      {data && data.length === 0 ? (
        <Text c="dimmed">{t('还没有登记过停课或园内假期。', 'No closures recorded.')}</Text>
      ) : (
        <Table striped data-testid="closure-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('日期', 'Dates')}</Table.Th>
              <Table.Th>{t('类型', 'Kind')}</Table.Th>
              <Table.Th>{t('范围', 'Scope')}</Table.Th>
              <Table.Th>{t('原因', 'Reason')}</Table.Th>
              <Table.Th>{t('登记人', 'By')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.firstDate === c.lastDate ? c.firstDate : `${c.firstDate}～${c.lastDate}`}</Table.Td>
                <Table.Td>
                  <Badge color={c.kind === 'suspension' ? 'yellow' : 'blue'}>{lang === 'en' ? CLOSURE_LABELS[c.kind].en : CLOSURE_LABELS[c.kind].zh}</Badge>
                </Table.Td>
                <Table.Td>{c.className ?? t('全园', 'Whole kindergarten')}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.createdBy ?? ''}</Table.Td>
                <Table.Td>
                  {canEdit &&
                    (confirming === c.id ? (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" color="red" onClick={() => remove(c.id)}>
                          {t('确定删除', 'Remove')}
                        </Button>
                        <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
                          {t('取消', 'Cancel')}
                        </Button>
                      </Group>
                    ) : (
                      <ActionIcon variant="subtle" color="red" onClick={() => setConfirming(c.id)} aria-label={t('删除', 'Remove')}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
