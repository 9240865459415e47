import { Alert, Card, Group, ScrollArea, Select, Table, Text, Title } from '@mantine/core';
import { MULTI_COLUMN_FIELD, ROSTER_FIELDS, type RosterField, type RosterMapping, type SheetColumn, unkeptColumns } from '../../../core/families/roster';
import { useLang, useT } from '../../i18n';

/**
 * Step 1 of the roster import: every column of the file under its real
 * heading with the first value in it, and where it goes. Columns that go
 * nowhere are named, so nothing is dropped without the person seeing it.
 */
export function ColumnMapping({
  fileName,
  headerRow,
  columns,
  mapping,
  onChange,
}: {
  fileName: string;
  headerRow: number;
  columns: SheetColumn[];
  mapping: RosterMapping;
  onChange(next: RosterMapping): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = (key: RosterField) => {
    const f = ROSTER_FIELDS.find((x) => x.key === key)!;
    return lang === 'en' ? f.labelEn : f.label;
  };
  const options = [
    { value: '', label: t('（不导入）', '(not kept)') },
    ...ROSTER_FIELDS.map((f) => ({ value: f.key, label: f.key === MULTI_COLUMN_FIELD ? t(`${f.label}（可多列）`, `${f.labelEn} (several columns)`) : label(f.key) })),
  ];
  const choose = (column: number, value: string | null) => {
    const target = (value || null) as RosterField | null;
    // A single field comes from one column: choosing it here takes it from wherever it was.
    const next = mapping.map((m, i) => (i === column ? target : target !== MULTI_COLUMN_FIELD && m === target ? null : m));
    onChange(next);
  };
  const unkept = unkeptColumns(columns, mapping);
  return (
    <Card withBorder>
      <Title order={5} mb={4}>
        {t(`1. 核对列对应（${fileName}）`, `1. Check the columns (${fileName})`)}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {headerRow > 1
          ? t(`表头在第 ${headerRow} 行（上面的标题行不导入）。`, `The headings are on row ${headerRow} (title rows above are not imported).`)
          : t('表头在第 1 行。', 'The headings are on row 1.')}
      </Text>
      <ScrollArea.Autosize mah={320}>
        <Table verticalSpacing={2} data-testid="import-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('表格中的列', 'Column in the file')}</Table.Th>
              <Table.Th>{t('第一行的内容', 'First value')}</Table.Th>
              <Table.Th w={260}>{t('导入为', 'Goes to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns of one file never move; headings may repeat
              <Table.Tr key={i} data-testid={`import-column-${i}`}>
                <Table.Td fw={500}>{c.heading || t(`（第 ${i + 1} 列，无列名）`, `(column ${i + 1}, no heading)`)}</Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {c.sample || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={options}
                    value={mapping[i] ?? ''}
                    onChange={(v) => choose(i, v)}
                    allowDeselect={false}
                    aria-label={t(`“${c.heading}”导入为`, `“${c.heading}” goes to`)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {unkept.length > 0 && (
        <Alert color="yellow" mt="xs" data-testid="import-unkept" title={t(`以下 ${unkept.length} 列不会导入`, unkept.length === 1 ? '1 column will not be kept' : `${unkept.length} columns will not be kept`)}>
          <Group gap={6}>
            {unkept.map((c) => (
              <Text key={c.column} size="sm">
                {c.heading || t(`第 ${c.column + 1} 列`, `column ${c.column + 1}`)}
                <Text span size="xs" c="dimmed">
                  {t(`（例：${c.sample}）`, ` (e.g. ${c.sample})`)}
                </Text>
              </Text>
            ))}
          </Group>
          <Text size="xs" mt={4}>
            {t(
              '过敏、用药、接送等需要老师知道的内容，请在“导入为”中选“健康与安全提示”；确实不需要的列可以不管。',
              'Choose “Health & safety notes” for allergies, medication or pick-up notes teachers must know; other columns can be left out.',
            )}
          </Text>
        </Alert>
      )}
    </Card>
  );
}
