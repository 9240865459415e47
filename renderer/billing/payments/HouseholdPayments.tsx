import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCash, IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { useRelationship } from '../../families/shared';
import { usePeriod } from '../labels';
import { Amount, BillStatusBadge, balanceWords } from '../money';
import { PaymentDialog } from './PaymentDialog';
import { PaymentsTable } from './PaymentsTable';

/** One household at the fee desk: balance, open bills, every bill and receipt, and 登记缴费 (Enter). */
export function HouseholdPayments({ householdId }: { householdId: number }) {
  const t = useT();
  const relationship = useRelationship();
  const period = usePeriod();
  const { data, error, reload } = useApiQuery('payments.household', { householdId });
  // A new dialog (and with it a new submission key) each time it opens.
  const [dialog, setDialog] = useState(0);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const refresh = () => void reload();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Anchor size="sm" onClick={() => navigate('/billing/payments')} display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconArrowLeft size={14} /> {t('换一个家庭', 'Another family')}
          </Anchor>
          <Title order={3} mt={4}>
            {data.household.label}
          </Title>
          <Text size="sm" c="dimmed" data-testid="household-who">
            {data.children.map((c) => t(`${c.name}（${c.className}）`, `${c.name} (${c.className})`)).join(t('、', ', '))}
            {data.guardians[0] && ` · ${relationship(data.guardians[0].relationship)} ${data.guardians[0].name} ${data.guardians[0].mobileMasked}`}
          </Text>
        </div>
        <Group>
          <Text fw={700} size="lg" data-testid="household-balance" c={data.balance.startsWith('-') ? 'teal.8' : undefined}>
            {balanceWords(data.balance, t)}
          </Text>
          <Button variant="default" leftSection={<IconListDetails size={16} />} onClick={() => navigate(`/billing/ledger/${householdId}`)}>
            {t('家庭账户', 'Account')}
          </Button>
          <Button autoFocus leftSection={<IconCash size={16} />} onClick={() => setDialog((n) => n + 1)}>
            {t('登记缴费', 'Record a payment')}
          </Button>
        </Group>
      </Group>

      <Card withBorder>
        <Title order={5} mb="xs">
          {t('缴费通知单', 'Bills')}
        </Title>
        {data.bills.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('还没有开具缴费通知单。缴费通知单在「收费 → 缴费通知单」中按月开具；在此之前收到的钱会存为预收款。', 'No bills issued yet. Money received now is kept as credit.')}
          </Text>
        ) : (
          <Table fz="sm" data-testid="household-bills">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('缴费通知单', 'Bill')}</Table.Th>
                <Table.Th>{t('幼儿', 'Child')}</Table.Th>
                <Table.Th>{t('期间', 'Period')}</Table.Th>
                <Table.Th>{t('缴费期限', 'Due on')}</Table.Th>
                <Table.Th ta="right">{t('应缴', 'Due')}</Table.Th>
                <Table.Th ta="right">{t('已缴', 'Paid')}</Table.Th>
                <Table.Th ta="right">{t('未缴', 'Outstanding')}</Table.Th>
                <Table.Th>{t('状态', 'Status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.bills.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td ff="monospace">{b.number}</Table.Td>
                  <Table.Td>{b.childName}</Table.Td>
                  <Table.Td>{period(b)}</Table.Td>
                  <Table.Td>{b.dueOn}</Table.Td>
                  <Table.Td ta="right">
                    <Amount value={b.totalDue} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount value={b.paid} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount value={b.outstanding} fw={b.outstanding !== '0.00' ? 700 : undefined} />
                  </Table.Td>
                  <Table.Td>
                    <BillStatusBadge status={b.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder>
        <Title order={5} mb="xs">
          {t('收据', 'Receipts')}
        </Title>
        {data.payments.length === 0 ? (
          <EmptyState title={t('还没有缴费记录', 'No payments yet')}>
            {t('点右上角「登记缴费」（或按 Enter）录入家长交来的钱：金额、方式、交易单号，回车确认。', 'Use “Record a payment” (or Enter): amount, method, reference, Enter.')}
          </EmptyState>
        ) : (
          <PaymentsTable payments={data.payments} onChanged={refresh} />
        )}
      </Card>
      {dialog > 0 && <PaymentDialog key={dialog} account={data} onClose={() => setDialog(0)} onSaved={refresh} />}
    </Stack>
  );
}
