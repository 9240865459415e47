import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { api, errorMessage } from '../../api/client';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useCan } from '../../app/session';
import { DateField } from '../../attendance/shared';
import { useLang, useT } from '../../i18n';
import { printDocument } from '../../print/print';
import { FEE_ITEM_LABELS } from '../labels';
import { newKey } from './shared';

type Statement = Api['settlement.statement']['output'];

export function StatementLines({ statement }: { statement: Statement }) {
  const t = useT();
  return (
    <Table withTableBorder data-testid="withdrawal-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('月份', 'Month')}</Table.Th>
          <Table.Th w={70}>{t('项目', 'Item')}</Table.Th>
          <Table.Th w={90} ta="right">
            {t('退费（元）', 'Refund')}
          </Table.Th>
          <Table.Th w={80}>{t('条款', 'Clause')}</Table.Th>
          <Table.Th>{t('计算说明', 'How')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {statement.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own and never reorder
          <Table.Tr key={i}>
            <Table.Td>{l.month}</Table.Td>
            <Table.Td>{t(...(FEE_ITEM_LABELS[l.item] ?? [l.item, l.item]))}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {l.booked}
            </Table.Td>
            <Table.Td>
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
  );
}

/** 退园: the status change and the final settlement in one operation, then the signed statement. */
export function WithdrawPanel({ today }: { today: string }) {
  const t = useT();
  const { lang } = useLang();
  const canBook = useCan('principal', 'finance');
  const roster = useApiQuery('families.children', { classId: null, status: 'all' });
  const done = useApiQuery('settlement.withdrawals', {});
  const { run, busy } = useApiAction();
  const [childId, setChildId] = useState<string | null>(null);
  const [leftOn, setLeftOn] = useState(today);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Statement | null>(null);
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState('');

  const options = (roster.data ?? []).filter((c) => c.status === 'enrolled' || c.status === 'suspended').map((c) => ({ value: String(c.id), label: `${c.name}（${c.className}）` }));
  const input = () => ({ childId: Number(childId), leftOn, reason });
  const compute = async () => {
    setError('');
    setPreview(null);
    try {
      setPreview(await api('settlement.withdrawPreview', input()));
      setKey(newKey());
    } catch (e) {
      setError(errorMessage(e, lang));
    }
  };
  const confirm = async () => {
    const result = await run('settlement.withdraw', { ...input(), idempotencyKey: key }, t('已办理退园并入账', 'Withdrawal booked'));
    if (!result) return;
    setPreview(null);
    setChildId(null);
    setReason('');
    await Promise.all([done.reload(), roster.reload()]);
    await printDocument(`withdrawal-statement/${result.settlementId}`);
  };
  return (
    <Stack>
      <Card withBorder p="lg">
        <Title order={4} mb="sm">
          {t('办理退园', 'Withdraw a child')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('幼儿', 'Child')} placeholder={t('输入姓名查找', 'Type a name')} data={options} value={childId} onChange={(v) => { setChildId(v); setPreview(null); }} searchable nothingFoundMessage={t('没有找到', 'Not found')} />
          <DateField label={t('退园日期（自该日起不再来园）', 'Leaving date (first day away)')} value={leftOn} onChange={(d) => { setLeftOn(d); setPreview(null); }} w={240} testId="withdraw-date" />
          <TextInput label={t('退园原因', 'Reason')} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setPreview(null); }} placeholder={t('如：随父母迁居外地', 'e.g. family moving away')} />
        </SimpleGrid>
        <Group mt="md">
          <Button onClick={compute} disabled={!childId || reason.trim() === ''} variant="light" data-testid="withdraw-preview">
            {t('计算最终结算', 'Compute the final settlement')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" mt="md" data-testid="withdraw-error">
            {error}
          </Alert>
        )}
      </Card>
      {preview && (
        <Card withBorder p="lg" data-testid="withdraw-preview-card">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t(`${preview.child.name} 退园结算（预览）`, `${preview.child.name}: final settlement (preview)`)}</Title>
            <Text fw={700} data-testid="withdraw-total">
              {t(`本次退费 ${preview.total} 元`, `Refund ${preview.total}`)}
            </Text>
          </Group>
          <StatementLines statement={preview} />
          <Text size="sm" mt="sm">
            {t(
              `家庭账户结余（入账后）：${preview.balance.startsWith('-') ? `多缴 ${preview.balance.slice(1)}` : `欠 ${preview.balance}`} 元；应退还家长 ${preview.toReturn} 元${preview.payBy ? `，须于 ${preview.payBy} 前办结（10 个工作日）` : ''}。`,
              `Household account after booking: ${preview.balance}; to pay back ${preview.toReturn}${preview.payBy ? ` by ${preview.payBy}` : ''}.`,
            )}
          </Text>
          {canBook ? (
            <Group justify="flex-end" mt="md">
              <Button onClick={confirm} loading={busy} color="red" data-testid="withdraw-confirm">
                {t('确认退园并入账', 'Withdraw and book')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed" mt="md">
              {t('退园结算须由园长或财务确认入账。', 'A principal or finance account books the withdrawal.')}
            </Text>
          )}
        </Card>
      )}
      {(done.data ?? []).length > 0 && (
        <Card withBorder p="sm">
          <Text fw={500} mb="xs">
            {t('已办理的退园结算', 'Withdrawals booked')}
          </Text>
          <Table data-testid="withdrawals">
            <Table.Tbody>
              {(done.data ?? []).map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>{w.name}</Table.Td>
                  <Table.Td>{w.className}</Table.Td>
                  <Table.Td>{w.note}</Table.Td>
                  <Table.Td>{w.bookedAt.slice(0, 10)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => printDocument(`withdrawal-statement/${w.id}`)}>
                      {t('打印退费结算单', 'Print statement')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
