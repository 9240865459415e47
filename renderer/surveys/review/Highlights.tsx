import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useT } from '../../i18n';
import { formatFigure } from '../format';
import { ChangeBadge, type ReviewData } from '../ReviewCharts';

/**
 * The three things the principal asks first: where it got worse, what
 * scores lowest, and how the improvement actions stand.
 */
export function Highlights({ data }: { data: ReviewData }) {
  const t = useT();
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const number = new Map(data.questions.map((q, i) => [q.id, i + 1]));
  const kindOf = (id: number) => (byId.get(id)?.kind === 'nps' ? 'nps' : 'rating');
  const label = (id: number) => `${number.get(id)}. ${byId.get(id)?.kind === 'nps' ? t('推荐指数', 'Recommendation score') : (byId.get(id)?.text ?? '')}`;
  const worse = data.review.changes.filter((c) => c.change?.direction === 'down').sort((a, b) => a.change!.delta - b.change!.delta);
  const lowest = data.review.lowestFirst
    .map((id) => ({ id, mean: data.review.questions.find((s) => s.questionId === id)?.mean ?? null }))
    .filter((x) => x.mean !== null)
    .slice(0, 3);
  const open = data.actions.filter((a) => a.status !== 'done');
  const overdue = open.filter((a) => a.dueDate < data.today);
  return (
    <SimpleGrid cols={3} mb="md" data-testid="highlights">
      <Paper withBorder p="sm">
        <Text size="sm" fw={600} c={worse.length ? 'red.7' : undefined} mb={4}>
          {data.previous ? t(`比上次下降（${worse.length} 项）`, `Worse than last time (${worse.length})`) : t('比上次下降', 'Worse than last time')}
        </Text>
        {!data.previous && (
          <Text size="xs" c="dimmed">
            {t('这是这份问卷的第一次调查，下次调查起可以对比。', 'The first survey with this questionnaire; later ones compare with it.')}
          </Text>
        )}
        {data.previous && worse.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('没有明显下降的题目。', 'Nothing went down noticeably.')}
          </Text>
        )}
        {worse.slice(0, 5).map((c) => (
          <Group key={c.questionId} gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="xs">{label(c.questionId)}</Text>
            <Text size="xs" c="red.7" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatFigure(c.previous, kindOf(c.questionId))} → {formatFigure(c.current, kindOf(c.questionId))}
            </Text>
          </Group>
        ))}
        {worse.length > 5 && (
          <Text size="xs" c="dimmed">
            {t(`另有 ${worse.length - 5} 项，见下方各题`, `${worse.length - 5} more below`)}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="sm">
        <Text size="sm" fw={600} mb={4}>
          {t('得分最低', 'Lowest scores')}
        </Text>
        {lowest.length === 0 && (
          <Text size="xs" c="dimmed">
            {t(`答卷不足 ${data.minGroup} 份，暂不排名。`, `Fewer than ${data.minGroup} responses; no ranking yet.`)}
          </Text>
        )}
        {lowest.map((x) => (
          <Group key={x.id} gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="xs">{label(x.id)}</Text>
            <Text size="xs" fw={600} data-testid="lowest-mean">
              {formatFigure(x.mean)}
            </Text>
          </Group>
        ))}
      </Paper>
      <Paper withBorder p="sm">
        <Text size="sm" fw={600} mb={4}>
          {t('改进措施', 'Improvement actions')}
        </Text>
        {data.actions.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('还没有改进措施：在得分低的题目旁点“制定改进措施”。', 'None yet: use “Plan an action” beside a low score.')}
          </Text>
        ) : (
          <Text size="xs">
            {t(
              `共 ${data.actions.length} 项：已完成 ${data.actions.length - open.length}，未完成 ${open.length}`,
              `${data.actions.length} in all: ${data.actions.length - open.length} done, ${open.length} open`,
            )}
            {overdue.length > 0 && (
              <Text span size="xs" c="red.7" fw={600}>
                {t(`，其中 ${overdue.length} 项已过期限`, `, ${overdue.length} overdue`)}
              </Text>
            )}
          </Text>
        )}
        {data.actions
          .filter((a) => a.fromPrevious && a.change)
          .map((a) => (
            <Group key={a.id} gap={6} wrap="nowrap" justify="space-between" mt={2} align="flex-start">
              <Text size="xs">{a.title}</Text>
              <ChangeBadge change={a.change} kind={kindOf(a.questionId)} />
            </Group>
          ))}
      </Paper>
    </SimpleGrid>
  );
}
