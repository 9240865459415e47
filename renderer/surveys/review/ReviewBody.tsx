import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Question } from '../../../core/surveys/types';
import { useT } from '../../i18n';
import type { ReviewData } from '../ReviewCharts';
import { Actions } from './Actions';
import { ClassTable } from './ClassTable';
import { Comments } from './Comments';
import { Highlights } from './Highlights';
import { QuestionBlock } from './QuestionBlock';
import { SummaryCards } from './SummaryCards';

export function ReviewBody({ data, onAction, onChanged }: { data: ReviewData; onAction(q: Question): void; onChanged(): void }) {
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
