import { Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { type BillingItem, type ClassLevel, ITEM_LABELS, LEVEL_LABELS, type StandardUnit, UNIT_LABELS } from '../../../core/billing/items';
import type { Api } from '../../../electron/api/index';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { ReductionsCard } from './ReductionsCard';
import { StandardForm } from './StandardForm';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

type StandardGroup = Api['standards.list']['output']['groups'][number];
type Row = StandardGroup['rows'][number];

/** 收费标准: every standard the kindergarten has set, by item, with the one in force today; reductions below. */
export function StandardsTab() {
  const t = useT();
  const { actor } = useSession();
  const { data, error, reload } = useApiQuery('standards.list', {});
  const [adding, setAdding] = useState(false);
  const manage = actor.role === 'principal' || actor.role === 'finance';
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const add = manage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      {t('新增收费标准', 'New standard')}
    </Button>
  );
  return (
    <Stack>
      <StandardForm opened={adding} today={data.today} onClose={() => setAdding(false)} onSaved={reload} />
      {data.groups.length === 0 ? (
        <EmptyState icon={<IconReceipt />} title={t('还没有收费标准', 'No fee standards yet')} action={add}>
          {t(
            '先设定保教费、伙食费等收费标准（金额、计费单位、起始月份、适用班级），保存时会按本园的收费文件核对。设定后才能开具缴费通知单。',
            'Set the fee standards first (amount, unit, from month, classes); each is checked against the fee notice. Bills can be issued once standards exist.',
          )}
        </EmptyState>
      ) : (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <div>
              <Title order={4}>{t('收费标准', 'Fee standards')}</Title>
              <Text size="sm" c="dimmed">
                {t('调整标准时新增一条，原标准保留为历史；每月的缴费通知单使用当月 1 日已执行的标准。', 'A change is a new row; the old one stays in the history. A bill uses the standard in force on the 1st of its month.')}
              </Text>
            </div>
            {add}
          </Group>
          <Table striped verticalSpacing={4} data-testid="standards-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('项目', 'Item')}</Table.Th>
                <Table.Th>{t('名称', 'Name')}</Table.Th>
                <Table.Th ta="right">{t('金额', 'Amount')}</Table.Th>
                <Table.Th>{t('适用于', 'For')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('起始', 'From')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('状态', 'State')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.groups.flatMap((g) => g.rows.map((row, i) => <StandardRow key={row.id} row={row} group={g} first={i === 0} today={data.today} />))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {manage && <ReductionsCard />}
    </Stack>
  );
}

function StandardRow({ row, group, first, today }: { row: Row; group: StandardGroup; first: boolean; today: string }) {
  const t = useT();
  const audience = [
    row.level ? t(...LEVEL_LABELS[row.level as ClassLevel]) : t('全部班级', 'All classes'),
    row.enrolledFrom ? t(`${row.enrolledFrom} 起入园幼儿`, `enrolled from ${row.enrolledFrom}`) : null,
  ]
    .filter(Boolean)
    .join('，');
  const state =
    row.appliesFrom > today ? (
      <Badge color="blue" variant="light">{t('将执行', 'Upcoming')}</Badge>
    ) : row.id === group.currentId ? (
      <Badge color="green" variant="light">{t('现行', 'In force')}</Badge>
    ) : row.enrolledFrom ? (
      <Badge color="teal" variant="light">{t('新生标准', 'New pupils')}</Badge>
    ) : (
      <Badge color="gray" variant="light">{t('历史', 'History')}</Badge>
    );
  return (
    <Table.Tr c={row.appliesFrom <= today && row.id !== group.currentId && !row.enrolledFrom ? 'dimmed' : undefined}>
      <Table.Td style={NOWRAP}>{first ? t(...ITEM_LABELS[row.item as BillingItem]) : ''}</Table.Td>
      <Table.Td>
        {row.label}
        {row.note && (
          <Text size="xs" c="dimmed">
            {row.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {row.amount} {t('元', 'yuan')}
        <Text span size="xs" c="dimmed">
          {' '}
          {t(...UNIT_LABELS[row.unit as StandardUnit])}
        </Text>
      </Table.Td>
      <Table.Td>{audience}</Table.Td>
      <Table.Td style={NOWRAP}>{row.appliesFrom.slice(0, 7)}</Table.Td>
      <Table.Td style={NOWRAP}>
        <Group gap={4} wrap="nowrap">
          {state}
          {row.overrideClause && (
            <Tooltip label={`${row.confirmedByName ?? ''}：${row.overrideNote}`}>
              <Badge color="orange" variant="outline">
                {t(`园长确认 ${row.overrideClause}`, `Confirmed ${row.overrideClause}`)}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
