import { Alert, Button, Checkbox, FileInput, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { api } from '../../api/client';
import { useApiAction } from '../../api/hooks';
import { fileToBase64 } from '../../families/shared';
import { useT } from '../../i18n';
import type { RunDetail } from '../EntryPage';
import { ColumnsStep, type Settings, type Sheet } from './ColumnsStep';
import { LabelsStep } from './LabelsStep';

type Check = Api['surveys.importCheck']['output'];

/**
 * Import of a spreadsheet exported by an online questionnaire service: read
 * it, check the columns, the class and the wordings, see each bad row's
 * problems, then import the good rows in one go — or nothing.
 */
export function ImportPanel({ run, disabled, onDone }: { run: RunDetail; disabled: boolean; onDone(): void }) {
  const t = useT();
  const { run: call, busy } = useApiAction();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [skipBad, setSkipBad] = useState(false);

  async function read(f: File | null) {
    setFile(f);
    setSheet(null);
    setSettings(null);
    setCheck(null);
    setSkipBad(false);
    if (!f) return;
    const value = await call('surveys.importRead', { runId: run.id, fileName: f.name, base64: await fileToBase64(f) });
    if (value) {
      setSheet(value);
      setSettings(value.settings);
    }
  }

  useEffect(() => {
    if (!sheet || !settings) return;
    let stale = false;
    api('surveys.importCheck', { runId: run.id, rows: sheet.rows, rowNumbers: sheet.rowNumbers, ...settings })
      .then((c) => !stale && setCheck(c))
      .catch(() => !stale && setCheck(null));
    return () => {
      stale = true;
    };
  }, [sheet, settings, run.id]);

  async function commit() {
    if (!sheet || !settings || !check) return;
    const result = await call(
      'surveys.importCommit',
      { runId: run.id, fileName: file?.name ?? '', signature: sheet.signature, rows: sheet.rows, rowNumbers: sheet.rowNumbers, ...settings, skipRows: skipBad ? check.bad.map((b) => b.row) : [] },
      t(`已导入 ${check.good} 份答卷`, `${check.good} responses imported`),
    );
    if (result) {
      setSheet(null);
      setSettings(null);
      setCheck(null);
      setFile(null);
      onDone();
    }
  }

  const blocked = !check || check.mappingProblem !== null || check.capacityProblem !== null || check.good === 0 || (check.bad.length > 0 && !skipBad);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Text size="sm" mb="xs">
          {t(
            '在问卷星、腾讯问卷等平台选择“按选项文本下载”（.xlsx 或 .csv）：每列一道题，每行一份答卷。题目的写法可以与本问卷略有不同；没有班级列时可以为整份文件指定班级或选“班级未知”；有“序号”列时同一份答卷不会被重复导入。',
            'Download the answers as option text (.xlsx or .csv): one question per column, one response per row. Headings may be worded differently; without a class column choose the class of the whole file or “not known”; a serial column prevents double imports.',
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
      {sheet && settings && <ColumnsStep run={run} sheet={sheet} settings={settings} onChange={setSettings} />}
      {check && settings && <LabelsStep run={run} uses={check.labels} settings={settings} onChange={setSettings} />}
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
                {t(`可以导入 ${check.good} 份`, `${check.good} can be imported`)}
                {check.unknownClass > 0 ? t(`（其中 ${check.unknownClass} 份班级未知）`, ` (${check.unknownClass} with class not known)`) : ''}
                {t(`；有问题 ${check.bad.length} 行`, `; ${check.bad.length} rows have problems`)}
                {check.notResponses.length > 0 ? t(`；${check.notResponses.length} 行不是答卷（不导入）`, `; ${check.notResponses.length} rows are not responses (not imported)`) : ''}
                {t('。', '.')}
              </Text>
              {check.capacityProblem && (
                <Alert color="red" mb="xs" data-testid="import-capacity">
                  {check.capacityProblem}
                </Alert>
              )}
              {check.notResponses.length > 0 && (
                <Text size="xs" c="dimmed" mb="xs" data-testid="import-not-responses">
                  {check.notResponses
                    .slice(0, 20)
                    .map((n) => t(`第 ${n.row} 行：${n.reason}`, `Row ${n.row}: ${n.reason}`))
                    .join('；')}
                </Text>
              )}
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
                <Button onClick={() => void commit()} loading={busy} disabled={disabled || blocked} data-testid="import-commit">
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
