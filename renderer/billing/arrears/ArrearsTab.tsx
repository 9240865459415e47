import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMoodHappy, IconPhone, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { AGING_LABELS, type AgingBucket } from '../../../core/billing/aging';
import { CHANNEL_LABELS } from '../../../core/families/labels';
import type { Api } from '../../../electron/api/index';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClassOptions } from '../../families/forms';
import { downloadBase64, useLabel } from '../../families/shared';
import { periodLabelEn } from '../../../core/billing/items';
import { useLang, useT } from '../../i18n';
import { useRelationship } from '../../families/shared';
import { usePeriod } from '../labels';
import { printDocument } from '../../print/print';
import { Amount } from '../money';
import { ContactDialog, type ContactTarget } from './ContactDialog';

type Row = Api['ledger.arrears']['output']['rows'][number];
const BUCKET_COLORS: Record<AgingBucket, string> = { d0_30: 'yellow', d31_60: 'orange', over_60: 'red' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 欠费: bills not fully paid after their due date, by class, aged, with the guardian to call and the contact log. */
export function ArrearsTab() {
  const t = useT();
  const { lang } = useLang();
  const classOptions = useClassOptions(true);
  const [classId, setClassId] = useState<string | null>(null);
  const [contact, setContact] = useState<ContactTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const input = { classId: classId ? Number(classId) : null };
  const { data, error, reload } = useApiQuery('ledger.arrears', input);
  const bucketLabel = (b: AgingBucket) => AGING_LABELS[b][lang === 'en' ? 1 : 0];
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await api('ledger.exportArrears', input);
      downloadBase64(file.fileName, file.base64, XLSX);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, lang) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Select placeholder={t('全部班级', 'All classes')} clearable data={classOptions} value={classId} onChange={setClassId} w={180} aria-label={t('班级', 'Class')} />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={!data?.rows.length} onClick={() => void printDocument(`arrears-reminders/${classId ?? 'all'}`)}>
            {t('打印催缴单', 'Print reminder slips')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} disabled={!data?.rows.length} onClick={() => void exportXlsx()}>
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {data && (
        <SimpleGrid cols={4} data-testid="arrears-buckets">
          <Card withBorder padding="sm">
            <Text size="sm" c="dimmed">
              {t('欠费合计', 'Total overdue')}
            </Text>
            <Text fw={700} size="xl" data-testid="arrears-total">
              {data.total.outstanding}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`${data.total.households} 户 · ${data.total.count} 张通知单`, `${data.total.households} families · ${data.total.count} bills`)}
            </Text>
          </Card>
          {data.buckets.map((b) => (
            <Card key={b.bucket} withBorder padding="sm">
              <Badge color={BUCKET_COLORS[b.bucket]} variant="light">
                {t(`逾期 ${bucketLabel(b.bucket)}`, `Overdue ${bucketLabel(b.bucket)}`)}
              </Badge>
              <Text fw={700} size="lg" mt={4}>
                {b.outstanding}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`${b.count} 张通知单`, `${b.count} bills`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {data && data.rows.length === 0 && (
        <EmptyState icon={<IconMoodHappy />} title={t('没有逾期未缴的缴费通知单', 'No overdue bills')}>
          {t('缴费通知单过了缴费期限仍未缴清时会出现在这里，可按班级查看、打电话提醒并记录沟通。', 'Bills not paid by their due date appear here, by class, with the guardian to call.')}
        </EmptyState>
      )}
      {data?.classes.map((c) => (
        <Card key={c.classId} withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={5}>{c.className}</Title>
            <Text size="sm">{t(`${c.count} 张 · 欠费 ${c.outstanding} 元`, `${c.count} bills · ${c.outstanding}`)}</Text>
          </Group>
          <Table fz="sm" data-testid="arrears-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('幼儿', 'Child')}</Table.Th>
                <Table.Th>{t('缴费通知单与缴费期限', 'Bill and due date')}</Table.Th>
                <Table.Th w={80}>{t('逾期', 'Overdue')}</Table.Th>
                <Table.Th ta="right">{t('欠费', 'Outstanding')}</Table.Th>
                <Table.Th>{t('联系家长', 'Call')}</Table.Th>
                <Table.Th>{t('最近沟通', 'Last contact')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows
                .filter((r) => r.classId === c.classId)
                .map((r) => (
                  <ArrearsRow key={r.billId} row={r} bucketLabel={bucketLabel} onContact={() => setContact({ householdId: r.householdId, householdLabel: r.householdLabel, childId: r.childId, guardianId: r.guardian?.id ?? null, topic: t(`催缴 ${r.period}费用 ${r.outstanding} 元`, `Reminder: ${periodLabelEn(r.periodFirst, r.periodLast)} ${r.outstanding}`) })} />
                ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
      {contact && data && <ContactDialog target={contact} today={data.today} onClose={() => setContact(null)} onSaved={() => void reload()} />}
    </Stack>
  );
}

function ArrearsRow({ row: r, bucketLabel, onContact }: { row: Row; bucketLabel(b: AgingBucket): string; onContact(): void }) {
  const t = useT();
  const relationship = useRelationship();
  const period = usePeriod();
  const label = useLabel();
  const [fullMobile, setFullMobile] = useState<string | null>(null);
  // The full number is on the family record; fetched only when the desk clicks to call.
  const reveal = async () => {
    const household = await api('families.household', { id: r.householdId });
    setFullMobile(household.guardians.find((g) => g.id === r.guardian?.id)?.mobile ?? null);
  };
  return (
    <Table.Tr>
      <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
        {r.childName}
      </Table.Td>
      <Table.Td>
        {period(r)}
        <Text size="xs" c="dimmed">
          <Text span ff="monospace" size="xs">
            {r.number}
          </Text>{' '}
          {t(`期限 ${r.dueOn}`, `due ${r.dueOn}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={BUCKET_COLORS[r.bucket]} variant="light" title={bucketLabel(r.bucket)} style={{ overflow: 'visible' }}>
          {t(`${r.daysOverdue} 天`, `${r.daysOverdue} d`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        <Amount value={r.outstanding} fw={700} />
        {r.paid !== '0.00' && (
          <Text size="xs" c="dimmed">
            {t(`已缴 ${r.paid}`, `paid ${r.paid}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {r.guardian ? (
          <UnstyledButton onClick={() => void reveal()} title={t('点击显示完整号码', 'Click for the full number')} data-testid="guardian-phone">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {relationship(r.guardian.relationship)} {r.guardian.name}
            </Text>
            <Text size="sm" ff="monospace" c="blue" style={{ whiteSpace: 'nowrap' }}>
              <IconPhone size={12} /> {fullMobile ?? r.guardian.mobileMasked}
            </Text>
          </UnstyledButton>
        ) : (
          <Text size="sm" c="dimmed">
            {t('未登记家长', 'No guardian on file')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {r.lastContact ? (
          <Text size="xs">
            {r.lastContact.date} {label(CHANNEL_LABELS, r.lastContact.channel)}：{r.lastContact.topic}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {t('还没有沟通记录', 'None yet')}
          </Text>
        )}
        <Anchor size="xs" onClick={() => navigate(`/families/household/${r.householdId}`)}>
          {t('沟通记录', 'Contact log')}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="default" onClick={onContact}>
            {t('记录沟通', 'Log call')}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => navigate(`/billing/payments/${r.householdId}`)}>
            {t('收款', 'Take payment')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
