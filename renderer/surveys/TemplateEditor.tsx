import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowLeft, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { type QuestionDef, type QuestionKind, RATING_LABELS } from '../../core/surveys/types';
import { useApiAction, useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';

const KINDS: { value: QuestionKind; label: [string, string] }[] = [
  { value: 'rating', label: ['评分（1～5 分）', 'Rating 1–5'] },
  { value: 'single', label: ['单选', 'Single choice'] },
  { value: 'multi', label: ['多选', 'Multiple choice'] },
  { value: 'text', label: ['文字意见', 'Free text'] },
  { value: 'nps', label: ['推荐意愿（0～10 分）', 'Recommend 0–10'] },
];

/** A question being edited, with a key that survives reordering. */
type Draft = QuestionDef & { key: number };
let nextKey = 1;
const draft = (q: QuestionDef): Draft => ({ ...q, key: nextKey++ });

const optionsFor = (kind: QuestionKind, old: string[]) =>
  kind === 'rating' ? (old.length === 5 ? old : [...RATING_LABELS]) : kind === 'single' || kind === 'multi' ? (old.length >= 2 && old !== RATING_LABELS ? old : ['选项一', '选项二']) : [];

/**
 * Builds a questionnaire: sections, rating questions with their five labels,
 * choices, free text and the 0–10 question. A questionnaire already used by a
 * run is read-only (its runs must stay comparable) and can be copied instead.
 */
export function TemplateEditor({ templateId }: { templateId: number | 'new' | 'builtin' }) {
  const t = useT();
  const { data, error } = useApiQuery('surveys.template', { templateId: templateId === 'new' ? 'builtin' : templateId });
  const { run: call, busy } = useApiAction();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [questions, setQuestions] = useState<Draft[]>([]);
  const [copy, setCopy] = useState(typeof templateId !== 'number');

  useEffect(() => {
    if (!data) return;
    if (templateId === 'new') {
      setName('');
      setQuestions([draft({ section: '', kind: 'rating', text: '', options: [...RATING_LABELS] })]);
      return;
    }
    setName(typeof templateId === 'number' ? data.name : `${data.name}（副本）`);
    setDescription(data.description);
    setQuestions(data.questions.map(({ section, kind, text, options }) => draft({ section, kind, text, options })));
  }, [data, templateId]);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const readOnly = data.used && !copy;
  const update = (i: number, patch: Partial<QuestionDef>) => setQuestions((qs) => qs.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const moveQ = (i: number, step: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [item] = next.splice(i, 1);
      next.splice(i + step, 0, item!);
      return next;
    });

  async function save() {
    const saved = await call(
      'surveys.saveTemplate',
      { templateId: copy || typeof templateId !== 'number' ? undefined : templateId, name, description, questions: questions.map(({ key: _key, ...q }) => q) },
      t('问卷已保存', 'Questionnaire saved'),
    );
    if (saved) navigate('/surveys');
  }

  return (
    <>
      <PageHeader
        title={copy ? t('新建问卷', 'New questionnaire') : t('编辑问卷', 'Edit questionnaire')}
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/surveys')}>
            {t('返回', 'Back')}
          </Button>
        }
      />
      {readOnly && (
        <Alert color="yellow" mb="md">
          <Group justify="space-between">
            <Text size="sm">{t('这份问卷已经用于调查，题目不能再改，否则前后两次结果无法对比。', 'This questionnaire has been used; its questions cannot change.')}</Text>
            <Button
              size="xs"
              onClick={() => {
                setCopy(true);
                setName(`${name}（副本）`);
              }}
            >
              {t('复制为新问卷', 'Copy as new')}
            </Button>
          </Group>
        </Alert>
      )}
      <Stack>
        <Group grow>
          <TextInput label={t('问卷名称', 'Name')} value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={readOnly} />
          <TextInput label={t('说明', 'Description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} disabled={readOnly} />
        </Group>
        {questions.map((q, i) => (
          <Paper withBorder p="sm" key={q.key}>
            <Group align="flex-start" wrap="nowrap">
              <Text fw={700} pt={28} w={24}>
                {i + 1}
              </Text>
              <Stack gap={4} style={{ flex: 1 }}>
                <Group grow>
                  <TextInput size="xs" label={t('分组（如 伙食营养）', 'Section')} value={q.section} onChange={(e) => update(i, { section: e.currentTarget.value })} disabled={readOnly} />
                  <Select
                    size="xs"
                    label={t('题型', 'Kind')}
                    data={KINDS.map((k) => ({ value: k.value, label: t(...k.label) }))}
                    value={q.kind}
                    onChange={(v) => v && update(i, { kind: v as QuestionKind, options: optionsFor(v as QuestionKind, q.options) })}
                    disabled={readOnly}
                  />
                </Group>
                <TextInput size="xs" label={t('题目', 'Question')} value={q.text} onChange={(e) => update(i, { text: e.currentTarget.value })} disabled={readOnly} />
                {(q.kind === 'rating' || q.kind === 'single' || q.kind === 'multi') && (
                  <Textarea
                    size="xs"
                    autosize
                    minRows={2}
                    label={q.kind === 'rating' ? t('1～5 分的说明（每行一个，从 1 分开始）', 'Labels for 1–5, one per line') : t('选项（每行一个）', 'Options, one per line')}
                    value={q.options.join('\n')}
                    onChange={(e) => update(i, { options: e.currentTarget.value.split('\n') })}
                    onBlur={() => update(i, { options: q.options.map((o) => o.trim()).filter(Boolean) })}
                    disabled={readOnly}
                  />
                )}
              </Stack>
              {!readOnly && (
                <Stack gap={2} pt={24}>
                  <ActionIcon variant="subtle" disabled={i === 0} onClick={() => moveQ(i, -1)} aria-label={t('上移', 'Up')}>
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" disabled={i === questions.length - 1} onClick={() => moveQ(i, 1)} aria-label={t('下移', 'Down')}>
                    <IconArrowDown size={14} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))} aria-label={t('删除', 'Delete')}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Stack>
              )}
            </Group>
          </Paper>
        ))}
        {!readOnly && (
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setQuestions((qs) => [...qs, draft({ section: qs.at(-1)?.section ?? '', kind: 'rating', text: '', options: [...RATING_LABELS] })])}
            >
              {t('加一道题', 'Add a question')}
            </Button>
            <Button onClick={() => void save()} loading={busy}>
              {t('保存问卷', 'Save questionnaire')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
