import { Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type BillingItem, ITEM_LABELS, REPLACE_REASON_LABELS, REPLACE_REASONS, type ReplaceReason } from '../../../core/billing/items';
import type { Api } from '../../../electron/api/index';
import { ApiCallError, api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { periodLabelEn } from '../../../core/billing/items';
import { useLang, useT } from '../../i18n';
import { newSubmissionKey } from '../money-field';
import { BillLines } from './BillLines';

type Bill = Api['bills.list']['output']['bills'][number];

function useSubmit(onDone: () => void, onClose: () => void) {
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [submissionKey] = useState(newSubmissionKey);
  const submit = async (work: (key: string) => Promise<string>) => {
    setBusy(true);
    setMessage('');
    try {
      notifications.show({ color: 'green', message: await work(submissionKey) });
      onDone();
      onClose();
    } catch (e) {
      setFields(e instanceof ApiCallError ? e.fields : {});
      setMessage(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return { busy, fields, message, submit };
}

/** 更正: the bill as today's standards and child record give it, the difference, and the reason from the fixed list. */
export function ReplaceBill({ bill, onClose, onDone }: { bill: Bill; onClose(): void; onDone(): void }) {
  const t = useT();
  const preview = useApiQuery('bills.replacePreview', { billId: bill.id });
  const [reason, setReason] = useState<ReplaceReason | null>(null);
  const [note, setNote] = useState('');
  const { busy, fields, message, submit } = useSubmit(onDone, onClose);
  const data = preview.data;
  return (
    <Modal opened onClose={onClose} title={t(`更正缴费通知单 ${bill.number}`, `Correct bill ${bill.number}`)} size="lg">
      <ErrorAlert error={preview.error} />
      {data && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('已开具的通知单不能修改：按现有收费标准、减免和幼儿资料重新计算，开具一份替换单（新编号），账户只记差额。', 'An issued bill is never edited: a replacement with a new number is issued, and only the difference is booked.')}
          </Text>
          {data.difference.length === 0 ? (
            <Alert color="blue">{t('重新计算的金额与原通知单相同。请先更正收费标准、减免或幼儿资料，再来开具替换单。', 'Nothing would change. Correct the standard, reduction or child record first.')}</Alert>
          ) : (
            <Table fz="sm" verticalSpacing={2} data-testid="replace-difference">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('项目', 'Item')}</Table.Th>
                  <Table.Th ta="right">{t('原金额', 'Was')}</Table.Th>
                  <Table.Th ta="right">{t('新金额', 'Now')}</Table.Th>
                  <Table.Th ta="right">{t('账户变动', 'Change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.difference.map((d) => (
                  <Table.Tr key={`${d.kind}-${d.item}`}>
                    <Table.Td>
                      {t(...ITEM_LABELS[d.item as BillingItem])}
                      {d.kind === 'reduction' ? t('减免', ' reduction') : ''}
                    </Table.Td>
                    <Table.Td ta="right">{d.old}</Table.Td>
                    <Table.Td ta="right">{d.new}</Table.Td>
                    <Table.Td ta="right">{d.change}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" fw={600}>
            {t(`替换单：应缴 ${data.next.totalDue} 元`, `Replacement: due ${data.next.totalDue}`)}
          </Text>
          <BillLines lines={data.next.lines} />
          <Select
            label={t('更正原因', 'Reason')}
            data={REPLACE_REASONS.map((r) => ({ value: r, label: t(...REPLACE_REASON_LABELS[r]) }))}
            value={reason}
            onChange={(v) => setReason(v as ReplaceReason)}
            error={fields.reason}
            data-autofocus
          />
          <TextInput label={t('说明', 'Note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} maxLength={200} />
          {message && <Alert color="red">{message}</Alert>}
          <Group justify="flex-end">
            <Button
              disabled={!reason || data.difference.length === 0}
              loading={busy}
              onClick={() =>
                void submit(async (key) => {
                  const r = await api('bills.replace', { billId: bill.id, reason: reason!, note, idempotencyKey: key });
                  return t(`已开具替换单 ${r.number}（替换 ${r.replaced}）`, `Issued ${r.number} replacing ${r.replaced}`);
                })
              }
            >
              {t('开具替换单', 'Issue the replacement')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** 作废: the bill keeps its number; everything it booked is reversed. */
export function VoidBill({ bill, onClose, onDone }: { bill: Bill; onClose(): void; onDone(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { busy, fields, message, submit } = useSubmit(onDone, onClose);
  return (
    <Modal opened onClose={onClose} title={t(`作废缴费通知单 ${bill.number}`, `Void bill ${bill.number}`)}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(async (key) => {
            const r = await api('bills.void', { billId: bill.id, reason, idempotencyKey: key });
            return t(`已作废 ${r.number}，冲销 ${r.reversed} 元`, `Voided ${r.number}`);
          });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t(`${bill.childName} ${bill.period}，应缴 ${bill.totalDue} 元。作废后通知单保留编号并标注作废，账户冲销其全部金额。`, `${bill.childName} ${periodLabelEn(bill.periodFirst, bill.periodLast)}, due ${bill.totalDue}. The bill keeps its number; everything it booked is reversed.`)}
          </Text>
          <Textarea label={t('作废原因', 'Reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} maxLength={200} autosize minRows={2} data-autofocus />
          {message && !fields.reason && <Alert color="red">{message}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={busy}>
              {t('作废', 'Void')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
