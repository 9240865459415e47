import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useT } from '../../i18n';
import { formatFigure } from '../format';
import { ChangeBadge, MeanWithN, type ReviewData } from '../ReviewCharts';

export function SummaryCards({ data }: { data: ReviewData }) {
  const t = useT();
  const { review } = data;
  const nps = data.questions.find((q) => q.kind === 'nps');
  const npsChange = nps ? review.changes.find((c) => c.questionId === nps.id)?.change : null;
  return (
    <SimpleGrid cols={3} mb="md">
      <Paper withBorder p="md" data-testid="summary-responses">
        <Text size="sm" c="dimmed">
          {t('回收问卷', 'Responses')}
        </Text>
        <Text size="xl" fw={700}>
          {review.responses} / {review.invited}
        </Text>
        <Text size="sm">
          {t('回收率', 'Response rate')} {review.rate ?? '—'}%
        </Text>
        {review.unknownClass > 0 && (
          <Text size="xs" c="dimmed" data-testid="summary-unknown-class">
            {t(`其中 ${review.unknownClass} 份班级未知（只计入总数）`, `${review.unknownClass} with class not known (totals only)`)}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" data-testid="summary-overall">
        <Text size="sm" c="dimmed">
          {t('总体满意度（全部评分题平均，满分 5）', 'Overall satisfaction (all ratings, of 5)')}
        </Text>
        <MeanWithN value={review.overall.mean} n={review.overall.n} hidden={review.overall.hidden} minGroup={data.minGroup} />
      </Paper>
      <Paper withBorder p="md" data-testid="summary-nps">
        <Text size="sm" c="dimmed">
          {t('推荐指数（推荐者% − 贬损者%）', 'Recommendation score (promoters% − detractors%)')}
        </Text>
        {review.recommendation && review.recommendation.score !== null ? (
          <>
            <Group gap="xs">
              <Text size="xl" fw={700} data-testid="nps-score">
                {review.recommendation.score > 0 ? '+' : ''}
                {formatFigure(review.recommendation.score, 'nps')}
              </Text>
              <ChangeBadge change={npsChange} kind="nps" />
            </Group>
            <Text size="xs" c="dimmed">
              {t(
                `推荐者 ${review.recommendation.promoters} · 中立 ${review.recommendation.passives} · 贬损者 ${review.recommendation.detractors}（n = ${review.recommendation.n}）`,
                `Promoters ${review.recommendation.promoters} · passives ${review.recommendation.passives} · detractors ${review.recommendation.detractors} (n = ${review.recommendation.n})`,
              )}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t(`不足 ${data.minGroup} 份，不显示`, `Fewer than ${data.minGroup}, hidden`)}</Text>
        )}
      </Paper>
    </SimpleGrid>
  );
}
