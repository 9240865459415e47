import { Alert, Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { printDocument } from '../print/print';

/** 收费 → 收费公示: what the board at the gate will say, and the button to print it. */
export function FeeBoardTab(_: { path: string[] }) {
  const t = useT();
  const canEditProfile = useCan('principal');
  const { data, error } = useApiQuery('reports.feeBoard', {});
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader />;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          {t(
            `按 ${data.policyName} 列出本园现行收费项目、标准、依据、减免和退费规定，公示日期 ${data.date}。`,
            `Every item, standard, basis, reduction and refund rule under ${data.policyName}, dated ${data.date}.`,
          )}
        </Text>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => void printDocument('fee-board')} data-testid="print-fee-board">
          {t('打印收费公示', 'Print the fee board')}
        </Button>
      </Group>
      {!data.complaintPhone && (
        <Alert color="orange" mb="md" title={t('还没有填写收费监督电话', 'No complaint telephone yet')}>
          {t('公示须写明监督电话。', 'The board must give a complaint telephone.')}{' '}
          {canEditProfile ? (
            <Anchor onClick={() => navigate('/settings/profile')}>{t('到 设置 → 幼儿园资料 填写', 'Enter it under Settings → Kindergarten')}</Anchor>
          ) : (
            t('请园长在 设置 → 幼儿园资料 中填写。', 'Ask the principal to enter it under Settings → Kindergarten.')
          )}
        </Alert>
      )}
      {data.items.length === 0 ? (
        <EmptyState title={t('尚未设置收费标准', 'No fee standards yet')}>
          {t('请先到 收费 → 收费标准 录入各项收费标准，再打印公示。', 'Set the fee standards first, then print the board.')}
        </EmptyState>
      ) : (
        <Table striped withTableBorder fz="sm" data-testid="fee-board-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('收费项目', 'Item')}</Table.Th>
              <Table.Th>{t('收费对象', 'For')}</Table.Th>
              <Table.Th ta="right">{t('标准（元）', 'Amount')}</Table.Th>
              <Table.Th>{t('单位', 'Unit')}</Table.Th>
              <Table.Th>{t('依据', 'Basis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data.items, ...data.upcoming].map((i) => (
              <Table.Tr key={`${i.label}-${i.forWhom[0]}-${i.appliesFrom}`}>
                <Table.Td>
                  {i.label}
                  {i.appliesFrom > data.date ? t(`（${i.appliesFrom} 起）`, ` (from ${i.appliesFrom})`) : ''}
                </Table.Td>
                <Table.Td>{t(...i.forWhom)}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {i.amount}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(...i.unit)}</Table.Td>
                <Table.Td>{i.basis.join('；') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
