import { Badge, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useApiAction } from '../../api/hooks';
import { useT } from '../../i18n';
import { formatFigure } from '../format';
import { ChangeBadge, type ReviewData } from '../ReviewCharts';
import { ACTION_STATUS } from '../labels';

export function Actions({ data, onChanged }: { data: ReviewData; onChanged(): void }) {
  const t = useT();
  const kindOf = (id: number) => (data.questions.find((q) => q.id === id)?.kind === 'nps' ? ('nps' as const) : ('rating' as const));
  const { run: call } = useApiAction();
  return (
    <Paper withBorder p="md" data-testid="actions">
      <Title order={4} mb="xs">
        {t('持续改进措施', 'Improvement actions')}
      </Title>
      {data.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('还没有改进措施。在上面得分低的题目旁点“制定改进措施”，下次调查会显示分数是否改善。', 'No actions yet. Use “Plan an action” beside a low score; the next survey shows whether it moved.')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('措施', 'Action')}</Table.Th>
              <Table.Th>{t('针对题目', 'Question')}</Table.Th>
              <Table.Th>{t('负责人', 'Owner')}</Table.Th>
              <Table.Th>{t('完成期限', 'Due')}</Table.Th>
              <Table.Th>{t('状态', 'Status')}</Table.Th>
              <Table.Th>{t('效果', 'Effect')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.title}
                  {a.fromPrevious && (
                    <Badge size="xs" ml={4} variant="outline">
                      {t('上次调查提出', 'From last survey')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" lineClamp={1}>
                    {a.questionText}
                  </Text>
                </Table.Td>
                <Table.Td>{a.owner}</Table.Td>
                <Table.Td c={a.status !== 'done' && a.dueDate < data.today ? 'red' : undefined}>{a.dueDate}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={110}
                    value={a.status}
                    data={Object.entries(ACTION_STATUS).map(([value, l]) => ({ value, label: t(l[0], l[1]) }))}
                    onChange={async (status) => {
                      if (!status) return;
                      const { id, runId, questionId, title, owner, dueDate, note } = a;
                      if (await call('surveys.saveAction', { id, runId, questionId, title, owner, dueDate, note, status: status as 'planned' }, t('已更新', 'Updated'))) onChanged();
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  {a.fromPrevious ? (
                    a.change ? (
                      <Group gap={4}>
                        <Text size="sm">
                          {formatFigure(a.before, kindOf(a.questionId))} → {formatFigure(a.after, kindOf(a.questionId))}
                        </Text>
                        <ChangeBadge change={a.change} kind={kindOf(a.questionId)} />
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('分数不足以比较', 'Not enough answers to compare')}
                      </Text>
                    )
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t(`目前 ${a.before ?? '—'}，下次调查比较`, `Now ${a.before ?? '—'}; compared next time`)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
