import dayjs from 'dayjs';
import { Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useCan } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { defaultSchoolYear, type SchoolYearValue, SemestersForm } from './SemestersForm';

export function SchoolYearsTab() {
  const t = useT();
  const canEdit = useCan('principal');
  const { data, error, loading, reload } = useApiQuery('kindergarten.get', {});
  const { run, busy } = useApiAction();
  const [editing, setEditing] = useState<{ id: number | null; value: SchoolYearValue } | null>(null);

  if (error) return <ErrorAlert error={error} />;
  if (loading && !data) return <Loader />;
  const years = data?.schoolYears ?? [];

  const save = async () => {
    if (!editing) return;
    const ok = editing.id
      ? await run('kindergarten.updateSchoolYear', { id: editing.id, value: editing.value }, t('已保存学年', 'School year saved'))
      : await run('kindergarten.addSchoolYear', editing.value, t('已添加学年', 'School year added'));
    if (ok) {
      setEditing(null);
      void reload();
    }
  };

  return (
    <Stack maw={900}>
      {canEdit && (
        <Group>
          <Button
            onClick={() => {
              const last = years.at(-1)?.semesters.at(-1)?.lastMonth;
              const next = last ? defaultSchoolYear(dayjsFromMonth(last).add(2, 'month')) : defaultSchoolYear();
              setEditing({ id: null, value: next });
            }}
          >
            {t('添加学年', 'Add a school year')}
          </Button>
        </Group>
      )}
      {years.length === 0 ? (
        <EmptyState title={t('还没有学年', 'No school year yet')}>{t('添加一个学年并设置学期的起止月份。', 'Add a school year with its semesters.')}</EmptyState>
      ) : (
        years.map((y) => (
          <Card key={y.id} withBorder>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{y.name}</Text>
              {canEdit && (
                <Button size="xs" variant="light" onClick={() => setEditing({ id: y.id, value: { name: y.name, semesters: y.semesters.map(({ name, firstMonth, lastMonth }) => ({ name, firstMonth, lastMonth })) } })}>
                  {t('修改', 'Edit')}
                </Button>
              )}
            </Group>
            <Table>
              <Table.Tbody>
                {y.semesters.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">
                        {s.firstMonth} ～ {s.lastMonth}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        ))
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('学年与学期', 'School year')} size="lg">
        {editing && (
          <Stack>
            <SemestersForm value={editing.value} onChange={(value) => setEditing({ ...editing, value })} />
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

function dayjsFromMonth(month: string) {
  return dayjs(`${month}-01`);
}
