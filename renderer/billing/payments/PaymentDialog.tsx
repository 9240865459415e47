import { Alert, Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { allocateOldestFirst } from '../../../core/billing/allocate';
import { needsReference, PAYMENT_METHODS, type PaymentMethod, paymentAmountProblem } from '../../../core/billing/payments';
import { amountProblem, formatFen, parseFen } from '../../../core/money';
import type { Api } from '../../../electron/api/index';
import { DateField, useSubmit } from '../../families/shared';
import { useLang, useT } from '../../i18n';
import { usePeriod } from '../labels';
import { printDocument } from '../../print/print';
import { Amount, useMethodLabel } from '../money';

type Account = Api['payments.household']['output'];
type Recorded = Api['payments.record']['output'];

const fenOf = (text: string) => (amountProblem(text.trim()) === null ? parseFen(text.trim()) : null);

/**
 * 登记缴费, all by keyboard: amount, method (← →), reference, Enter. The
 * amount is spread over the open bills oldest due first (editable); what is
 * left stays as credit. The submission key is made when the dialog opens and
 * kept across retries, so a double click or a retry books once.
 */
export function PaymentDialog({ account, onClose, onSaved }: { account: Account; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { lang } = useLang();
  const methodLabel = useMethodLabel();
  const { submit, busy, fieldError } = useSubmit();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('wechat');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState<string | null>(account.today);
  const [payerName, setPayerName] = useState('');
  const [note, setNote] = useState('');
  const [edited, setEdited] = useState<Record<number, string> | null>(null);
  const [touched, setTouched] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  // The bills in the order they were sent, so "allocations.1.amount" finds its row.
  const [sent, setSent] = useState<number[]>([]);

  const open = useMemo(() => account.openBills.map((b) => ({ ...b, billId: b.id, outstandingFen: parseFen(b.outstanding) })), [account.openBills]);
  const amountFen = fenOf(amount);
  const suggested = useMemo(() => {
    const split = allocateOldestFirst(amountFen ?? 0, open).allocations;
    return Object.fromEntries(open.map((b) => [b.id, formatFen(split.find((a) => a.billId === b.id)?.amountFen ?? 0)]));
  }, [amountFen, open]);
  const shares = edited ?? suggested;
  const shareFen = (id: number) => fenOf(shares[id] ?? '') ?? 0;
  const allocatedFen = open.reduce((s, b) => s + shareFen(b.id), 0);
  const creditFen = (amountFen ?? 0) - allocatedFen;
  const localProblem = paymentAmountProblem(amount);
  const amountError = (touched && localProblem ? localProblem[lang === 'en' ? 1 : 0] : undefined) ?? fieldError('amount');

  const save = async () => {
    setTouched(true);
    if (localProblem) return;
    const chosen = open.filter((b) => shareFen(b.id) > 0);
    setSent(chosen.map((b) => b.id));
    const result = await submit('payments.record', {
      idempotencyKey,
      householdId: account.household.id,
      amount,
      method,
      reference,
      paidOn: paidOn ?? '',
      payerName,
      note,
      allocations: chosen.map((b) => ({ billId: b.id, amount: shares[b.id]!.trim() })),
    });
    if (result) {
      setRecorded(result);
      onSaved();
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`登记缴费：${account.household.label}`, `Record a payment: ${account.household.label}`)} size="xl">
      {recorded ? (
        <Stack data-testid="payment-recorded">
          <Alert color="green" title={t(`已收款 ${recorded.amount} 元`, `Received ${recorded.amount}`)}>
            {t(`收据号 ${recorded.receiptNo}`, `Receipt ${recorded.receiptNo}`)}
            {recorded.credit !== '0.00' && t(`，其中 ${recorded.credit} 元存为预收款`, `; ${recorded.credit} kept as credit`)}
            {t(`。家庭账户：${recorded.balance} 元。`, `. Account balance: ${recorded.balance}.`)}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('完成', 'Done')}
            </Button>
            <Button data-autofocus leftSection={<IconPrinter size={16} />} onClick={() => void printDocument(`receipt/${recorded.paymentId}`)}>
              {t('打印收据', 'Print receipt')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <TextInput
                label={t('金额（元）', 'Amount (yuan)')}
                data-autofocus
                withAsterisk
                inputMode="decimal"
                placeholder="520.00"
                value={amount}
                onChange={(e) => {
                  setAmount(e.currentTarget.value);
                  setEdited(null);
                }}
                onBlur={() => setTouched(true)}
                error={amountError}
              />
              <DateField label={t('缴费日期', 'Paid on')} required value={paidOn} onChange={setPaidOn} error={fieldError('paidOn')} />
              <TextInput label={t('交款人（选填）', 'Paid by (optional)')} placeholder={account.guardians[0]?.name} value={payerName} onChange={(e) => setPayerName(e.currentTarget.value)} />
            </SimpleGrid>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('缴费方式', 'Method')}
              </Text>
              <SegmentedControl
                fullWidth
                value={method}
                onChange={(v) => setMethod(v as PaymentMethod)}
                data={PAYMENT_METHODS.map((m) => ({ value: m, label: methodLabel(m) }))}
                aria-label={t('缴费方式', 'Method')}
              />
            </div>
            <TextInput
              label={needsReference(method) ? t('交易单号', 'Transaction number') : t('交易单号（现金可不填）', 'Reference (optional for cash)')}
              withAsterisk={needsReference(method)}
              placeholder={t('微信/支付宝账单、银行回单或 POS 小票上的号码', 'From the WeChat/Alipay bill, bank slip or POS receipt')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={fieldError('reference')}
            />
            <AllocationTable
              account={account}
              shares={shares}
              onChange={(id, v) => setEdited({ ...shares, [id]: v })}
              errorFor={(id) => (sent.includes(id) ? fieldError(`allocations.${sent.indexOf(id)}.amount`) : undefined)}
            />
            <Group justify="space-between">
              <Text size="sm" data-testid="payment-split">
                {t(`分配到缴费通知单 ${formatFen(allocatedFen)} 元`, `To bills ${formatFen(allocatedFen)}`)}
                {' · '}
                {creditFen >= 0
                  ? t(`存为预收款 ${formatFen(creditFen)} 元`, `Kept as credit ${formatFen(creditFen)}`)
                  : t(`超出缴费金额 ${formatFen(-creditFen)} 元`, `${formatFen(-creditFen)} more than paid`)}
              </Text>
              {edited && (
                <Button variant="subtle" size="xs" onClick={() => setEdited(null)}>
                  {t('按到期先后重新分配', 'Re-split oldest first')}
                </Button>
              )}
            </Group>
            {fieldError('allocations') && (
              <Text c="red" size="sm">
                {fieldError('allocations')}
              </Text>
            )}
            <TextInput label={t('备注（选填）', 'Note (optional)')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('取消', 'Cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('确认收款（Enter）', 'Record (Enter)')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function AllocationTable({
  account,
  shares,
  onChange,
  errorFor,
}: {
  account: Account;
  shares: Record<number, string>;
  onChange(billId: number, value: string): void;
  errorFor(billId: number): string | undefined;
}) {
  const t = useT();
  const period = usePeriod();
  const typo = (v: string) => (v.trim() !== '' && amountProblem(v.trim()) !== null ? t('金额应为数字，例如 520.00', 'Enter a number such as 520.00') : undefined);
  if (account.openBills.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('这个家庭没有待缴的缴费通知单，本次收款将全部存为预收款，抵扣以后的缴费通知单。', 'No open bills: the whole amount is kept as credit for later bills.')}
      </Text>
    );
  }
  return (
    <Table withTableBorder fz="sm" data-testid="allocation-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('缴费通知单', 'Bill')}</Table.Th>
          <Table.Th>{t('幼儿', 'Child')}</Table.Th>
          <Table.Th>{t('期间', 'Period')}</Table.Th>
          <Table.Th>{t('缴费期限', 'Due on')}</Table.Th>
          <Table.Th ta="right">{t('未缴', 'Outstanding')}</Table.Th>
          <Table.Th w={130}>{t('本次分配', 'This payment')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {account.openBills.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td ff="monospace">{b.number}</Table.Td>
            <Table.Td>{b.childName}</Table.Td>
            <Table.Td>{period(b)}</Table.Td>
            <Table.Td>{b.dueOn}</Table.Td>
            <Table.Td ta="right">
              <Amount value={b.outstanding} />
            </Table.Td>
            <Table.Td>
              <TextInput
                size="xs"
                aria-label={t(`${b.number} 本次分配`, `Share for ${b.number}`)}
                value={shares[b.id] ?? ''}
                onChange={(e) => onChange(b.id, e.currentTarget.value)}
                error={typo(shares[b.id] ?? '') ?? errorFor(b.id)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
