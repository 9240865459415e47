import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import type { Question } from '../../../core/surveys/types';
import { useT } from '../../i18n';
import { ChangeBadge, DistributionChart, MeanWithN, type ReviewData } from '../ReviewCharts';
import { percent } from '../ReviewCharts';
import { formatFigure } from '../format';
import { actionStatusLabel } from '../labels';

export function QuestionBlock({ data, question, onAction }: { data: ReviewData; question: Question; onAction?: (q: Question) => void }) {
  const t = useT();
  const stats = data.review.questions.find((s) => s.questionId === question.id)!;
  const ch = data.review.changes.find((c) => c.questionId === question.id);
  const index = data.questions.findIndex((q) => q.id === question.id) + 1;
  const scored = question.kind === 'rating' || question.kind === 'nps';
  const kind = question.kind === 'nps' ? 'nps' : 'rating';
  // What was done about this question after the last survey, shown beside the score it was meant to move.
  const followUps = data.actions.filter((a) => a.fromPrevious && a.questionId === question.id);
  return (
    <Paper withBorder p="sm" style={{ breakInside: 'avoid' }} data-testid={`review-q-${index}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {question.section}
          </Text>
          <Text fw={600} size="sm">
            {index}. {question.text}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {scored ? (
            <MeanWithN value={question.kind === 'nps' ? (stats.recommendation?.score ?? null) : stats.mean} n={stats.n} hidden={stats.hidden} minGroup={data.minGroup} kind={kind} />
          ) : (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              n = {stats.n}
            </Text>
          )}
          <ChangeBadge change={ch?.change} kind={kind} />
          {ch?.previous != null && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('上次', 'Last')} {formatFigure(ch.previous, kind)}
            </Text>
          )}
          {onAction && scored && (
            <Button size="compact-xs" variant="light" onClick={() => onAction(question)}>
              {t('制定改进措施', 'Plan an action')}
            </Button>
          )}
        </Group>
      </Group>
      {question.kind === 'nps' && stats.recommendation && (
        <Text size="xs" c="dimmed">
          {t(
            `推荐指数 = 推荐者 ${stats.recommendation.promoters} 人（${percent(stats.recommendation.promoters, stats.n)}%）− 贬损者 ${stats.recommendation.detractors} 人（${percent(stats.recommendation.detractors, stats.n)}%）`,
            `Score = promoters ${stats.recommendation.promoters} (${percent(stats.recommendation.promoters, stats.n)}%) − detractors ${stats.recommendation.detractors} (${percent(stats.recommendation.detractors, stats.n)}%)`,
          )}
        </Text>
      )}
      {followUps.map((a) => (
        <Group key={a.id} gap={6} mt={4} wrap="nowrap" data-testid="follow-up">
          <Badge size="sm" variant="outline" tt="none" style={{ flexShrink: 0 }}>
            {t('上次改进措施', 'Last action')}
          </Badge>
          <Text size="xs" style={{ minWidth: 0 }}>
            {a.title}
            {t(`（${actionStatusLabel(a.status)[0]}）`, ` (${actionStatusLabel(a.status)[1]})`)}：{a.change ? `${formatFigure(a.before, kind)} → ${formatFigure(a.after, kind)}` : t('分数不足以比较', 'not enough answers to compare')}
          </Text>
          <ChangeBadge change={a.change} kind={kind} />
        </Group>
      ))}
      <DistributionChart question={question} stats={stats} />
    </Paper>
  );
}
