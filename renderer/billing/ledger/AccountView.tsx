import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCash, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { ENTRY_KIND_LABELS, type EntryKind } from '../../../core/billing/statement';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, downloadBase64 } from '../../families/shared';
import { useLang, useT } from '../../i18n';
import { printDocument } from '../../print/print';
import { Amount, balanceWords, localTime } from '../money';
import { RefundWhatIf } from '../settlement/WhatIf';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** One household's account: every entry in order with the running balance, who did it and when; filters, statement, export. */
export function AccountView({ householdId }: { householdId: number }) {
  const t = useT();
  const { lang } = useLang();
  const [childId, setChildId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const input = { householdId, childId: childId ? Number(childId) : null, from, to };
  const { data, error } = useApiQuery('ledger.account', input);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const kind = (k: string) => ENTRY_KIND_LABELS[k as EntryKind]?.[lang === 'en' ? 1 : 0] ?? k;
  // The child's latest settled month, for the desk's what-if beside the refund lines.
  const refundMonth = childId ? ([...data.entries].reverse().find((e) => e.kind === 'refund' && e.childId === Number(childId))?.periodMonth ?? null) : null;
  const route = `statement/${householdId}/${childId ?? 'all'}/${from ?? '-'}/${to ?? '-'}`;
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await api('ledger.exportAccount', input);
      downloadBase64(file.fileName, file.base64, XLSX);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, lang) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Anchor size="sm" onClick={() => navigate('/billing/ledger')} display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
            <IconArrowLeft size={14} /> {t('换一个家庭', 'Another family')}
          </Anchor>
          <Title order={3} mt={4}>
            {t(`${data.household.label} 的家庭账户`, `Account of ${data.household.label}`)}
          </Title>
          <Anchor size="sm" onClick={() => navigate(`/families/household/${householdId}`)}>
            {t('家庭档案与沟通记录', 'Family record and contact log')}
          </Anchor>
        </div>
        <Group>
          <Button variant="default" leftSection={<IconCash size={16} />} onClick={() => navigate(`/billing/payments/${householdId}`)}>
            {t('缴费登记', 'Payments')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void printDocument(route)}>
            {t('打印对账单', 'Print statement')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportXlsx()}>
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('幼儿', 'Child')}
          placeholder={t('全部幼儿', 'All children')}
          clearable
          data={data.children.map((c) => ({ value: String(c.id), label: c.name }))}
          value={childId}
          onChange={setChildId}
          w={160}
        />
        <DateField label={t('从', 'From')} value={from} onChange={setFrom} w={150} />
        <DateField label={t('到', 'To')} value={to} onChange={setTo} w={150} />
        <Text size="sm" ml="auto" data-testid="account-summary">
          {t(`期初 ${data.opening} · 增加 ${data.debits} · 减少 ${data.credits} · 期末 ${data.closing}`, `Opening ${data.opening} · charged ${data.debits} · paid or credited ${data.credits} · closing ${data.closing}`)}
          {' · '}
          <b>{balanceWords(data.closing, t)}</b>
        </Text>
      </Group>
      {refundMonth && childId && (
        <Paper withBorder p="sm" data-testid="ledger-what-if">
          <Text size="sm" fw={500} mb={4}>
            {t(`${refundMonth} 的退费：多或少在园一天会怎样`, `Refund for ${refundMonth}: one day more or fewer`)}
          </Text>
          <RefundWhatIf childId={Number(childId)} month={refundMonth} />
        </Paper>
      )}
      {data.entries.length === 0 ? (
        <EmptyState title={t('这段期间没有账目', 'No entries in this period')}>
          {t('缴费通知单开具、缴费、退费结算后会自动记入家庭账户。可以清空日期或换一个幼儿再看。', 'Bills, payments and refunds are entered automatically. Clear the dates or choose another child.')}
        </EmptyState>
      ) : (
        <Table striped fz="sm" data-testid="account-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('日期', 'Date')}</Table.Th>
              <Table.Th>{t('类别', 'Kind')}</Table.Th>
              <Table.Th>{t('幼儿', 'Child')}</Table.Th>
              <Table.Th>{t('摘要', 'Description')}</Table.Th>
              <Table.Th ta="right">{t('金额', 'Amount')}</Table.Th>
              <Table.Th ta="right">{t('余额', 'Balance')}</Table.Th>
              <Table.Th>{t('经办', 'By')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{data.from ?? ''}</Table.Td>
              <Table.Td colSpan={4} fw={600}>
                {t('期初余额', 'Opening balance')}
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={data.opening} />
              </Table.Td>
              <Table.Td />
            </Table.Tr>
            {data.entries.map((e) => (
              <Table.Tr key={e.id} style={e.reversed ? { color: 'var(--mantine-color-dimmed)' } : undefined}>
                <Table.Td style={NOWRAP}>{e.entryDate}</Table.Td>
                <Table.Td style={NOWRAP}>{kind(e.kind)}</Table.Td>
                <Table.Td style={NOWRAP}>{e.childName ?? ''}</Table.Td>
                <Table.Td>
                  {e.description}
                  {e.reversed && (
                    <Text span size="xs" c="red" ml={4}>
                      {t('（已冲正）', '(reversed)')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={e.amount} signed />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={e.balance} />
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  {e.createdByName}
                  <Text size="xs" c="dimmed">
                    {localTime(e.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
