import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { MonthField } from '../../attendance/shared';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { FEE_ITEM_LABELS } from '../labels';
import { BILLING_LABELS, type ChildRow, FixLink, type MonthView, newKey, SETTLE_REASON_LABELS, StatusBadge } from './shared';
import { RefundWhatIf } from './WhatIf';

function Lines({ child, month }: { child: ChildRow; month: string }) {
  const t = useT();
  return (
    <Stack gap="xs" p="xs">
      <Table withTableBorder data-testid={`settlement-lines-${child.childId}`}>
        <Table.Tbody>
          {child.lines.map((l) => (
            <Table.Tr key={l.item}>
              <Table.Td w={80}>{t(...(FEE_ITEM_LABELS[l.item] ?? [l.item, l.item]))}</Table.Td>
              <Table.Td w={90} ta="right" ff="monospace">
                {l.refund}
              </Table.Td>
              <Table.Td w={80}>
                <Badge variant="light" radius="sm">
                  {l.clause}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{l.explanation}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RefundWhatIf childId={child.childId} month={month} />
    </Stack>
  );
}

function Sums({ view }: { view: MonthView }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="settlement-sums">
      <Card withBorder p="sm">
        <Text fw={500} mb={4}>
          {t('按收费项目', 'By fee item')}
        </Text>
        <Table>
          <Table.Tbody>
            {view.byItem.map((r) => (
              <Table.Tr key={r.item}>
                <Table.Td>{t(...(FEE_ITEM_LABELS[r.item] ?? [r.item, r.item]))}</Table.Td>
                <Table.Td>{t(`${r.children} 人有退费`, `${r.children} refunded`)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {r.refund}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder p="sm">
        <Text fw={500} mb={4}>
          {t('按班级', 'By class')}
        </Text>
        <Table>
          <Table.Tbody>
            {view.byClass.map((r) => (
              <Table.Tr key={r.className}>
                <Table.Td>{r.className}</Table.Td>
                <Table.Td>{t(`${r.children} 人`, r.children === 1 ? '1 child' : `${r.children} children`)}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {r.refund}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </SimpleGrid>
  );
}

function Unsettled({ view }: { view: MonthView }) {
  const t = useT();
  if (view.unsettled.length === 0) return null;
  return (
    <Card withBorder p="sm" data-testid="unsettled">
      <Group gap="xs" mb="xs">
        <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" />
        <Text fw={500}>{t(`暂不能结算 ${view.unsettled.length} 名（不入账，处理后在“结算更正”中补办）`, `${view.unsettled.length} cannot be settled yet (not booked)`)}</Text>
      </Group>
      <Table.ScrollContainer minWidth={600} mah={260}>
        <Table striped>
          <Table.Tbody>
            {view.unsettled.map((u) => (
              <Table.Tr key={u.childId}>
                <Table.Td w={90}>{u.name}</Table.Td>
                <Table.Td w={90}>{u.className}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(u.reason, u.reasonEn)}</Text>
                </Table.Td>
                <Table.Td w={120}>
                  <FixLink link={u.link} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** 月结: the month's refunds child by child, what stops some, and the one booking. */
export function MonthSettlement({ month }: { month: string }) {
  const t = useT();
  const canSettle = useCan('principal', 'finance');
  const { data, error, reload } = useApiQuery('settlement.preview', { month });
  const { run, busy } = useApiAction();
  const [open, setOpen] = useState<number | null>(null);
  const [onlyRefunds, setOnlyRefunds] = useState(true);
  const [confirm, setConfirm] = useState<string | null>(null);
  const go = (m: string) => navigate(`/billing/settlement?month=${m}`);

  const book = async () => {
    if (!confirm) return;
    const done = await run('settlement.book', { month, idempotencyKey: confirm }, t(`${month} 已结算入账`, `${month} settled`));
    setConfirm(null);
    if (done) await reload();
  };
  const rows = (data?.children ?? []).filter((c) => !onlyRefunds || c.total !== '0.00');
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <MonthField value={month} onChange={go} testId="settlement-month" />
          {data && <StatusBadge status={data.status} ended={data.ended} />}
        </Group>
        {data && data.status === 'preview' && canSettle && (
          <Button onClick={() => setConfirm(newKey())} disabled={!data.ended} data-testid="settle-confirm-open">
            {t('确认月结并入账', 'Confirm and book')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {data && !data.ended && (
        <Alert color="orange" title={t('暂定结果', 'Provisional')} data-testid="settlement-provisional">
          {t(`${month} 还没有结束，以下是按目前考勤的暂定计算，月底之后才能确认入账。`, `${month} has not ended: these figures are provisional and can be booked after its last day.`)}
        </Alert>
      )}
      {data?.booking && (
        <Text size="sm" c="dimmed" data-testid="settlement-booking">
          {t(
            `${data.booking.bookedAt.slice(0, 10)} 由 ${data.booking.bookedBy ?? '—'} 结算入账${data.booking.source === 'cli' ? '（命令行）' : ''}；之后的考勤更正在“结算更正”中补差。`,
            `Booked on ${data.booking.bookedAt.slice(0, 10)} by ${data.booking.bookedBy ?? '—'}; later corrections are booked as differences.`,
          )}
        </Text>
      )}
      {data && (
        <>
          <Group gap="xl" data-testid="settlement-summary">
            <Title order={4}>{t(`退费合计 ${data.total} 元`, `Refunds ${data.total}`)}</Title>
            <Text>{t(`结算 ${data.children.length} 名`, `${data.children.length} settled`)}</Text>
            <Text>{t(`法定工作日 ${data.legalWorkingDays} 天`, `W = ${data.legalWorkingDays}`)}</Text>
            <Text c="dimmed" size="sm">
              {data.policy.name}
            </Text>
          </Group>
          {data.children.length > 0 && <Sums view={data} />}
          <Unsettled view={data} />
          {data.children.length === 0 && data.unsettled.length === 0 ? (
            <EmptyState title={t('这个月没有开具缴费通知单', 'Nothing billed for this month')}>
              {t('结算按已开出的缴费通知单计算退费。请先在“缴费通知单”中为这个月开具。', 'Settlement refunds what was billed. Issue the month’s bills first.')}
            </EmptyState>
          ) : (
            <Card withBorder p={0}>
              <Group justify="space-between" p="sm">
                <Text fw={500}>{t('逐名幼儿（点开看每一项的条款和说明）', 'Child by child (open for clauses)')}</Text>
                <Switch label={t('只看有退费的', 'Only with a refund')} checked={onlyRefunds} onChange={(e) => setOnlyRefunds(e.currentTarget.checked)} />
              </Group>
              <Table highlightOnHover data-testid="settlement-children">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={30} />
                    <Table.Th>{t('幼儿', 'Child')}</Table.Th>
                    <Table.Th>{t('班级', 'Class')}</Table.Th>
                    <Table.Th>{t('缴费', 'Billing')}</Table.Th>
                    <Table.Th>{t('原因', 'Reason')}</Table.Th>
                    <Table.Th ta="right">{t('在园', 'Present')}</Table.Th>
                    <Table.Th ta="right">{t('停课', 'Closed')}</Table.Th>
                    <Table.Th ta="right">{t('退费（元）', 'Refund')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Fragment key={c.childId}>
                      <Table.Tr onClick={() => setOpen(open === c.childId ? null : c.childId)} style={{ cursor: 'pointer' }} data-testid={`settlement-child-${c.childId}`}>
                        <Table.Td>{open === c.childId ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}</Table.Td>
                        <Table.Td>{c.name}</Table.Td>
                        <Table.Td>{c.className}</Table.Td>
                        <Table.Td>{t(...(BILLING_LABELS[c.billing] ?? [c.billing, c.billing]))}</Table.Td>
                        <Table.Td>{t(...(SETTLE_REASON_LABELS[c.reason] ?? [c.reason, c.reason]))}</Table.Td>
                        <Table.Td ta="right">{c.presentDays}</Table.Td>
                        <Table.Td ta="right">{c.closureDays}</Table.Td>
                        <Table.Td ta="right" ff="monospace">
                          {c.total}
                        </Table.Td>
                      </Table.Tr>
                      {open === c.childId && (
                        <Table.Tr>
                          <Table.Td colSpan={8} bg="var(--mantine-color-gray-0)">
                            <Lines child={c} month={month} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
              {rows.length === 0 && (
                <Text c="dimmed" p="md" ta="center">
                  {t('本月没有幼儿需要退费。关掉“只看有退费的”可查看全部。', 'No refunds this month. Turn off the filter to see everyone.')}
                </Text>
              )}
            </Card>
          )}
        </>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t(`确认 ${month} 月结`, `Settle ${month}`)}>
        {data && (
          <Stack>
            <Text>
              {t(
                `${data.children.length} 名幼儿的退费合计 ${data.total} 元将记入各家庭账户（抵扣下期缴费通知单或按家庭要求退还）。${data.unsettled.length ? `另有 ${data.unsettled.length} 名暂不能结算，不入账。` : ''}入账后不能修改，之后的考勤更正按差额补记。`,
                `Refunds of ${data.total} for ${data.children.length} children will be booked on the families' accounts. ${data.unsettled.length} cannot be settled yet and are not booked. Booked rows never change.`,
              )}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('取消', 'Cancel')}
              </Button>
              <Button onClick={book} loading={busy} data-testid="settle-confirm">
                {t('确认入账', 'Book')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
