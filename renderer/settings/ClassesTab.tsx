import { Badge, Button, Group, Loader, Modal, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Api } from '../../electron/api/index';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useCan } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { LEVEL_LABELS, options } from './labels';

type ClassValue = Required<Api['kindergarten.updateClass']['input']['value']>;

export function ClassesTab() {
  const t = useT();
  const canEdit = useCan('principal');
  const { data, error, loading, reload } = useApiQuery('kindergarten.get', {});
  const { run, busy } = useApiAction();
  const [editing, setEditing] = useState<{ id: number | null; value: ClassValue } | null>(null);

  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loader />;
  const list = data?.classes ?? [];

  const save = async () => {
    if (!editing) return;
    const { archived, ...fields } = editing.value;
    const ok = editing.id
      ? await run('kindergarten.updateClass', { id: editing.id, value: editing.value }, t('已保存班级', 'Class saved'))
      : await run('kindergarten.addClass', fields, t('已添加班级', 'Class added'));
    if (ok) {
      setEditing(null);
      void reload();
    }
  };

  return (
    <Stack maw={900}>
      {canEdit && (
        <Group>
          <Button onClick={() => setEditing({ id: null, value: { name: '', level: 'small', headTeacher: '', archived: false } })}>{t('添加班级', 'Add a class')}</Button>
        </Group>
      )}
      {list.length === 0 ? (
        <EmptyState title={t('还没有班级', 'No classes yet')}>{t('添加班级后才能登记幼儿和点名。', 'Add classes before enrolling children and taking the roll.')}</EmptyState>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('班级', 'Class')}</Table.Th>
              <Table.Th>{t('年级', 'Level')}</Table.Th>
              <Table.Th>{t('班主任', 'Head teacher')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.name} {c.archived && <Badge color="gray">{t('已归档', 'Archived')}</Badge>}
                </Table.Td>
                <Table.Td>{t(...(LEVEL_LABELS[c.level] ?? [c.level, c.level]))}</Table.Td>
                <Table.Td>{c.headTeacher}</Table.Td>
                <Table.Td align="right">
                  {canEdit && (
                    <Button size="xs" variant="light" onClick={() => setEditing({ id: c.id, value: { name: c.name, level: c.level as ClassValue['level'], headTeacher: c.headTeacher, archived: c.archived } })}>
                      {t('修改', 'Edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('班级', 'Class')}>
        {editing && (
          <Stack>
            <TextInput label={t('班级名称', 'Class name')} value={editing.value.name} onChange={(e) => setEditing({ ...editing, value: { ...editing.value, name: e.currentTarget.value } })} data-autofocus />
            <Select label={t('年级', 'Level')} data={options(LEVEL_LABELS, t)} value={editing.value.level} onChange={(v) => setEditing({ ...editing, value: { ...editing.value, level: (v ?? 'small') as ClassValue['level'] } })} allowDeselect={false} />
            <TextInput label={t('班主任', 'Head teacher')} value={editing.value.headTeacher} onChange={(e) => setEditing({ ...editing, value: { ...editing.value, headTeacher: e.currentTarget.value } })} />
            {editing.id && (
              <Switch
                label={t('归档（保留历史，不再接收新幼儿）', 'Archived (history kept, no new children)')}
                checked={editing.value.archived}
                onChange={(e) => setEditing({ ...editing, value: { ...editing.value, archived: e.currentTarget.checked } })}
              />
            )}
            <Group justify="flex-end">
              <Button onClick={save} loading={busy}>
                {t('保存', 'Save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
