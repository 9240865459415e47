import { Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Api } from '../../electron/api/index';
import { STATUS_LABELS } from '../../core/attendance';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useLang, useT } from '../i18n';

type Stretch = Api['attendance.upcomingLeave']['output'][number];

/** Leave entered from today on, one line per stretch, each with a way to take it back (recorded in the audit trail). */
export function UpcomingLeave({ version, onCancelled }: { version: number; onCancelled(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { data, reload } = useApiQuery('attendance.upcomingLeave', {});
  const { run, busy } = useApiAction();
  const [cancelling, setCancelling] = useState<Stretch | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the form records new leave
  useEffect(() => {
    if (version > 0) void reload();
  }, [version]);

  const cancel = async (s: Stretch) => {
    const done = await run(
      'attendance.cancelLeave',
      { childId: s.childId, firstDate: s.firstDate, lastDate: s.lastDate },
      t(`已取消 ${s.name} 的请假`, `Leave of ${s.name} cancelled`),
    );
    if (done) {
      setCancelling(null);
      onCancelled();
      void reload();
    }
  };

  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('已登记的请假（今天起）', 'Leave from today on')}
      </Title>
      {!data || data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="upcoming-leave-empty">
          {t('今天起没有登记请假。家长来电请假时用上面的表格登记。', 'No leave entered from today on. Use the form above when a parent calls.')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="upcoming-leave">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('幼儿', 'Child')}</Table.Th>
              <Table.Th>{t('日期', 'Days')}</Table.Th>
              <Table.Th>{t('原因', 'Reason')}</Table.Th>
              <Table.Th>{t('备注', 'Note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((s) => (
              <Table.Tr key={`${s.childId}-${s.firstDate}`} data-testid={`upcoming-${s.name}`}>
                <Table.Td>
                  {s.name}
                  <Text span size="xs" c="dimmed" ml={4}>
                    {s.className}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {s.firstDate === s.lastDate ? s.firstDate : `${s.firstDate} ～ ${s.lastDate}`}
                  <Text span size="xs" c="dimmed" ml={4}>
                    {t(`${s.days.length} 天`, `${s.days.length} d`)}
                  </Text>
                </Table.Td>
                <Table.Td>{lang === 'en' ? STATUS_LABELS[s.status].en : STATUS_LABELS[s.status].zh}</Table.Td>
                <Table.Td>{s.note}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(s)} data-testid={`cancel-leave-${s.name}`}>
                    {t('取消请假', 'Cancel')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t('取消请假', 'Cancel leave')}>
        {cancelling && (
          <>
            <Text size="sm" mb="md">
              {t(
                `取消 ${cancelling.name} ${cancelling.firstDate}～${cancelling.lastDate} 的${STATUS_LABELS[cancelling.status].zh}（${cancelling.days.length} 天）？这些天将恢复为未记录，到时照常点名。`,
                `Cancel ${cancelling.name}'s leave ${cancelling.firstDate}–${cancelling.lastDate} (${cancelling.days.length} days)? The days go back to not recorded and are taken at roll call.`,
              )}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelling(null)}>
                {t('不取消', 'Keep it')}
              </Button>
              <Button color="red" loading={busy} onClick={() => void cancel(cancelling)} data-testid="cancel-leave-confirm">
                {t('确认取消', 'Cancel the leave')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </Paper>
  );
}
