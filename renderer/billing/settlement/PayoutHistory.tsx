import { Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { useApiQuery, useSubmit } from '../../api/hooks';
import { useCan } from '../../app/session';
import { useT } from '../../i18n';
import { printDocument } from '../../print/print';
import { newKey } from './shared';

type Payout = Api['settlement.payouts']['output'][number];

/**
 * 已退还: the refunds paid out with their TK receipts. One recorded by
 * mistake is voided with a reason (finance, principal): the receipt keeps its
 * number and prints 作废, and the refund is owed to the family again.
 */
export function PayoutHistory({ onChanged }: { onChanged(): void }) {
  const t = useT();
  const canVoid = useCan('principal', 'finance');
  const { data, reload } = useApiQuery('settlement.payouts', {});
  const { submit, fieldError, busy, clearErrors } = useSubmit();
  const [voiding, setVoiding] = useState<{ payout: Payout; key: string } | null>(null);
  const [reason, setReason] = useState('');
  if (!data || data.length === 0) return null;

  const confirm = async () => {
    if (!voiding) return;
    const done = await submit('settlement.voidPayout', { paymentId: voiding.payout.paymentId, reason, idempotencyKey: voiding.key }, t('已作废，该笔退费重新记为应退', 'Voided; the refund is owed again'));
    if (!done) return;
    setVoiding(null);
    await reload();
    onChanged();
  };
  return (
    <Card withBorder p={0}>
      <Text fw={500} p="sm" pb={0}>
        {t('已登记的退费支付', 'Refunds paid out')}
      </Text>
      <Table data-testid="payouts-made" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('收据号', 'Receipt')}</Table.Th>
            <Table.Th>{t('幼儿', 'Children')}</Table.Th>
            <Table.Th>{t('方式', 'Method')}</Table.Th>
            <Table.Th>{t('日期', 'Date')}</Table.Th>
            <Table.Th ta="right">{t('金额（元）', 'Amount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((p) => (
            <Table.Tr key={p.paymentId} c={p.voided ? 'dimmed' : undefined}>
              <Table.Td>
                {p.receiptNo}{' '}
                {p.voided && (
                  <Badge color="red" size="xs" title={p.voidReason ?? ''}>
                    {t('作废', 'Void')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{p.children}</Table.Td>
              <Table.Td>{p.method}</Table.Td>
              <Table.Td>{p.paidOn}</Table.Td>
              <Table.Td ta="right" ff="monospace" td={p.voided ? 'line-through' : undefined}>
                {p.amount}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => printDocument(`payout-receipt/${p.paymentId}`)}>
                    {t('收据', 'Receipt')}
                  </Button>
                  {canVoid && !p.voided && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => {
                        clearErrors();
                        setReason('');
                        setVoiding({ payout: p, key: newKey() });
                      }}
                      data-testid={`void-payout-${p.paymentId}`}
                    >
                      {t('作废', 'Void')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={voiding !== null} onClose={() => setVoiding(null)} title={t('作废退费支付', 'Void a payout')}>
        {voiding && (
          <Stack>
            <Text size="sm">
              {t(
                `作废退费收据 ${voiding.payout.receiptNo}（${voiding.payout.children}，${voiding.payout.amount} 元）。收据保留编号并印“作废”，这笔退费重新记为应退给家长。`,
                `Void ${voiding.payout.receiptNo} (${voiding.payout.amount}). The receipt keeps its number and prints VOID; the refund is owed again.`,
              )}
            </Text>
            <TextInput label={t('作废原因', 'Reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} data-autofocus data-testid="void-payout-reason" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setVoiding(null)}>
                {t('取消', 'Cancel')}
              </Button>
              <Button color="red" onClick={() => void confirm()} loading={busy} data-testid="void-payout-confirm">
                {t('确认作废', 'Void')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
