import { BarChart } from '@mantine/charts';
import { Badge, ColorSwatch, Group, Text } from '@mantine/core';
import type { Question } from '../../core/surveys/types';
import type { Api } from '../../electron/api/index';
import { niceTicks } from '../components/ticks';
import { useLang, useT } from '../i18n';
import { type FigureKind, formatChange, formatFigure } from './format';

/** The review with its figures; an anonymous run still collecting answers `held` instead (see HeldReview). */
export type ReviewData = Extract<Api['surveys.review']['output'], { held: false }>;
export type HeldReview = Extract<Api['surveys.review']['output'], { held: true }>;
type Stats = ReviewData['review']['questions'][number];
type Change = ReviewData['review']['changes'][number]['change'];

const RATING_COLORS = ['red.6', 'orange.5', 'yellow.5', 'teal.5', 'green.7'];

export const percent = (count: number, n: number) => (n > 0 ? Math.round((count * 100) / n) : 0);

/** Swatch, label and count for each part of a bar: the chart shows proportions, the legend the numbers behind them. */
function CountLegend({ items, n }: { items: { label: string; color: string; count: number }[]; n: number }) {
  return (
    <Group gap="sm" justify="flex-end" mt={2}>
      {items.map((item) => (
        <Group key={item.label} gap={4} wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${item.color.replace('.', '-')})`} size={10} withShadow={false} />
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            {item.label} <b>{item.count}</b>
            <Text span size="xs" c="dimmed">
              {' '}
              ({percent(item.count, n)}%)
            </Text>
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * A question's distribution: one stacked bar for a rating, a bar per score
 * for 0–10, bars per option for choices. Animation is off so the printed PDF
 * never catches a bar mid-growth.
 */
export function DistributionChart({ question, stats }: { question: Question; stats: Stats }) {
  const t = useT();
  if (!stats.distribution) return null;
  const counts = stats.distribution;
  if (question.kind === 'rating') {
    const row: Record<string, number | string> = { q: '' };
    question.options.forEach((_, i) => {
      row[`s${i + 1}`] = counts[i] ?? 0;
    });
    return (
      <>
        <BarChart
          h={26}
          data={[row]}
          dataKey="q"
          type="percent"
          orientation="vertical"
          withXAxis={false}
          withYAxis={false}
          gridAxis="none"
          withTooltip={false}
          barChartProps={{ margin: { top: 0, right: 0, bottom: 0, left: 0 } }}
          barProps={{ isAnimationActive: false }}
          series={question.options.map((_, i) => ({ name: `s${i + 1}`, color: RATING_COLORS[i]! }))}
        />
        <CountLegend n={stats.n} items={question.options.map((label, i) => ({ label: `${i + 1} ${label}`, color: RATING_COLORS[i]!, count: counts[i] ?? 0 }))} />
      </>
    );
  }
  const countTicks = niceTicks(Math.max(...counts, 1));
  if (question.kind === 'nps') {
    const data = counts.map((count, score) => ({
      label: String(score),
      detractors: score <= 6 ? count : 0,
      passives: score === 7 || score === 8 ? count : 0,
      promoters: score >= 9 ? count : 0,
    }));
    const groups = [
      { name: 'detractors', label: t('贬损者 0–6', 'Detractors 0–6'), color: 'red.6', count: stats.recommendation?.detractors ?? 0 },
      { name: 'passives', label: t('中立者 7–8', 'Passives 7–8'), color: 'gray.5', count: stats.recommendation?.passives ?? 0 },
      { name: 'promoters', label: t('推荐者 9–10', 'Promoters 9–10'), color: 'green.6', count: stats.recommendation?.promoters ?? 0 },
    ];
    return (
      <>
        <BarChart
          h={170}
          data={data}
          dataKey="label"
          type="stacked"
          withTooltip={false}
          withBarValueLabel
          valueFormatter={(v) => (v ? String(v) : '')}
          yAxisProps={{ ticks: countTicks, domain: [0, countTicks.at(-1)!], allowDecimals: false, interval: 0 }}
          xAxisLabel={t('打分（0～10）', 'Score (0–10)')}
          barProps={{ isAnimationActive: false }}
          series={groups.map(({ name, label, color }) => ({ name, label, color }))}
        />
        <CountLegend n={stats.n} items={groups} />
      </>
    );
  }
  const data = question.options.map((label, i) => ({ label, count: counts[i] ?? 0 }));
  return (
    <BarChart
      h={data.length * 26 + 40}
      data={data}
      dataKey="label"
      orientation="vertical"
      withTooltip={false}
      withBarValueLabel
      valueFormatter={(v) => String(v)}
      xAxisProps={{ ticks: countTicks, domain: [0, countTicks.at(-1)!], allowDecimals: false, interval: 0 }}
      yAxisProps={{ width: 150, interval: 0 }}
      barProps={{ isAnimationActive: false }}
      series={[{ name: 'count', label: t('人数', 'Families'), color: 'blue.6' }]}
    />
  );
}

export function ChangeBadge({ change, kind = 'rating' }: { change: Change | null | undefined; kind?: FigureKind }) {
  const t = useT();
  if (!change) return null;
  const color = change.direction === 'up' ? 'green' : change.direction === 'down' ? 'red' : 'gray';
  const arrow = change.direction === 'up' ? '↑' : change.direction === 'down' ? '↓' : '→';
  const word = change.direction === 'up' ? t('上升', 'up') : change.direction === 'down' ? t('下降', 'down') : t('持平', 'unchanged');
  return (
    <Badge color={color} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="change-badge">
      {arrow} {word} {formatChange(change.delta, kind)}
    </Badge>
  );
}

/** "4.32（n = 68）": a mean is never shown without how many answers it rests on (two decimals; a score with one). */
export function MeanWithN({ value, n, hidden, minGroup, kind = 'rating' }: { value: number | null; n: number; hidden: boolean; minGroup: number; kind?: FigureKind }) {
  const t = useT();
  const { lang } = useLang();
  if (hidden) {
    return (
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t(`不足 ${minGroup} 份，不显示`, `Fewer than ${minGroup} answers, hidden`)}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      <Text fw={700} data-testid="mean">
        {formatFigure(value, kind)}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {lang === 'en' ? `(n = ${n})` : `（n = ${n}）`}
      </Text>
    </Group>
  );
}
