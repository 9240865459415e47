import { BarChart } from '@mantine/charts';
import { Badge, Group, Text } from '@mantine/core';
import type { Question } from '../../core/surveys/types';
import type { Api } from '../../electron/api/index';

export type ReviewData = Api['surveys.review']['output'];
type Stats = ReviewData['review']['questions'][number];
type Change = ReviewData['review']['changes'][number]['change'];

const RATING_COLORS = ['red.6', 'orange.5', 'yellow.5', 'teal.5', 'green.7'];

/**
 * A question's distribution as one stacked bar (ratings, 0–10) or bars per
 * option (choices). Animation is off so the printed PDF never catches a bar
 * mid-growth.
 */
export function DistributionChart({ question, stats, height = 60 }: { question: Question; stats: Stats; height?: number }) {
  if (!stats.distribution) return null;
  if (question.kind === 'rating') {
    const row: Record<string, number | string> = { q: '' };
    question.options.forEach((label, i) => {
      row[`${i + 1} ${label}`] = stats.distribution![i] ?? 0;
    });
    return (
      <BarChart
        h={height}
        data={[row]}
        dataKey="q"
        type="percent"
        orientation="vertical"
        withXAxis={false}
        withYAxis={false}
        gridAxis="none"
        withTooltip={false}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 20 }}
        barProps={{ isAnimationActive: false }}
        series={question.options.map((label, i) => ({ name: `${i + 1} ${label}`, color: RATING_COLORS[i]! }))}
      />
    );
  }
  if (question.kind === 'nps') {
    const data = stats.distribution.map((count, score) => ({
      label: String(score),
      贬损者: score <= 6 ? count : 0,
      中立者: score === 7 || score === 8 ? count : 0,
      推荐者: score >= 9 ? count : 0,
    }));
    return (
      <BarChart
        h={150}
        data={data}
        dataKey="label"
        type="stacked"
        withTooltip={false}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 20 }}
        barProps={{ isAnimationActive: false }}
        series={[
          { name: '贬损者', label: '贬损者 0–6', color: 'red.6' },
          { name: '中立者', label: '中立者 7–8', color: 'gray.5' },
          { name: '推荐者', label: '推荐者 9–10', color: 'green.6' },
        ]}
      />
    );
  }
  const data = question.options.map((label, i) => ({ label, count: stats.distribution![i] ?? 0 }));
  return (
    <BarChart
      h={Math.max(110, data.length * 30)}
      data={data}
      dataKey="label"
      orientation="vertical"
      withTooltip={false}
      withBarValueLabel
      yAxisProps={{ width: 130, interval: 0 }}
      barProps={{ isAnimationActive: false }}
      series={[{ name: 'count', label: '人数', color: 'blue.6' }]}
    />
  );
}

export function ChangeBadge({ change, unit = '' }: { change: Change | null | undefined; unit?: string }) {
  if (!change) return null;
  const sign = change.delta > 0 ? '+' : '';
  const color = change.direction === 'up' ? 'green' : change.direction === 'down' ? 'red' : 'gray';
  const arrow = change.direction === 'up' ? '↑' : change.direction === 'down' ? '↓' : '→';
  const word = change.direction === 'up' ? '上升' : change.direction === 'down' ? '下降' : '持平';
  return (
    <Badge color={color} variant="light" data-testid="change-badge">
      {arrow} {word} {sign}
      {change.delta}
      {unit}
    </Badge>
  );
}

/** "4.32（n = 68）": a mean is never shown without how many answers it rests on. */
export function MeanWithN({ value, n, hidden, minGroup }: { value: number | null; n: number; hidden: boolean; minGroup: number }) {
  if (hidden) {
    return (
      <Text size="sm" c="dimmed">
        不足 {minGroup} 份，不显示
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Text fw={700} data-testid="mean">
        {value ?? '—'}
      </Text>
      <Text size="xs" c="dimmed">
        （n = {n}）
      </Text>
    </Group>
  );
}
