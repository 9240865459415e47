import { Badge, Button, Checkbox, Group, Modal, Paper, Progress, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconMoodSmile, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiAction, useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { EntryPage } from './EntryPage';
import { ReviewPage } from './review/ReviewPage';
import { TemplateEditor } from './TemplateEditor';

/** `#/surveys`, `#/surveys/run/<id>/entry|review`, `#/surveys/template/<id|new|builtin>`. */
export function SurveysPage({ path }: { path: string[] }) {
  const [kind, id, view] = path;
  if (kind === 'run' && id) return view === 'review' ? <ReviewPage runId={Number(id)} /> : <EntryPage runId={Number(id)} />;
  if (kind === 'template' && id) return <TemplateEditor templateId={id === 'new' ? 'new' : id === 'builtin' ? 'builtin' : Number(id)} />;
  return <RunList />;
}

function RunList() {
  const t = useT();
  const isPrincipal = useCan('principal');
  const canEnter = useCan('principal', 'front_desk');
  const { data, error, reload } = useApiQuery('surveys.overview', {});
  const [creating, setCreating] = useState(false);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <>
      <PageHeader
        title={t('满意度调查', 'Satisfaction surveys')}
        description={t('定期了解家长对教学、教师、环境卫生、安全、伙食、沟通和收费的看法，找出问题、制定改进措施并跟踪效果。', 'Ask parents regularly, find problems, plan improvements and follow them up.')}
        actions={
          isPrincipal && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-run">
              {t('发起调查', 'New survey')}
            </Button>
          )
        }
      />
      {data.runs.length === 0 ? (
        <EmptyState icon={<IconMoodSmile />} title={t('还没有调查', 'No surveys yet')}>
          {isPrincipal
            ? t('点击右上角“发起调查”，用内置问卷或自建问卷选择学期和班级。', 'Click “New survey” to start one from the built-in questionnaire.')
            : t('园长发起调查后会显示在这里。', 'Surveys appear here once the principal starts one.')}
        </EmptyState>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm" highlightOnHover data-testid="run-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('调查', 'Survey')}</Table.Th>
                <Table.Th>{t('学期', 'Term')}</Table.Th>
                <Table.Th w={220}>{t('回收', 'Returned')}</Table.Th>
                <Table.Th>{t('状态', 'Status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.runs.map((r) => {
                const pct = r.invited ? Math.round((r.responses * 100) / r.invited) : 0;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text fw={600}>{r.title}</Text>
                      <Text size="xs" c="dimmed">
                        {r.templateName} · {r.anonymous ? t('匿名', 'Anonymous') : t('实名', 'Named')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.semester}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {r.responses} / {r.invited}（{pct}%）
                      </Text>
                      <Progress value={pct} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={r.status === 'open' ? 'green' : 'gray'}>{r.status === 'open' ? t('进行中', 'Open') : t('已结束', 'Closed')}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        {canEnter && (
                          <Button size="xs" variant="default" onClick={() => navigate(`/surveys/run/${r.id}/entry`)}>
                            {t('录入答卷', 'Enter answers')}
                          </Button>
                        )}
                        {isPrincipal && (
                          <Button size="xs" onClick={() => navigate(`/surveys/run/${r.id}/review`)}>
                            {t('查看分析', 'Review')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {isPrincipal && (
        <Paper withBorder p="md" mt="lg">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('问卷', 'Questionnaires')}</Title>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => navigate('/surveys/template/builtin')}>
                {t('以内置问卷为基础新建', 'New from the built-in one')}
              </Button>
              <Button size="xs" variant="default" onClick={() => navigate('/surveys/template/new')}>
                {t('新建空白问卷', 'New blank questionnaire')}
              </Button>
            </Group>
          </Group>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {!data.builtIn.inUse && (
                <Table.Tr>
                  <Table.Td>
                    {data.builtIn.name} <Badge size="xs">{t('内置', 'Built-in')}</Badge>
                  </Table.Td>
                  <Table.Td>{t(`${data.builtIn.questions} 题`, `${data.builtIn.questions} questions`)}</Table.Td>
                  <Table.Td>{t('尚未使用', 'Not used yet')}</Table.Td>
                  <Table.Td />
                </Table.Tr>
              )}
              {data.templates.map((tpl) => (
                <Table.Tr key={tpl.id}>
                  <Table.Td>
                    {tpl.name} {tpl.builtIn && <Badge size="xs">{t('内置', 'Built-in')}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(`${tpl.questions} 题`, `${tpl.questions} questions`)}</Table.Td>
                  <Table.Td>{t(`已用于 ${tpl.runs} 次调查`, `Used in ${tpl.runs} surveys`)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" onClick={() => navigate(`/surveys/template/${tpl.id}`)}>
                      {tpl.runs > 0 ? t('查看 / 复制', 'View / copy') : t('编辑', 'Edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {creating && <NewRunModal data={data} onClose={() => setCreating(false)} onCreated={reload} />}
    </>
  );
}

type Overview = NonNullable<ReturnType<typeof useApiQuery<'surveys.overview'>>['data']>;

function NewRunModal({ data, onClose, onCreated }: { data: Overview; onClose(): void; onCreated(): void }) {
  const t = useT();
  const { run: call, busy } = useApiAction();
  const builtIn = data.templates.find((x) => x.builtIn);
  const templateOptions = [
    ...(builtIn ? [] : [{ value: 'builtin', label: `${data.builtIn.name}（${t('内置', 'built-in')}）` }]),
    ...data.templates.map((x) => ({ value: String(x.id), label: x.builtIn ? `${x.name}（${t('内置', 'built-in')}）` : x.name })),
  ];
  const [template, setTemplate] = useState<string | null>(builtIn ? String(builtIn.id) : 'builtin');
  const [semesterId, setSemesterId] = useState<string | null>(data.semesters[0] ? String(data.semesters[0].id) : null);
  const [title, setTitle] = useState('');
  const [classIds, setClassIds] = useState<string[]>(data.classes.map((c) => String(c.id)));
  const [anonymous, setAnonymous] = useState('yes');
  return (
    <Modal opened onClose={onClose} title={t('发起调查', 'New survey')} size="lg">
      <Stack>
        <Select label={t('问卷', 'Questionnaire')} data={templateOptions} value={template} onChange={setTemplate} data-testid="run-template" />
        <TextInput
          label={t('调查名称', 'Title')}
          placeholder={t('例如：2026秋季期末家长满意度调查', 'e.g. End-of-term parent survey')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="run-title"
        />
        <Select label={t('学期', 'Term')} data={data.semesters.map((s) => ({ value: String(s.id), label: s.name }))} value={semesterId} onChange={setSemesterId} />
        <Checkbox.Group label={t('参加的班级', 'Classes')} value={classIds} onChange={setClassIds}>
          <Group mt={4}>
            {data.classes.map((c) => (
              <Checkbox key={c.id} value={String(c.id)} label={c.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group label={t('是否记名', 'Anonymous?')} value={anonymous} onChange={setAnonymous}>
          <Stack gap={4} mt={4}>
            <Radio value="yes" label={t('匿名（推荐）：答卷不关联任何家庭，家长更愿意说真话', 'Anonymous (recommended): no answer is linked to a family')} />
            <Radio value="no" label={t('实名：按家庭录入，便于回访', 'Named: entered per family, for follow-up calls')} />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button
            loading={busy}
            data-testid="run-create"
            onClick={async () => {
              const created = await call(
                'surveys.createRun',
                {
                  template: template === 'builtin' ? 'builtin' : Number(template),
                  title,
                  semesterId: Number(semesterId),
                  classIds: classIds.map(Number),
                  anonymous: anonymous === 'yes',
                },
                t('调查已发起', 'Survey started'),
              );
              if (created) {
                onCreated();
                onClose();
                navigate(`/surveys/run/${created.id}/entry`);
              }
            }}
          >
            {t('发起', 'Start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
