import { Alert, Group, Paper, ScrollArea, Select, Table, Text } from '@mantine/core';
import type { Api } from '../../../electron/api/index';
import { useT } from '../../i18n';
import type { RunDetail } from '../EntryPage';

export type Sheet = Api['surveys.importRead']['output'];
export type Settings = Sheet['settings'];
type Target = Settings['mapping'][number];

const targetKey = (m: Target) => ('question' in m ? `q${m.question}` : m.field);

/**
 * Step 1: each column of the file under its full heading, with the first
 * answer in it and the question it goes to (guessed by meaning, editable);
 * and, when no column gives the class, the class of the whole file.
 */
export function ColumnsStep({ run, sheet, settings, onChange }: { run: RunDetail; sheet: Sheet; settings: Settings; onChange(next: Settings): void }) {
  const t = useT();
  const options = [
    { value: 'ignore', label: t('（不导入）', '(not imported)') },
    { value: 'class', label: t('班级', 'Class') },
    { value: 'serial', label: t('序号（防止重复导入）', 'Serial number (prevents double imports)') },
    ...run.questions.map((q, i) => ({ value: `q${q.id}`, label: `${i + 1}. ${q.text}` })),
  ];
  const hasClassColumn = settings.mapping.some((m) => 'field' in m && m.field === 'class');
  const setTarget = (column: number, value: string | null) => {
    const next: Target = value?.startsWith('q') ? { question: Number(value.slice(1)) } : { field: (value ?? 'ignore') as 'class' | 'serial' | 'ignore' };
    // One column per question, one class column, one serial column: choosing it here takes it from elsewhere.
    const key = targetKey(next);
    const mapping = settings.mapping.map((m, i) => (i === column ? next : key !== 'ignore' && targetKey(m) === key ? ({ field: 'ignore' } as Target) : m));
    onChange({ ...settings, mapping });
  };
  const classChoice = settings.fileClass === null ? null : String(settings.fileClass);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t(`第一步：核对列的对应（共 ${sheet.rows.length} 行答卷）`, `Step 1: check the columns (${sheet.rows.length} rows)`)}</Text>
        <Text size="xs" c="dimmed">
          {t(`题目在第 ${sheet.headerRow} 行`, `Questions on row ${sheet.headerRow}`)}
        </Text>
      </Group>
      {sheet.remembered && (
        <Alert color="blue" mb="xs" p="xs" data-testid="import-remembered">
          {t('这是之前导入过的同一种文件：已沿用上次的列对应和答案写法，可以修改。', 'A file of the same layout was imported before: its column mapping and label choices are used again (you can change them).')}
        </Alert>
      )}
      <ScrollArea.Autosize mah={300}>
        <Table verticalSpacing={2} data-testid="import-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('表格中的列', 'Column in the file')}</Table.Th>
              <Table.Th w={150}>{t('第一行的内容', 'First answer')}</Table.Th>
              <Table.Th w={340}>{t('对应到', 'Goes to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns of one file never move; headings may repeat
              <Table.Tr key={i} data-testid={`import-column-${i}`}>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {h || t(`（第 ${i + 1} 列）`, `(column ${i + 1})`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {sheet.rows[0]?.[i]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select size="xs" data={options} value={targetKey(settings.mapping[i]!)} searchable allowDeselect={false} onChange={(v) => setTarget(i, v)} aria-label={h} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {hasClassColumn ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('每份答卷的班级取自“班级”列；没有填写班级的答卷记为“班级未知”（计入总数，不计入任何班）。', 'Each response’s class comes from the class column; blank ones count as “class not known” (in the total, in no class).')}
        </Text>
      ) : (
        <Group mt="sm" align="flex-end" data-testid="import-file-class">
          <Select
            label={t('表格中没有班级列：这份文件的答卷属于', 'No class column: the responses in this file belong to')}
            placeholder={t('请选择', 'Choose')}
            w={360}
            data={[...run.classes.map((c) => ({ value: String(c.id), label: c.name })), { value: 'unknown', label: t('班级未知（只计入全园总数）', 'Class not known (whole-survey totals only)') }]}
            value={classChoice}
            onChange={(v) => onChange({ ...settings, fileClass: v === null ? null : v === 'unknown' ? 'unknown' : Number(v) })}
            allowDeselect={false}
            error={settings.fileClass === null && run.classes.length > 1 ? t('请选择一个班，或“班级未知”', 'Choose a class or “class not known”') : undefined}
          />
          <Text size="xs" c="dimmed" mb={6}>
            {t('也可以在上表中把某一列对应为“班级”。', 'Or set one column above to “Class”.')}
          </Text>
        </Group>
      )}
    </Paper>
  );
}
