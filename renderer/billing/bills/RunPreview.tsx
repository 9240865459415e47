import { Accordion, Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiCallError, api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DateField } from '../../attendance/shared';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n';
import { usePeriod } from '../labels';
import { newSubmissionKey } from '../money-field';
import { quantityText } from './BillLines';

/**
 * The month's bill run before anything is written: every child's lines,
 * reductions with their clause, credit carried and the total; who is already
 * billed; who cannot be and why. 开具 issues exactly what is shown.
 */
export function RunPreview({ month, onClose, onIssued }: { month: string; onClose(): void; onIssued(): void }) {
  const t = useT();
  const period = usePeriod();
  const { lang } = useLang();
  const { data, error, reload } = useApiQuery('bills.preview', { month });
  const [dueOn, setDueOn] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [submissionKey] = useState(newSubmissionKey);
  useEffect(() => {
    if (data) setDueOn((d) => d || data.defaultDueOn);
  }, [data]);

  const issue = async () => {
    if (!data) return;
    setBusy(true);
    setMessage('');
    try {
      const done = await api('bills.issue', { month, dueOn, digest: data.digest, idempotencyKey: submissionKey });
      notifications.show({ color: 'green', message: t(`已开具 ${done.count} 份缴费通知单（${done.first}～${done.last}），应缴合计 ${done.totalDue} 元`, `Issued ${done.count} bills (${done.first}–${done.last})`) });
      onIssued();
      onClose();
    } catch (e) {
      setFieldError(e instanceof ApiCallError ? (e.fields.dueOn ?? '') : '');
      setMessage(errorMessage(e, lang));
      if (e instanceof ApiCallError && e.code === 'conflict') void reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`开具 ${month} 缴费通知单：预览`, `Issue bills for ${month}: preview`)} size="90%">
      <ErrorAlert error={error} />
      {!data && !error && <Loader />}
      {data && (
        <Stack gap="sm" data-testid="run-preview">
          <Group justify="space-between" align="flex-end">
            <Text data-testid="run-summary">
              {t(
                `将开具 ${data.totals.count} 份，收费 ${data.totals.charges} 元（其中代收费 ${data.totals.agency} 元），减免 ${data.totals.reductions} 元，结余抵扣 ${data.totals.credit} 元，应缴合计 ${data.totals.totalDue} 元。`,
                `${data.totals.count} bills: charges ${data.totals.charges} (collected on behalf ${data.totals.agency}), reductions ${data.totals.reductions}, credit ${data.totals.credit}, due ${data.totals.totalDue}.`,
              )}
              {data.alreadyBilled.length > 0 && t(` 已开具 ${data.alreadyBilled.length} 名。`, ` ${data.alreadyBilled.length} already billed.`)}
              {data.cannotBill.length > 0 && t(` 无法开具 ${data.cannotBill.length} 名。`, ` ${data.cannotBill.length} cannot be billed.`)}
            </Text>
            <Group align="flex-end">
              <DateField label={t('缴费截止日', 'Due date')} value={dueOn} onChange={setDueOn} minDate={data.issueDate} error={fieldError} testId="due-on" />
              <Button onClick={() => void issue()} loading={busy} disabled={data.bills.length === 0}>
                {t(`确认开具 ${data.bills.length} 份`, `Issue ${data.bills.length}`)}
              </Button>
            </Group>
          </Group>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          {data.cannotBill.length > 0 && (
            <Alert color="orange" title={t('以下幼儿无法开具', 'These children cannot be billed')} data-testid="cannot-bill">
              {data.cannotBill.map((c) => (
                <Text size="sm" key={c.childId}>
                  {t(`${c.childName}（${c.className}）：`, `${c.childName} (${c.className}): `)}{c.reasons.map((r) => `${r.clause ? `【${r.clause}】` : ''}${t(r.message, r.messageEn)}`).join(t('；', '; '))}
                </Text>
              ))}
            </Alert>
          )}
          {data.bills.length === 0 && data.cannotBill.length === 0 && (
            <Alert color="blue">{t('本月没有需要开具的缴费通知单：所有幼儿都已开具。', 'Nothing to issue: every child is billed for this month.')}</Alert>
          )}
          {data.bills.length > 0 && (
            <Table striped verticalSpacing={2} fz="sm" data-testid="preview-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('幼儿', 'Child')}</Table.Th>
                  <Table.Th>{t('期间', 'Period')}</Table.Th>
                  <Table.Th>{t('明细', 'Lines')}</Table.Th>
                  <Table.Th ta="right">{t('结余抵扣', 'Credit')}</Table.Th>
                  <Table.Th ta="right">{t('应缴', 'Due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.bills.map((b) => (
                  <Table.Tr key={b.childId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {b.childName}
                      <Text size="xs" c="dimmed">
                        {b.className}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(b)}</Table.Td>
                    <Table.Td>
                      {b.lines.map((l) => (
                        <Text size="xs" key={`${l.kind}-${l.item}-${l.label}-${l.period}`} c={l.kind === 'reduction' ? 'teal' : undefined}>
                          {l.item === 'agency' && (
                            <Badge size="xs" color="grape" variant="light" mr={4}>
                              {t('代收费', 'On behalf')}
                            </Badge>
                          )}
                          {l.label} {quantityText(l, t)} {l.kind === 'reduction' ? `-${l.amount}` : `= ${l.amount}`} {l.clause && <Badge size="xs" variant="light">{l.clause}</Badge>}
                          {l.kind === 'reduction' && !l.clause && l.note ? `（${l.note}）` : ''}
                        </Text>
                      ))}
                      {b.notes.map((n) => (
                        <Text size="xs" c="orange" key={n}>
                          {n}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td ta="right">{b.credit === '0.00' ? '' : `-${b.credit}`}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {b.totalDue}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.alreadyBilled.length > 0 && (
            <Accordion variant="contained">
              <Accordion.Item value="billed">
                <Accordion.Control>{t(`已开具的幼儿（${data.alreadyBilled.length} 名，本次不再开具）`, `Already billed (${data.alreadyBilled.length})`)}</Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm">{data.alreadyBilled.map((b) => `${b.childName} ${b.number}（${period(b)}）`).join('；')}</Text>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          )}
        </Stack>
      )}
    </Modal>
  );
}
