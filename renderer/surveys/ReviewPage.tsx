import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconArrowLeft, IconFileTypePdf, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Question } from '../../core/surveys/types';
import { getSession } from '../api/client';
import { useApiAction, useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useLang, useT } from '../i18n';
import { ChangeBadge, DistributionChart, MeanWithN, type ReviewData } from './ReviewCharts';

export const ACTION_STATUS: Record<string, [string, string, string]> = {
  planned: ['计划中', 'Planned', 'gray'],
  in_progress: ['进行中', 'In progress', 'blue'],
  done: ['已完成', 'Done', 'green'],
};

/** Opens the printable report: a PDF through the desktop app, the browser's print dialog otherwise. */
async function exportPdf(runId: number, title: string) {
  const route = `/print/survey-report/${runId}`;
  if (window.kd?.printToPdf) await window.kd.printToPdf(route, getSession(), `${title}.pdf`);
  else window.open(`#${route}`, '_blank');
}

/** The principal's one screen: what parents think, where it got worse, and what is being done. */
export function ReviewPage({ runId }: { runId: number }) {
  const t = useT();
  const { data, error, reload } = useApiQuery('surveys.review', { runId });
  const { run: call } = useApiAction();
  const [actionFor, setActionFor] = useState<Question | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const { run, review } = data;

  return (
    <>
      <PageHeader
        title={run.title}
        description={`${run.semester} · ${run.anonymous ? t('匿名调查', 'Anonymous') : t('实名调查', 'Named')}${data.previous ? ` · ${t('对比上次', 'Compared with')}「${data.previous.title}」` : ''}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/surveys')}>
              {t('返回', 'Back')}
            </Button>
            <Button
              variant="default"
              onClick={async () => {
                const next = run.status === 'open' ? 'closed' : 'open';
                if (await call('surveys.setRunStatus', { runId, status: next }, next === 'closed' ? t('调查已结束', 'Survey closed') : t('调查已重新开启', 'Survey reopened'))) void reload();
              }}
            >
              {run.status === 'open' ? t('结束调查', 'Close survey') : t('重新开启', 'Reopen')}
            </Button>
            <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => void exportPdf(runId, run.title)} data-testid="export-pdf">
              {t('导出 PDF 报告', 'Export PDF report')}
            </Button>
          </>
        }
      />
      {review.responses === 0 ? (
        <EmptyState title={t('还没有答卷', 'No responses yet')}>
          {t('先打印空白问卷发给家长，收回后在“录入”中输入，或导入线上问卷表格。', 'Print blank questionnaires, then enter or import the answers.')}
        </EmptyState>
      ) : (
        <ReviewBody data={data} onAction={setActionFor} onChanged={reload} />
      )}
      <ActionModal data={data} question={actionFor} onClose={() => setActionFor(null)} onSaved={reload} />
    </>
  );
}

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
                {review.recommendation.score}
              </Text>
              <ChangeBadge change={npsChange} />
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

/** Questions × classes: response rate first, then each score; small groups show as hidden. */
export function ClassTable({ data }: { data: ReviewData }) {
  const t = useT();
  const { lang } = useLang();
  const { review } = data;
  const scored = data.questions.filter((q) => q.kind === 'rating' || q.kind === 'nps');
  const number = new Map(data.questions.map((q, i) => [q.id, i + 1]));
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={3} fz="sm" data-testid="class-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('班级', 'Class')}</Table.Th>
          {review.classes.map((c) => (
            <Table.Th key={c.classId} ta="center">
              {c.name}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td fw={600}>{t('回收 / 应收（回收率）', 'Returned / invited (rate)')}</Table.Td>
          {review.classes.map((c) => (
            <Table.Td key={c.classId} ta="center" data-testid={`rate-${c.name}`}>
              {c.responses}/{c.invited}
              {lang === 'en' ? ` (${c.rate ?? '—'}%)` : `（${c.rate ?? '—'}%）`}
            </Table.Td>
          ))}
        </Table.Tr>
        {scored.map((q) => (
          <Table.Tr key={q.id}>
            <Table.Td maw={320}>
              <Text size="sm" lineClamp={1} title={q.text}>
                {number.get(q.id)}. {q.kind === 'nps' ? t('推荐指数（推荐者% − 贬损者%）', 'Recommendation score') : `${q.section}：${q.text}`}
              </Text>
            </Table.Td>
            {review.classes.map((c) => {
              const cell = c.cells.find((x) => x.questionId === q.id);
              return (
                <Table.Td key={c.classId} ta="center" c={cell?.hidden ? 'dimmed' : undefined}>
                  {cell?.hidden ? t('不显示', 'hidden') : cell?.value}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Caption>
        {t(
          `为保护家长隐私，回答不足 ${data.minGroup} 份的班级（以及可能借此推算出其结果的班级）不显示分数。`,
          `To protect parents, classes with fewer than ${data.minGroup} answers (and any that would let them be worked out) are hidden.`,
        )}
      </Table.Caption>
    </Table>
  );
}

export function QuestionBlock({ data, question, onAction }: { data: ReviewData; question: Question; onAction?: (q: Question) => void }) {
  const t = useT();
  const stats = data.review.questions.find((s) => s.questionId === question.id)!;
  const ch = data.review.changes.find((c) => c.questionId === question.id);
  const index = data.questions.findIndex((q) => q.id === question.id) + 1;
  const scored = question.kind === 'rating' || question.kind === 'nps';
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
            <MeanWithN value={question.kind === 'nps' ? (stats.recommendation?.score ?? null) : stats.mean} n={stats.n} hidden={stats.hidden} minGroup={data.minGroup} />
          ) : (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              n = {stats.n}
            </Text>
          )}
          <ChangeBadge change={ch?.change} />
          {ch?.previous != null && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('上次', 'Last')} {ch.previous}
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
            {t(`（${statusLabel(a.status)[0]}）`, ` (${statusLabel(a.status)[1]})`)}：{a.change ? `${a.before} → ${a.after}` : t('分数不足以比较', 'not enough answers to compare')}
          </Text>
          <ChangeBadge change={a.change} />
        </Group>
      ))}
      <DistributionChart question={question} stats={stats} />
    </Paper>
  );
}

const percent = (count: number, n: number) => (n > 0 ? Math.round((count * 100) / n) : 0);
const statusLabel = (status: string): [string, string] => {
  const [zh, en] = ACTION_STATUS[status] ?? [status, status];
  return [zh, en];
};

/**
 * The three things the principal asks first: where it got worse, what
 * scores lowest, and how the improvement actions stand.
 */
export function Highlights({ data, full = false }: { data: ReviewData; full?: boolean }) {
  const t = useT();
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const number = new Map(data.questions.map((q, i) => [q.id, i + 1]));
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
          <Group key={c.questionId} gap={6} wrap="nowrap" justify="space-between">
            <Text size="xs" lineClamp={full ? undefined : 1} title={byId.get(c.questionId)?.text}>
              {label(c.questionId)}
            </Text>
            <Text size="xs" c="red.7" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {c.previous} → {c.current}
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
          <Group key={x.id} gap={6} wrap="nowrap" justify="space-between">
            <Text size="xs" lineClamp={full ? undefined : 1} title={byId.get(x.id)?.text}>
              {label(x.id)}
            </Text>
            <Text size="xs" fw={600}>
              {x.mean}
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
            <Group key={a.id} gap={6} wrap="nowrap" justify="space-between" mt={2}>
              <Text size="xs" lineClamp={full ? undefined : 1}>
                {a.title}
              </Text>
              <ChangeBadge change={a.change} />
            </Group>
          ))}
      </Paper>
    </SimpleGrid>
  );
}

function ReviewBody({ data, onAction, onChanged }: { data: ReviewData; onAction(q: Question): void; onChanged(): void }) {
  const t = useT();
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const lowest = data.review.lowestFirst.map((id) => byId.get(id)!);
  const nps = data.questions.filter((q) => q.kind === 'nps');
  const choices = data.questions.filter((q) => q.kind === 'single' || q.kind === 'multi');
  return (
    <Stack>
      <SummaryCards data={data} />
      <Highlights data={data} />
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('各班回收率与分班得分', 'Response rate and scores by class')}
        </Title>
        <ClassTable data={data} />
      </Paper>
      <div>
        <Title order={4} mb="xs">
          {t('各项满意度（得分最低的排在最前）', 'Satisfaction by question (lowest first)')}
        </Title>
        <Stack gap="xs" data-testid="lowest-first">
          {lowest.map((q) => (
            <QuestionBlock key={q.id} data={data} question={q} onAction={onAction} />
          ))}
        </Stack>
      </div>
      <div>
        <Title order={4} mb="xs">
          {t('推荐意愿与选择题', 'Recommendation and choice questions')}
        </Title>
        <Stack gap="xs">
          {nps.map((q) => (
            <QuestionBlock key={q.id} data={data} question={q} onAction={onAction} />
          ))}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
            {choices.map((q) => (
              <QuestionBlock key={q.id} data={data} question={q} />
            ))}
          </SimpleGrid>
        </Stack>
      </div>
      <Actions data={data} onChanged={onChanged} />
      <Comments data={data} onChanged={onChanged} />
    </Stack>
  );
}

function Actions({ data, onChanged }: { data: ReviewData; onChanged(): void }) {
  const t = useT();
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
                          {a.before} → {a.after}
                        </Text>
                        <ChangeBadge change={a.change} />
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

function Comments({ data, onChanged }: { data: ReviewData; onChanged(): void }) {
  const t = useT();
  const { run: call } = useApiAction();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const allTags = useMemo(() => [...new Set(data.comments.flatMap((c) => c.tags))].sort(), [data.comments]);
  const shown = data.comments.filter((c) => (!q || c.text.includes(q.trim()) || c.tags.some((x) => x.includes(q.trim()))) && (!tag || c.tags.includes(tag)));
  return (
    <Paper withBorder p="md" data-testid="comments">
      <Group justify="space-between" mb="xs">
        <Title order={4}>
          {t(`家长意见与建议（${data.comments.length} 条）`, `Comments (${data.comments.length})`)}
        </Title>
        <Group gap="xs">
          <TextInput
            size="xs"
            leftSection={<IconSearch size={14} />}
            placeholder={t('搜索意见或标签', 'Search comments or tags')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="comment-search"
          />
          <Select size="xs" placeholder={t('按标签筛选', 'Filter by tag')} data={allTags} value={tag} onChange={setTag} clearable w={140} />
        </Group>
      </Group>
      {data.comments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('这次调查没有文字意见。', 'No comments in this survey.')}
        </Text>
      )}
      <Stack gap={6}>
        {shown.map((c) => (
          <Group key={c.key} justify="space-between" wrap="nowrap" align="flex-start" data-testid="comment">
            <Text size="sm" style={{ flex: 1 }}>
              {c.text}
              {(c.className || c.family) && (
                <Text span size="xs" c="dimmed" ml={6}>
                  —— {[c.family, c.className].filter(Boolean).join('，')}
                </Text>
              )}
            </Text>
            <TagsInput
              size="xs"
              w={260}
              placeholder={t('加标签，回车确认', 'Add tags, Enter')}
              data={allTags}
              defaultValue={c.tags}
              onChange={async (tags) => {
                if (await call('surveys.tagComment', { runId: data.run.id, key: c.key, tags })) onChanged();
              }}
            />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function ActionModal({ data, question, onClose, onSaved }: { data: ReviewData; question: Question | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { run: call, busy } = useApiAction();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<string | null>(dayjs(data.today).add(30, 'day').format('YYYY-MM-DD'));
  return (
    <Modal opened={question !== null} onClose={onClose} title={t('制定改进措施', 'Plan an improvement action')} size="lg">
      {question && (
        <Stack>
          <Alert color="blue">{question.text}</Alert>
          <TextInput label={t('改进措施', 'Action')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus data-testid="action-title" />
          <Group grow>
            <TextInput label={t('负责人', 'Owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} data-testid="action-owner" />
            <DateInput label={t('完成期限', 'Due date')} value={due} onChange={setDue} valueFormat="YYYY-MM-DD" data-testid="action-due" />
          </Group>
          <Group justify="flex-end">
            <Button
              loading={busy}
              data-testid="action-save"
              onClick={async () => {
                const saved = await call(
                  'surveys.saveAction',
                  { runId: data.run.id, questionId: question.id, title, owner, dueDate: due ?? '', status: 'planned' },
                  t('改进措施已保存', 'Action saved'),
                );
                if (saved) {
                  setTitle('');
                  setOwner('');
                  onSaved();
                  onClose();
                }
              }}
            >
              {t('保存', 'Save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
