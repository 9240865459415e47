import { Button, Card, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useCan } from '../../app/session';
import { DateField } from '../../attendance/shared';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { printDocument } from '../../print/print';
import { PayoutHistory } from './PayoutHistory';
import { newKey } from './shared';

type Due = Api['settlement.payoutsDue']['output'][number];
type Method = Api['settlement.recordPayout']['input']['method'];

const METHODS: { value: Method; label: [string, string] }[] = [
  { value: 'cash', label: ['现金', 'Cash'] },
  { value: 'bank', label: ['银行转账', 'Bank transfer'] },
  { value: 'wechat', label: ['微信', 'WeChat'] },
  { value: 'alipay', label: ['支付宝', 'Alipay'] },
];

function RefundDestinationSetter({ onSaved }: { onSaved(): void }) {
  const t = useT();
  const roster = useApiQuery('families.children', { classId: null, status: 'all' });
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const mode = useApiQuery('settlement.refundDestination', { householdId: householdId ?? 0 }, { enabled: householdId !== null });
  const { run } = useApiAction();
  const options = (roster.data ?? []).map((c) => ({ value: `${c.householdId}:${c.id}`, label: `${c.name}（${c.className}）` }));
  const save = async (value: string) => {
    if (householdId === null) return;
    const done = await run('settlement.setRefundDestination', { householdId, mode: value as 'credit' | 'payout', idempotencyKey: newKey() }, t('已保存退费去向', 'Saved'));
    if (done) {
      await mode.reload();
      onSaved();
    }
  };
  return (
    <Card withBorder p="sm">
      <Text fw={500} mb="xs">
        {t('家庭的退费去向（默认抵扣下期缴费通知单）', "Where a household's refunds go (default: credit to the next bill)")}
      </Text>
      <Group align="flex-end">
        <Select w={260} label={t('幼儿', 'Child')} placeholder={t('输入姓名查找', 'Type a name')} data={options} searchable onChange={(v) => setHouseholdId(v ? Number(v.split(':')[0]) : null)} nothingFoundMessage={t('没有找到', 'Not found')} />
        {householdId !== null && mode.data && (
          <SegmentedControl
            value={mode.data.mode}
            onChange={save}
            data={[
              { value: 'credit', label: t('抵扣下期缴费通知单', 'Credit to next bill') },
              { value: 'payout', label: t('退还现金或转账', 'Pay out') },
            ]}
            data-testid="refund-mode"
          />
        )}
      </Group>
    </Card>
  );
}

/** 退费去向: credit left for the next bill, refunds to pay out, and the payout with its TK receipt. */
export function PayoutsPanel({ today }: { today: string }) {
  const t = useT();
  const canPay = useCan('principal', 'finance');
  const { data, reload } = useApiQuery('settlement.payoutsDue', {});
  const { run, busy } = useApiAction();
  const [historyKey, setHistoryKey] = useState(0);
  const [paying, setPaying] = useState<{ due: Due; key: string } | null>(null);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<Method>('cash');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(today);
  const [payee, setPayee] = useState('');

  const open = (due: Due) => {
    setPaying({ due, key: newKey() });
    setAmount(due.credit);
    setPayee(due.guardian);
    setReference('');
    setPaidOn(today);
  };
  const pay = async () => {
    if (!paying) return;
    const done = await run(
      'settlement.recordPayout',
      { householdId: paying.due.householdId, amount, method, reference, paidOn, payee, note: '', idempotencyKey: paying.key },
      t('已登记退还', 'Payout recorded'),
    );
    if (!done) return;
    setPaying(null);
    await reload();
    setHistoryKey((k) => k + 1);
    await printDocument(`payout-receipt/${done.paymentId}`);
  };
  return (
    <Stack>
      <RefundDestinationSetter onSaved={reload} />
      {data && data.length === 0 ? (
        <EmptyState title={t('没有待退还的款项', 'No refunds to pay out')}>
          {t('退费默认留在家庭账户，抵扣下期缴费通知单。要求退还现金或转账的家庭、以及已退园家庭的结余会列在这里。', 'Refunds stay on the account for the next bill; households asking for payouts and those who left are listed here.')}
        </EmptyState>
      ) : (
        <Card withBorder p={0}>
          <Table data-testid="payouts-due">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('幼儿', 'Children')}</Table.Th>
                <Table.Th>{t('家长', 'Guardian')}</Table.Th>
                <Table.Th>{t('原因', 'Why')}</Table.Th>
                <Table.Th ta="right">{t('应退还（元）', 'To pay out')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data ?? []).map((d) => (
                <Table.Tr key={d.householdId}>
                  <Table.Td>{d.children}</Table.Td>
                  <Table.Td>{d.guardian}</Table.Td>
                  <Table.Td>{d.left ? t('已退园', 'Left') : t('要求退还', 'Asked for payout')}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {d.credit}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {d.withdrawalId && (
                        <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => printDocument(`withdrawal-statement/${d.withdrawalId}`)}>
                          {t('结算单', 'Statement')}
                        </Button>
                      )}
                      {canPay && (
                        <Button size="xs" onClick={() => open(d)} data-testid={`pay-out-${d.householdId}`}>
                          {t('登记退还', 'Record payout')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <PayoutHistory key={historyKey} onChanged={reload} />
      <Modal opened={paying !== null} onClose={() => setPaying(null)} title={t('登记退还家长', 'Record a payout')}>
        {paying && (
          <Stack>
            <Text size="sm">{t(`${paying.due.children} 家庭账户结余 ${paying.due.credit} 元。`, `Credit on the account: ${paying.due.credit}.`)}</Text>
            <TextInput label={t('退还金额（元）', 'Amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value.trim())} inputMode="decimal" />
            <Select label={t('方式', 'Method')} data={METHODS.map((m) => ({ value: m.value, label: t(...m.label) }))} value={method} onChange={(v) => v && setMethod(v as Method)} allowDeselect={false} />
            <TextInput label={t('转账流水号（现金可不填）', 'Reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
            <TextInput label={t('领款人', 'Paid to')} value={payee} onChange={(e) => setPayee(e.currentTarget.value)} />
            <DateField label={t('付款日期', 'Paid on')} value={paidOn} onChange={setPaidOn} maxDate={today} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPaying(null)}>
                {t('取消', 'Cancel')}
              </Button>
              <Button onClick={pay} loading={busy} data-testid="payout-confirm">
                {t('确认并打印收据', 'Record and print')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
