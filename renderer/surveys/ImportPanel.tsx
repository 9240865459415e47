import { Alert, Button, Checkbox, FileInput, Group, Paper, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Api } from '../../electron/api/index';
import { api } from '../api/client';
import { useApiAction } from '../api/hooks';
import { useT } from '../i18n';
import type { RunDetail } from './EntryPage';

type Mapping = Api['surveys.importRead']['output']['mapping'];
type Check = Api['surveys.importCheck']['output'];

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const targetKey = (m: Mapping[number]) => ('question' in m ? `q${m.question}` : m.field);

/**
 * Import of a spreadsheet exported by an online questionnaire service: read
 * it, check the column mapping, see each bad row's problems, then import the
 * good rows in one go — or nothing.
 */
export function ImportPanel({ run, disabled, onDone }: { run: RunDetail; disabled: boolean; onDone(): void }) {
  const t = useT();
  const { run: call, busy } = useApiAction();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<{ headers: string[]; rows: string[][]; mapping: Mapping } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [skipBad, setSkipBad] = useState(false);

  async function read(f: File | null) {
    setFile(f);
    setSheet(null);
    setCheck(null);
    setSkipBad(false);
    if (!f) return;
    const value = await call('surveys.importRead', { runId: run.id, fileName: f.name, base64: await toBase64(f) });
    if (value) setSheet(value);
  }

  useEffect(() => {
    if (!sheet) return;
    let stale = false;
    api('surveys.importCheck', { runId: run.id, rows: sheet.rows, mapping: sheet.mapping })
      .then((c) => !stale && setCheck(c))
      .catch(() => !stale && setCheck(null));
    return () => {
      stale = true;
    };
  }, [sheet, run.id]);

  const options = [
    { value: 'ignore', label: t('（不导入）', '(skip)') },
    { value: 'class', label: t('班级', 'Class') },
    { value: 'serial', label: t('序号（防止重复导入）', 'Serial number') },
    ...run.questions.map((q, i) => ({ value: `q${q.id}`, label: `${i + 1}. ${q.text}` })),
  ];

  async function commit() {
    if (!sheet || !check) return;
    const result = await call(
      'surveys.importCommit',
      { runId: run.id, fileName: file?.name ?? '', rows: sheet.rows, mapping: sheet.mapping, skipRows: skipBad ? check.bad.map((b) => b.row) : [] },
      t(`已导入 ${check.good} 份答卷`, `${check.good} responses imported`),
    );
    if (result) {
      setSheet(null);
      setCheck(null);
      setFile(null);
      onDone();
    }
  }

  return (
    <Stack>
      <Paper withBorder p="md">
        <Text size="sm" mb="xs">
          {t(
            '在问卷星、腾讯问卷等平台选择“按选项文本下载”（.xlsx 或 .csv）：第一行是题目，每行一份答卷。需要有“班级”一列；有“序号”列时同一份答卷不会被重复导入。',
            'Download the answers as option text (.xlsx or .csv): the first row holds the questions, one response per row. A class column is needed; a serial column prevents double imports.',
          )}
        </Text>
        <FileInput
          label={t('选择表格文件', 'Choose the file')}
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => void read(f)}
          leftSection={<IconUpload size={16} />}
          disabled={disabled || busy}
          clearable
          w={420}
          data-testid="import-file"
        />
      </Paper>
      {sheet && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t(`第一步：核对列的对应（共 ${sheet.rows.length} 行）`, `Step 1: check the columns (${sheet.rows.length} rows)`)}
          </Text>
          <ScrollArea h={260}>
            <Table verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('表格中的列', 'Column')}</Table.Th>
                  <Table.Th>{t('第一行的内容', 'First row')}</Table.Th>
                  <Table.Th>{t('对应到', 'Goes to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sheet.headers.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns of one file never move; headings may repeat
                  <Table.Tr key={i}>
                    <Table.Td maw={300}>
                      <Text size="sm" truncate>
                        {h || t(`（第 ${i + 1} 列）`, `(column ${i + 1})`)}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={160}>
                      <Text size="sm" c="dimmed" truncate>
                        {sheet.rows[0]?.[i]}
                      </Text>
                    </Table.Td>
                    <Table.Td w={380}>
                      <Select
                        size="xs"
                        data={options}
                        value={targetKey(sheet.mapping[i]!)}
                        searchable
                        onChange={(v) => {
                          const mapping = [...sheet.mapping];
                          mapping[i] = v?.startsWith('q') ? { question: Number(v.slice(1)) } : { field: (v ?? 'ignore') as 'class' | 'serial' | 'ignore' };
                          setSheet({ ...sheet, mapping });
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      {check && (
        <Paper withBorder p="md" data-testid="import-preview">
          <Text fw={600} mb="xs">
            {t('第二步：检查结果', 'Step 2: the check')}
          </Text>
          {check.mappingProblem ? (
            <Alert color="red">{check.mappingProblem}</Alert>
          ) : (
            <>
              <Text mb="xs" data-testid="import-summary">
                {t(`可以导入 ${check.good} 份；有问题 ${check.bad.length} 行。`, `${check.good} can be imported; ${check.bad.length} rows have problems.`)}
              </Text>
              {check.bad.length > 0 && (
                <>
                  <Table verticalSpacing={2} mb="sm" data-testid="import-problems">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={80}>{t('行号', 'Row')}</Table.Th>
                        <Table.Th>{t('问题', 'Problems')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {check.bad.slice(0, 200).map((b) => (
                        <Table.Tr key={b.row}>
                          <Table.Td>{t(`第 ${b.row} 行`, `Row ${b.row}`)}</Table.Td>
                          <Table.Td>{b.problems.join('；')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Checkbox
                    checked={skipBad}
                    onChange={(e) => setSkipBad(e.currentTarget.checked)}
                    label={t(`跳过这 ${check.bad.length} 行，只导入其余 ${check.good} 份（也可以改好表格后重新选择文件）`, `Leave these ${check.bad.length} rows out and import the other ${check.good}`)}
                    data-testid="skip-bad"
                  />
                </>
              )}
              <Group mt="sm">
                <Button
                  onClick={() => void commit()}
                  loading={busy}
                  disabled={disabled || check.good === 0 || (check.bad.length > 0 && !skipBad)}
                  data-testid="import-commit"
                >
                  {t(`导入 ${check.good} 份答卷`, `Import ${check.good} responses`)}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('全部导入或全部不导入：中途出错不会留下一半数据。', 'All or nothing: a failure leaves nothing half-imported.')}
                </Text>
              </Group>
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
}
