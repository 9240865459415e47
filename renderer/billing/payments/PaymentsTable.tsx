import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { PaymentView } from '../../../electron/api/payments/views';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { useT } from '../../i18n';
import { usePeriod } from '../labels';
import { printDocument } from '../../print/print';
import { Amount, localTime, useMethodLabel } from '../money';
import { InvoiceDialog, VoidDialog } from './PaymentActions';

type Row = PaymentView & { householdLabel?: string };
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Receipts with what they paid, who received them and their actions: print, invoice number, void. */
export function PaymentsTable({ payments, onChanged, showHousehold = false }: { payments: Row[]; onChanged(): void; showHousehold?: boolean }) {
  const t = useT();
  const period = usePeriod();
  const methodLabel = useMethodLabel();
  const canVoid = useCan('principal', 'finance');
  const [voiding, setVoiding] = useState<Row | null>(null);
  const [invoicing, setInvoicing] = useState<Row | null>(null);
  return (
    <>
      <Table striped fz="sm" data-testid="payments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('收据号', 'Receipt')}</Table.Th>
            {showHousehold && <Table.Th>{t('家庭', 'Family')}</Table.Th>}
            <Table.Th>{t('日期', 'Date')}</Table.Th>
            <Table.Th>{t('方式', 'Method')}</Table.Th>
            <Table.Th ta="right">{t('金额', 'Amount')}</Table.Th>
            <Table.Th>{t('缴纳', 'Paid for')}</Table.Th>
            <Table.Th>{t('收款人', 'Received by')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('票据号', 'Invoice')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id} data-testid="payment-row" style={p.void ? { opacity: 0.7 } : undefined}>
              <Table.Td ff="monospace" style={NOWRAP}>
                {p.receiptNo}
                {p.void && (
                  <Badge color="red" variant="filled" size="sm" ml={6} title={p.void.reason}>
                    {t('作废', 'VOID')}
                  </Badge>
                )}
              </Table.Td>
              {showHousehold && (
                <Table.Td>
                  <Anchor size="sm" onClick={() => navigate(`/billing/payments/${p.householdId}`)}>
                    {p.householdLabel}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td style={NOWRAP}>{p.paidOn}</Table.Td>
              <Table.Td style={NOWRAP}>
                {methodLabel(p.method)}
                {p.reference && (
                  // Long slip numbers show their last digits (what a clerk compares); the whole one on hover and on the receipt.
                  <Text size="xs" c="dimmed" ff="monospace" title={p.reference}>
                    {p.reference.length > 14 ? `…${p.reference.slice(-10)}` : p.reference}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={NOWRAP}>
                <Amount value={p.amount} td={p.void ? 'line-through' : undefined} />
              </Table.Td>
              <Table.Td>
                {p.allocations.map((a) => `${a.childName} ${period(a)} ${a.amount}`).join('；')}
                {p.credit !== '0.00' && (
                  <Text size="xs" c="teal.8">
                    {t(`预收 ${p.credit}`, `Credit ${p.credit}`)}
                  </Text>
                )}
                {p.void && (
                  <Text size="xs" c="red">
                    {t(`作废：${p.void.reason}（${p.void.voidedByName}，${localTime(p.void.voidedAt)}）`, `Void: ${p.void.reason}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={NOWRAP}>
                {p.receivedByName}
                <Text size="xs" c="dimmed">
                  {localTime(p.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                {p.invoiceNo ?? (!p.void && <Anchor size="sm" onClick={() => setInvoicing(p)}>{t('登记', 'Enter')}</Anchor>)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="compact-xs" variant="default" leftSection={<IconPrinter size={12} />} onClick={() => void printDocument(`receipt/${p.id}`)}>
                    {t('收据', 'Receipt')}
                  </Button>
                  {canVoid && !p.void && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(p)}>
                      {t('作废', 'Void')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {voiding && <VoidDialog payment={voiding} onClose={() => setVoiding(null)} onSaved={onChanged} />}
      {invoicing && <InvoiceDialog payment={invoicing} onClose={() => setInvoicing(null)} onSaved={onChanged} />}
    </>
  );
}
