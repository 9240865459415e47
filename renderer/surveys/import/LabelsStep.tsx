import { Badge, Paper, ScrollArea, Select, Table, Text } from '@mantine/core';
import type { Api } from '../../../electron/api/index';
import { useT } from '../../i18n';
import type { RunDetail } from '../EntryPage';
import type { Settings } from './ColumnsStep';

type Use = Api['surveys.importCheck']['output']['labels'][number];

const HOW: Record<Use['how'], [string, string, string]> = {
  label: ['问卷选项', 'the option', 'green'],
  synonym: ['同义词', 'synonym', 'teal'],
  number: ['分值', 'score number', 'teal'],
  mapped: ['您的指定', 'your choice', 'blue'],
  unanswered: ['不计', 'not counted', 'gray'],
  unknown: ['未识别', 'not known', 'orange'],
};

/**
 * The wordings the file uses for the answers and how each was read: the
 * question's own labels, synonyms (非常不满意 → 1), score numbers — and the
 * unknown ones, which the principal maps once for the whole file.
 */
export function LabelsStep({ run, uses, settings, onChange }: { run: RunDetail; uses: Use[]; settings: Settings; onChange(next: Settings): void }) {
  const t = useT();
  if (uses.length === 0) return null;
  const questions = new Map(run.questions.map((q, i) => [q.id, { q, n: i + 1 }]));
  const ratingLabels = run.questions.find((q) => q.kind === 'rating')?.options ?? [];
  const meanings = (scope: Use['scope']) => {
    const none = { value: 'none', label: t('不计（当作未作答）', 'Not counted (unanswered)') };
    if (scope === 'rating') return [...ratingLabels.map((l, i) => ({ value: String(i + 1), label: `${i + 1} ${l}` })), none];
    return [...(questions.get(scope)?.q.options ?? []).map((o, i) => ({ value: String(i), label: o })), none];
  };
  const unknown = uses.filter((u) => u.how === 'unknown').length;
  return (
    <Paper withBorder p="md" data-testid="import-labels">
      <Text fw={600} mb={2}>
        {t('答案的写法', 'How the answers are worded')}
      </Text>
      <Text size="xs" c={unknown ? 'orange.8' : 'dimmed'} mb="xs">
        {unknown
          ? t(`有 ${unknown} 种写法没有识别：请为每一种选一次意思，整份文件都按此读取。`, `${unknown} wordings are not known: choose once what each means, for the whole file.`)
          : t('文件中的写法都已识别（如有不对可以改）。', 'Every wording in the file was recognised (change any that is wrong).')}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Table verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('写法', 'Wording')}</Table.Th>
              <Table.Th>{t('题目', 'Question')}</Table.Th>
              <Table.Th ta="right">{t('出现次数', 'Times')}</Table.Th>
              <Table.Th>{t('识别为', 'Read as')}</Table.Th>
              <Table.Th w={200}>{t('意思', 'Means')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {uses.map((u) => {
              const [zh, en, color] = HOW[u.how];
              const value = u.key in settings.labels ? (settings.labels[u.key] === null ? 'none' : String(settings.labels[u.key])) : u.value === null ? null : String(u.value);
              return (
                <Table.Tr key={u.key} data-testid={`label-${u.label}`} bg={u.how === 'unknown' ? 'var(--mantine-color-orange-light)' : undefined}>
                  <Table.Td fw={500}>{u.label}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {u.scope === 'rating' ? t('所有评分题', 'every rating question') : `${questions.get(u.scope)?.n ?? ''}. ${questions.get(u.scope)?.q.text ?? ''}`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{u.count}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={color}>
                      {t(zh, en)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      data={meanings(u.scope)}
                      value={value}
                      placeholder={t('请选择', 'Choose')}
                      allowDeselect={false}
                      onChange={(v) => onChange({ ...settings, labels: { ...settings.labels, [u.key]: v === 'none' || v === null ? null : Number(v) } })}
                      aria-label={t(`“${u.label}”的意思`, `Meaning of “${u.label}”`)}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}
