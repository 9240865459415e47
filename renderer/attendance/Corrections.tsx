import { Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { useLang, useT } from '../i18n';
import { statusText } from './shared';

/** Attendance changed after its month was settled: each one is a settlement correction billing still owes. */
export function Corrections() {
  const t = useT();
  const { lang } = useLang();
  const canHandle = useCan('principal', 'finance');
  const [showHandled, setShowHandled] = useState(false);
  const { data } = useApiQuery('settlement.corrections', { includeHandled: showHandled });
  const corrections = data?.flags ?? [];
  const pending = corrections.filter((c) => !c.handledAt);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t(
            `已结算月份：${(data?.settledMonths ?? []).map((m) => m.month).join('、') || '无'}。在已结算月份更正考勤不会被拦下，但会列在这里，收费处据此做结算更正。`,
            'Corrections in settled months are listed here for billing.',
          )}
        </Text>
        <Group>
          <Checkbox label={t('显示已处理的', 'Show handled')} checked={showHandled} onChange={(e) => setShowHandled(e.currentTarget.checked)} />
          {canHandle && pending.length > 0 && (
            <Button size="xs" onClick={() => navigate('/billing/settlement/corrections')}>
              {t(`去办理结算更正（${pending.length}）`, `Book the corrections (${pending.length})`)}
            </Button>
          )}
        </Group>
      </Group>
      {data && corrections.length === 0 ? (
        <EmptyState title={t('没有待处理的结算更正', 'No corrections after settlement')}>
          {t('已结算月份的考勤一旦被更正，会出现在这里。', 'Changes to settled months will appear here.')}
        </EmptyState>
      ) : (
        <Table striped data-testid="corrections-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('幼儿', 'Child')}</Table.Th>
              <Table.Th>{t('班级', 'Class')}</Table.Th>
              <Table.Th>{t('日期', 'Day')}</Table.Th>
              <Table.Th>{t('原记录 → 新记录', 'Old → new')}</Table.Th>
              <Table.Th>{t('原因', 'Reason')}</Table.Th>
              <Table.Th>{t('操作人', 'By')}</Table.Th>
              <Table.Th>{t('状态', 'State')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {corrections.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.childName}</Table.Td>
                <Table.Td>{c.className}</Table.Td>
                <Table.Td>{c.date}</Table.Td>
                <Table.Td>{`${statusText(c.oldStatus, lang)} → ${statusText(c.newStatus, lang)}`}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.changedBy}</Table.Td>
                <Table.Td>{c.handledAt ? <Badge color="gray">{t('已处理', 'Handled')}</Badge> : <Badge color="red">{t('待结算更正', 'Pending')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
