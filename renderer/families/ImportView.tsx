import { Alert, Badge, Button, Card, Checkbox, FileButton, Grid, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Api } from '../../electron/api/index';
import { applyMapping, MULTI_COLUMN_FIELD, ROSTER_FIELDS, type RosterField, type RosterMapping, type RosterRecord } from '../../core/families/roster';
import { ApiCallError, api } from '../api/client';
import { navigate } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useLang, useT } from '../i18n';
import { ColumnMapping } from './import/ColumnMapping';
import { fileToBase64 } from './shared';
import { useSubmit } from '../api/hooks';

type Parsed = Api['families.importParse']['output'];
type Preview = Api['families.importPreview']['output'];
interface Row {
  sheetRow: number;
  record: RosterRecord;
  skip: boolean;
}

/**
 * Roster import in three steps: choose a file, check the column mapping,
 * fix or skip every row with a problem. Nothing is written until “导入”,
 * and then every row is written or none.
 */
export function ImportView() {
  const t = useT();
  const { lang } = useLang();
  const [fileName, setFileName] = useState<string | null>(null);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<RosterMapping | null>(null);
  const [edits, setEdits] = useState<Record<number, RosterRecord>>({});
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const [fixing, setFixing] = useState<Row | null>(null);
  const { submit, busy } = useSubmit();

  const rows: Row[] = useMemo(
    () =>
      parsed && mapping
        ? parsed.rows.map((r) => ({ sheetRow: r.sheetRow, record: edits[r.sheetRow] ?? applyMapping(r.cells, mapping, parsed.headers), skip: skipped.has(r.sheetRow) }))
        : [],
    [parsed, mapping, edits, skipped],
  );

  // Every change of mapping or a fixed row is checked again on the server (against the classes and children on file).
  useEffect(() => {
    if (rows.length === 0) return;
    let current = true;
    void api('families.importPreview', { rows: rows.map(({ sheetRow, record }) => ({ sheetRow, record })) }).then(
      (p) => current && setPreview(p),
      (e: ApiCallError) => notifications.show({ color: 'red', message: e.message }),
    );
    return () => {
      current = false;
    };
  }, [rows]);

  const choose = async (file: File | null) => {
    if (!file) return;
    setReading(true);
    try {
      const result = await api('families.importParse', { fileName: file.name, base64: await fileToBase64(file) });
      setFileName(file.name);
      setParsed(result);
      setMapping(result.mapping);
      setEdits({});
      setSkipped(new Set());
      setPreview(null);
    } catch (e) {
      notifications.show({ color: 'red', title: t('无法读取文件', 'Cannot read the file'), message: e instanceof ApiCallError ? e.message : String(e) });
    } finally {
      setReading(false);
    }
  };

  const problemsOf = (sheetRow: number) => preview?.find((p) => p.sheetRow === sheetRow)?.problems ?? [];
  const checked = preview !== null && preview.length === rows.length;
  const bad = rows.filter((r) => !r.skip && problemsOf(r.sheetRow).length > 0);
  const toImport = rows.filter((r) => !r.skip);

  return (
    <>
      <PageHeader
        title={t('导入花名册', 'Import roster')}
        description={t('支持 Excel（.xlsx）和 CSV。确认导入前不会写入任何数据。', 'Excel (.xlsx) or CSV. Nothing is written until you confirm.')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/families')}>
              {t('返回', 'Back')}
            </Button>
            <FileButton onChange={(f) => void choose(f)} accept=".xlsx,.csv">
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={16} />} loading={reading} variant={parsed ? 'default' : 'filled'} data-testid="choose-roster">
                  {parsed ? t('换一个文件', 'Choose another file') : t('选择文件', 'Choose file')}
                </Button>
              )}
            </FileButton>
          </>
        }
      />
      {!parsed || !mapping ? (
        <EmptyState icon={<IconFileSpreadsheet />} title={t('选择要导入的花名册', 'Choose a roster to import')}>
          {t(
            '表格中要有一行表头，例如：幼儿姓名、性别、出生日期、身份证号、班级、家长姓名、关系、手机号（上面可以有标题行）。班级名称须与系统中的班级一致；过敏、用药、接送说明等列可导入为幼儿的健康与安全提示。',
            'The file needs a row of headings such as child name, gender, birth date, class, guardian, mobile (title rows above are fine). Class names must match the classes here; allergy, medication or pick-up columns can go to the child’s health notes.',
          )}
        </EmptyState>
      ) : (
        <Stack>
          <ColumnMapping fileName={fileName ?? ''} headerRow={parsed.headerRow} columns={parsed.columns} mapping={mapping} onChange={setMapping} />
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t('2. 检查每一行', '2. Check every row')}</Title>
              <Group>
                {checked && (
                  <Text size="sm" data-testid="import-summary">
                    {t(
                      `共 ${rows.length} 行：${toImport.length - bad.length} 行可导入，${bad.length} 行有问题，${rows.length - toImport.length} 行已跳过`,
                      `${rows.length} rows: ${toImport.length - bad.length} ready, ${bad.length} with problems, ${rows.length - toImport.length} skipped`,
                    )}
                  </Text>
                )}
                <Button
                  size="xs"
                  variant="light"
                  disabled={bad.length === 0}
                  onClick={() => setSkipped(new Set([...skipped, ...bad.map((r) => r.sheetRow)]))}
                >
                  {t('跳过所有有问题的行', 'Skip all rows with problems')}
                </Button>
              </Group>
            </Group>
            <Table data-testid="import-preview" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('行', 'Row')}</Table.Th>
                  <Table.Th>{t('幼儿', 'Child')}</Table.Th>
                  <Table.Th>{t('出生日期', 'Born')}</Table.Th>
                  <Table.Th>{t('班级', 'Class')}</Table.Th>
                  <Table.Th>{t('家长 / 手机', 'Guardian / mobile')}</Table.Th>
                  <Table.Th>{t('检查结果', 'Check')}</Table.Th>
                  <Table.Th>{t('操作', 'Action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const problems = problemsOf(r.sheetRow);
                  return (
                    <Table.Tr key={r.sheetRow} data-testid={`import-row-${r.sheetRow}`} opacity={r.skip ? 0.45 : 1}>
                      <Table.Td>{r.sheetRow}</Table.Td>
                      <Table.Td>
                        {/* A name and a class read whole (欧阳子墨, not 欧阳子 / 墨); the health notes under the name wrap. */}
                        <div style={{ whiteSpace: 'nowrap' }}>{r.record.childName || '—'}</div>
                        {r.record.healthNotes && (
                          <Text size="xs" c="orange.8" maw={220} data-testid="import-health-notes">
                            {r.record.healthNotes}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.record.birthDate}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.record.className}</Table.Td>
                      <Table.Td>
                        {r.record.guardian1Name} {r.record.guardian1Mobile}
                      </Table.Td>
                      <Table.Td>
                        {!checked ? null : problems.length === 0 ? (
                          <Badge color="green" variant="light" style={{ overflow: 'visible' }} miw="fit-content">
                            {t('可导入', 'Ready')}
                          </Badge>
                        ) : (
                          <Stack gap={0}>
                            {problems.map((p) => (
                              <Text key={`${p.field}-${p.message}`} size="xs" c={r.skip ? 'dimmed' : 'red'}>
                                {lang === 'en' ? p.messageEn : p.message}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {problems.length > 0 && !r.skip && (
                            <Button size="compact-xs" variant="light" onClick={() => setFixing(r)}>
                              {t('修改', 'Fix')}
                            </Button>
                          )}
                          <Checkbox
                            size="xs"
                            styles={{ label: { whiteSpace: 'nowrap' } }}
                            label={t('跳过', 'Skip')}
                            checked={r.skip}
                            onChange={(e) => {
                              const next = new Set(skipped);
                              if (e.currentTarget.checked) next.add(r.sheetRow);
                              else next.delete(r.sheetRow);
                              setSkipped(next);
                            }}
                          />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
          {checked && bad.length > 0 && (
            <Alert color="orange">{t('请修改或跳过有问题的行，然后再导入。', 'Fix or skip the rows with problems before importing.')}</Alert>
          )}
          <Group justify="flex-end">
            <Button
              size="md"
              disabled={!checked || bad.length > 0 || toImport.length === 0}
              loading={busy}
              data-testid="import-commit"
              onClick={async () => {
                const result = await submit('families.importCommit', { rows: toImport.map(({ sheetRow, record }) => ({ sheetRow, record })) });
                if (result) {
                  notifications.show({
                    color: 'green',
                    message: t(
                      `已导入 ${result.children} 名幼儿、${result.guardians} 位家长（${result.households} 个新家庭）`,
                      `Imported ${result.children} children and ${result.guardians} guardians`,
                    ),
                  });
                  navigate('/families');
                }
              }}
            >
              {t(`3. 导入 ${toImport.length} 行`, `3. Import ${toImport.length} rows`)}
            </Button>
          </Group>
        </Stack>
      )}
      <FixModal
        row={fixing}
        problems={fixing ? problemsOf(fixing.sheetRow) : []}
        onClose={() => setFixing(null)}
        onSave={(record) => {
          if (fixing) setEdits({ ...edits, [fixing.sheetRow]: record });
          setFixing(null);
        }}
      />
    </>
  );
}

function FixModal({ row, problems, onClose, onSave }: { row: Row | null; problems: { field: string; message: string; messageEn: string }[]; onClose(): void; onSave(r: RosterRecord): void }) {
  const t = useT();
  const { lang } = useLang();
  const [draft, setDraft] = useState<RosterRecord | null>(null);
  const current = draft ?? row?.record ?? null;
  const close = () => {
    setDraft(null);
    onClose();
  };
  const messageFor = (field: RosterField) => problems.filter((p) => p.field === field).map((p) => (lang === 'en' ? p.messageEn : p.message)).join(lang === 'en' ? '; ' : '；') || undefined;
  return (
    <Modal opened={row !== null} onClose={close} size="xl" title={t(`修改第 ${row?.sheetRow ?? ''} 行`, `Fix row ${row?.sheetRow ?? ''}`)}>
      {current && (
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSave(current);
            setDraft(null);
          }}
        >
          <Grid gap="xs">
            {ROSTER_FIELDS.map((f, i) =>
              f.key === MULTI_COLUMN_FIELD ? (
                <Grid.Col span={12} key={f.key}>
                  <Textarea
                    label={lang === 'en' ? f.labelEn : f.label}
                    autosize
                    minRows={1}
                    value={current[f.key]}
                    error={messageFor(f.key)}
                    onChange={(e) => setDraft({ ...current, [f.key]: e.currentTarget.value })}
                  />
                </Grid.Col>
              ) : (
                <Grid.Col span={4} key={f.key}>
                  <TextInput
                    label={lang === 'en' ? f.labelEn : f.label}
                    autoFocus={i === 0}
                    value={current[f.key]}
                    error={messageFor(f.key)}
                    onChange={(e) => setDraft({ ...current, [f.key]: e.currentTarget.value })}
                  />
                </Grid.Col>
              ),
            )}
          </Grid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('修改只用于本次导入，不会改动原文件。', 'Fixes apply to this import only; the file is not changed.')}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button type="submit">{t('确定', 'OK')}</Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}
