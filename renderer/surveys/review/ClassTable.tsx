import { Table, Text } from '@mantine/core';
import { useLang, useT } from '../../i18n';
import { formatFigure } from '../format';
import type { ReviewData } from '../ReviewCharts';

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
            <Table.Td maw={320} miw={200}>
              <Text size="sm">
                {number.get(q.id)}. {q.kind === 'nps' ? t('推荐指数（推荐者% − 贬损者%）', 'Recommendation score') : `${q.section}：${q.text}`}
              </Text>
            </Table.Td>
            {review.classes.map((c) => {
              const cell = c.cells.find((x) => x.questionId === q.id);
              return (
                <Table.Td key={c.classId} ta="center" c={cell?.hidden ? 'dimmed' : undefined}>
                  {cell?.hidden ? t('不显示', 'hidden') : formatFigure(cell?.value, q.kind === 'nps' ? 'nps' : 'rating')}
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
