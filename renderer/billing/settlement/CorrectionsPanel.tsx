import { Badge, Button, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useCan } from '../../app/session';
import { statusText } from '../../attendance/shared';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n';
import { newKey } from './shared';

type Due = Api['settlement.corrections']['output']['due'][number];

function StateBadge({ due }: { due: Due }) {
  const t = useT();
  if (due.state === 'blocked') return <Badge color="gray">{t('仍不能结算', 'Still blocked')}</Badge>;
  if (due.state === 'unchanged') return <Badge color="teal">{t('金额不变', 'No change')}</Badge>;
  return <Badge color="red">{t('待结算更正', 'Correction due')}</Badge>;
}

/**
 * 结算更正: child-months whose attendance changed after settlement, or that
 * were left unsettled then and can be settled now. Booking recomputes and
 * books only the difference; nothing booked before changes.
 */
export function CorrectionsPanel() {
  const t = useT();
  const { lang } = useLang();
  const canBook = useCan('principal', 'finance');
  const { data, error, reload } = useApiQuery('settlement.corrections', {});
  const { run, busy } = useApiAction();
  const [confirm, setConfirm] = useState<{ due: Due; key: string } | null>(null);

  const book = async () => {
    if (!confirm) return;
    const { due, key } = confirm;
    const done = await run('settlement.bookCorrection', { childId: due.childId, month: due.month, idempotencyKey: key });
    setConfirm(null);
    if (done) await reload();
  };
  const due = data?.due ?? [];
  return (
    <Stack>
      <ErrorAlert error={error} />
      {data && due.length === 0 ? (
        <EmptyState title={t('没有待办的结算更正', 'No corrections due')}>
          {t('已结算月份的考勤被更正后，或月结时缺考勤的幼儿补齐考勤后，会出现在这里。', 'Child-months whose attendance changed after settlement appear here.')}
        </EmptyState>
      ) : (
        <Card withBorder p={0}>
          <Table data-testid="corrections-due">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('幼儿', 'Child')}</Table.Th>
                <Table.Th>{t('月份', 'Month')}</Table.Th>
                <Table.Th>{t('原因', 'Why')}</Table.Th>
                <Table.Th ta="right">{t('原已退', 'Booked')}</Table.Th>
                <Table.Th ta="right">{t('现应退', 'Now')}</Table.Th>
                <Table.Th ta="right">{t('差额', 'Difference')}</Table.Th>
                <Table.Th>{t('状态', 'State')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.map((d) => (
                <Table.Tr key={`${d.childId}:${d.month}`} data-testid={`due-${d.childId}-${d.month}`}>
                  <Table.Td>
                    {d.name}
                    <Text size="xs" c="dimmed">
                      {d.className}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.month}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.why === 'attendance' ? t(`结算后更正考勤 ${d.changeIds.length} 处`, `${d.changeIds.length} changes after settlement`) : t('月结时缺考勤，现已补齐', 'Completed since month end')}</Text>
                    {d.reason && (
                      <Text size="xs" c="dimmed">
                        {d.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {d.previous}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {d.now ?? '—'}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {d.difference ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge due={d} />
                  </Table.Td>
                  <Table.Td>
                    {canBook && d.state !== 'blocked' && (
                      <Button size="xs" variant={d.state === 'ready' ? 'filled' : 'default'} onClick={() => setConfirm({ due: d, key: newKey() })} data-testid={`book-correction-${d.childId}`}>
                        {d.state === 'ready' ? t('办理更正', 'Book') : t('复核完毕', 'Mark checked')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {data && data.flags.length > 0 && (
        <Card withBorder p="sm">
          <Text fw={500} mb="xs">
            {t('结算后的考勤更正明细', 'Attendance changed after settlement')}
          </Text>
          <Table striped>
            <Table.Tbody>
              {data.flags.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.childName}</Table.Td>
                  <Table.Td>{f.date}</Table.Td>
                  <Table.Td>{`${statusText(f.oldStatus, lang)} → ${statusText(f.newStatus, lang)}`}</Table.Td>
                  <Table.Td>{f.reason}</Table.Td>
                  <Table.Td>{f.changedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('结算更正', 'Settlement correction')}>
        {confirm && (
          <Stack>
            <Text>
              {confirm.due.state === 'ready'
                ? t(
                    `${confirm.due.name} ${confirm.due.month}：原已退 ${confirm.due.previous} 元，按现在的考勤应退 ${confirm.due.now} 元，将补记差额 ${confirm.due.difference} 元。原来的记录不会改动。`,
                    `${confirm.due.name} ${confirm.due.month}: booked ${confirm.due.previous}, now ${confirm.due.now}; the difference ${confirm.due.difference} will be booked.`,
                  )
                : t('重新计算后金额不变，将把这些考勤更正标记为已处理，不入账。', 'The figures are unchanged: the changes are marked handled and nothing is booked.')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('取消', 'Cancel')}
              </Button>
              <Button onClick={book} loading={busy} data-testid="correction-confirm">
                {t('确认', 'Confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
