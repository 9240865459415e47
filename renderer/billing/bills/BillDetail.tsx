import { Group, Modal, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { usePeriod } from '../labels';
import { BillLines } from './BillLines';

export function BillDetail({ billId, onClose }: { billId: number; onClose(): void }) {
  const t = useT();
  const period = usePeriod();
  const { data, error } = useApiQuery('bills.get', { billId });
  return (
    <Modal opened onClose={onClose} title={data ? `${t('缴费通知单', 'Bill')} ${data.number}` : t('缴费通知单', 'Bill')} size="lg">
      <ErrorAlert error={error} />
      {data && (
        <Stack gap="xs">
          <Text size="sm">
            {data.childName}（{data.className}） · {period(data)} · {t(`第 ${data.revision} 版`, `revision ${data.revision}`)}
            {data.replacesNumber ? t(`，替换 ${data.replacesNumber}`, `, replaces ${data.replacesNumber}`) : ''}
          </Text>
          <BillLines lines={data.lines} />
          <Group justify="space-between">
            <Text size="sm">
              {t(`收费 ${data.charges}，减免 ${data.reductions}，结余抵扣 ${data.credit}`, `Charges ${data.charges}, reductions ${data.reductions}, credit ${data.credit}`)}
            </Text>
            <Text fw={700}>
              {t('应缴', 'Due')} {data.totalDue} {t('元', 'yuan')}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`${data.issuedOn} 由 ${data.issuedBy ?? '—'} 开具，缴费截止 ${data.dueOn}`, `Issued ${data.issuedOn} by ${data.issuedBy ?? '—'}, due ${data.dueOn}`)}
            {data.voidReason ? t(`；已作废：${data.voidReason}`, `; voided: ${data.voidReason}`) : ''}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
