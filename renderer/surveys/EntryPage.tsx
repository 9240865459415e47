import { ActionIcon, Alert, Badge, Button, Grid, Group, NumberInput, Paper, Select, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileSpreadsheet, IconKeyboard, IconPrinter, IconTrash, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../electron/api/index';
import { useApiAction, useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { AnswerForm, toAnswerInput } from './AnswerForm';
import { ImportPanel } from './import/ImportPanel';

export type RunDetail = Api['surveys.run']['output'];

const SOURCE: Record<string, [string, string]> = { paper: ['纸质', 'Paper'], named: ['实名', 'Named'], import: ['导入', 'Imported'] };

/** Collecting answers: paper sheets by keyboard, a family's answers (named runs), or an exported spreadsheet. */
export function EntryPage({ runId }: { runId: number }) {
  const t = useT();
  const { data: run, error, reload } = useApiQuery('surveys.run', { runId });
  const { run: call, busy } = useApiAction();
  if (error) return <ErrorAlert error={error} />;
  if (!run) return null;
  const closed = run.status !== 'open';
  const total = run.classes.reduce((s, c) => s + c.responses, 0);

  return (
    <>
      <PageHeader
        title={run.title}
        description={`${run.semester} · ${run.anonymous ? t('匿名', 'Anonymous') : t('实名', 'Named')} · ${t('已收回', 'Returned')} ${total} ${t('份', '')}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/surveys')}>
              {t('返回', 'Back')}
            </Button>
            <PrintBlank run={run} />
          </>
        }
      />
      {closed && (
        <Alert color="yellow" mb="md">
          {t('这次调查已经结束，不能再录入。需要补录请园长重新开启。', 'This survey is closed; the principal can reopen it.')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Tabs defaultValue="paper" keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="paper" leftSection={<IconKeyboard size={16} />}>
                {t('纸质问卷录入', 'Paper questionnaires')}
              </Tabs.Tab>
              {!run.anonymous && (
                <Tabs.Tab value="named" leftSection={<IconUser size={16} />}>
                  {t('按家庭录入', 'For a family')}
                </Tabs.Tab>
              )}
              <Tabs.Tab value="import" leftSection={<IconFileSpreadsheet size={16} />}>
                {t('导入线上问卷表格', 'Import a spreadsheet')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="paper">
              <PaperEntry run={run} disabled={closed} onSaved={reload} />
            </Tabs.Panel>
            {!run.anonymous && (
              <Tabs.Panel value="named">
                <NamedEntry run={run} disabled={closed} onSaved={reload} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="import">
              <ImportPanel run={run} disabled={closed} onDone={reload} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Paper withBorder p="sm" mb="sm">
            <Title order={5} mb="xs">
              {t('各班回收', 'Returned by class')}
            </Title>
            <Table verticalSpacing={2} data-testid="entry-class-counts">
              <Table.Tbody>
                {run.classes.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td ta="right">
                      {c.responses} / {c.invited}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="sm">
            <Title order={5} mb="xs">
              {t('最近录入', 'Entered last')}
            </Title>
            {run.recent.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('还没有答卷。', 'No responses yet.')}
              </Text>
            )}
            {run.recent.map((r) => (
              <Group key={r.id} justify="space-between" gap={4} wrap="nowrap">
                <Text size="sm">
                  {r.responseNo ? `No.${r.responseNo}` : '—'} · {r.className}{' '}
                  <Badge size="xs" variant="light">
                    {t(...(SOURCE[r.source] ?? ['', '']))}
                  </Badge>
                </Text>
                {!closed && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    disabled={busy}
                    aria-label={t('删除这份答卷', 'Delete this response')}
                    onClick={async () => {
                      if (!window.confirm(t('删除这份答卷？删除后可以重新录入。', 'Delete this response? You can enter it again.'))) return;
                      if (await call('surveys.deleteResponse', { responseId: r.id }, t('已删除', 'Deleted'))) void reload();
                    }}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

function PaperEntry({ run, disabled, onSaved }: { run: RunDetail; disabled: boolean; onSaved(): void }) {
  const t = useT();
  const { run: call } = useApiAction();
  const [responseNo, setResponseNo] = useState<number | string>(run.nextResponseNo);
  const [classId, setClassId] = useState<string | null>(run.classes.length === 1 ? String(run.classes[0]!.id) : null);
  const [count, setCount] = useState(0);

  return (
    <AnswerForm
      questions={run.questions}
      disabled={disabled}
      header={
        <Group align="flex-end">
          <NumberInput
            label={t('问卷编号（印在问卷右上角）', 'Questionnaire number (top right)')}
            value={responseNo}
            onChange={setResponseNo}
            min={1}
            max={99999}
            w={220}
            data-testid="response-no"
          />
          <Select
            label={t('班级（连续录入时保持不变）', 'Class (kept for the next sheet)')}
            data={run.classes.map((c) => ({ value: String(c.id), label: c.name }))}
            value={classId}
            onChange={setClassId}
            w={240}
            data-testid="entry-class"
          />
          <Text size="sm" c="dimmed" pb={6} data-testid="entered-count">
            {t(`本次已录入 ${count} 份`, `${count} entered in this session`)}
          </Text>
        </Group>
      }
      onSave={async (answers) => {
        if (!classId) {
          notifications.show({ color: 'red', message: t('请先选择班级', 'Choose the class first') });
          return false;
        }
        const no = Number(responseNo);
        // No toast per sheet: the counter and the "entered last" list confirm each save without piling up.
        const saved = await call('surveys.addResponse', { runId: run.id, classId: Number(classId), responseNo: no, answers: toAnswerInput(run.questions, answers) });
        if (!saved) return false;
        setResponseNo(no + 1);
        setCount((c) => c + 1);
        onSaved();
        return true;
      }}
    />
  );
}

function NamedEntry({ run, disabled, onSaved }: { run: RunDetail; disabled: boolean; onSaved(): void }) {
  const t = useT();
  const { run: call } = useApiAction();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Api['surveys.findHouseholds']['output']>([]);
  const [family, setFamily] = useState<Api['surveys.findHouseholds']['output'][number] | null>(null);

  async function search() {
    const result = await call('surveys.findHouseholds', { runId: run.id, q });
    if (result) setFound(result);
  }

  if (!family) {
    return (
      <Paper withBorder p="md">
        <Group align="flex-end">
          <TextInput
            label={t('幼儿姓名或拼音首字母', "Child's name or pinyin initials")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && void search()}
            autoFocus
          />
          <Button onClick={() => void search()}>{t('查找', 'Find')}</Button>
        </Group>
        <Table mt="sm">
          <Table.Tbody>
            {found.map((f) => (
              <Table.Tr key={f.childId}>
                <Table.Td>{f.childName}</Table.Td>
                <Table.Td>{f.className}</Table.Td>
                <Table.Td>{f.guardians.join('、')}</Table.Td>
                <Table.Td>
                  {f.answered ? (
                    <Badge color="gray">{t('已填写', 'Answered')}</Badge>
                  ) : (
                    <Button size="xs" onClick={() => setFamily(f)}>
                      {t('录入这个家庭的答卷', 'Enter for this family')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    );
  }
  return (
    <AnswerForm
      questions={run.questions}
      disabled={disabled}
      header={
        <Group>
          <Text fw={600}>
            {family.childName}（{family.className}）{t('的家庭', "'s family")}：{family.guardians.join('、')}
          </Text>
          <Button size="xs" variant="default" onClick={() => setFamily(null)}>
            {t('换一个家庭', 'Another family')}
          </Button>
        </Group>
      }
      onSave={async (answers) => {
        const saved = await call(
          'surveys.addResponse',
          { runId: run.id, classId: family.classId, householdId: family.householdId, answers: toAnswerInput(run.questions, answers) },
          t('已保存', 'Saved'),
        );
        if (!saved) return false;
        setFamily(null);
        setFound([]);
        setQ('');
        onSaved();
        return true;
      }}
    />
  );
}

function PrintBlank({ run }: { run: RunDetail }) {
  const t = useT();
  const [from, setFrom] = useState<number | string>(run.nextResponseNo);
  const [count, setCount] = useState<number | string>(30);
  const [classId, setClassId] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setOpen(true)} data-testid="print-blank">
        {t('打印空白问卷', 'Print blank questionnaires')}
      </Button>
    );
  }
  const href = `#/print/survey-blank/${run.id}/${Number(from)}/${Number(count)}/${classId ?? 0}`;
  return (
    <Group gap="xs" align="flex-end">
      <NumberInput size="xs" label={t('起始编号', 'From No.')} value={from} onChange={setFrom} min={1} w={100} />
      <NumberInput size="xs" label={t('份数', 'Copies')} value={count} onChange={setCount} min={1} max={300} w={80} />
      <Select
        size="xs"
        label={t('班级（可不选）', 'Class (optional)')}
        data={run.classes.map((c) => ({ value: String(c.id), label: c.name }))}
        value={classId}
        onChange={setClassId}
        clearable
        w={130}
      />
      <Button size="xs" component="a" href={href} target="_blank">
        {t('打开打印页', 'Open for printing')}
      </Button>
      {run.anonymous && (
        // A number handed out in roster order would tie a sheet to a family.
        <Text size="xs" c="dimmed" w={170} data-testid="shuffle-hint">
          {t('匿名调查：请打乱顺序发放，不要按名单依次发。', 'Anonymous: hand the sheets out in no particular order.')}
        </Text>
      )}
    </Group>
  );
}
