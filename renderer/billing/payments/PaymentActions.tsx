import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PaymentView } from '../../../electron/api/payments/views';
import { useSubmit } from '../../families/shared';
import { useT } from '../../i18n';

/**
 * 作废 (finance and principal): the payment is reversed on the account, its
 * bills are open again, the receipt keeps its number and prints 作废.
 */
export function VoidDialog({ payment, onClose, onSaved }: { payment: PaymentView; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t(`作废收据 ${payment.receiptNo}`, `Void receipt ${payment.receiptNo}`)}>
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const done = await submit('payments.void', { idempotencyKey, paymentId: payment.id, reason }, t('已作废', 'Voided'));
          if (done?.explanation) {
            notifications.show({
              color: 'orange',
              autoClose: false,
              message: t(done.explanation, `The credit this payment left was used on ${done.creditWithdrawn.map((c) => c.number).join(', ')}; that amount is owed again on those bills.`),
            });
          }
          if (done) {
            onSaved();
            onClose();
          }
        }}
      >
        <Stack>
          <Alert color="orange">
            {t(
              `将冲正这笔 ${payment.amount} 元的收款：家庭账户恢复应缴，所缴的缴费通知单重新变为待缴。收据保留原号码并打印“作废”。此操作不能撤销。`,
              `The ${payment.amount} payment will be reversed: its bills become unpaid again. The receipt keeps its number and prints VOID. This cannot be undone.`,
            )}
          </Alert>
          <Textarea
            label={t('作废原因', 'Reason')}
            withAsterisk
            data-autofocus
            autosize
            minRows={2}
            placeholder={t('例如：金额登记错误，已按实收重新登记', 'e.g. wrong amount, recorded again')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('取消', 'Cancel')}
            </Button>
            <Button type="submit" color="red" loading={busy}>
              {t('确认作废', 'Void')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The official invoice / 财政票据 number, entered when it is issued outside the app; a correction replaces it on the receipt. */
export function InvoiceDialog({ payment, onClose, onSaved }: { payment: PaymentView; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [invoiceNo, setInvoiceNo] = useState(payment.invoiceNo ?? '');
  return (
    <Modal opened onClose={onClose} title={t(`票据号码：${payment.receiptNo}`, `Invoice number: ${payment.receiptNo}`)}>
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await submit('payments.setInvoiceNo', { idempotencyKey, paymentId: payment.id, invoiceNo }, t('已登记', 'Saved'))) {
            onSaved();
            onClose();
          }
        }}
      >
        <Stack>
          <TextInput
            label={t('发票 / 财政票据号码', 'Invoice / fiscal receipt number')}
            withAsterisk
            data-autofocus
            value={invoiceNo}
            onChange={(e) => setInvoiceNo(e.currentTarget.value)}
            error={fieldError('invoiceNo')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('取消', 'Cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('保存', 'Save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
