import { Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { CHILD_STATUS_LABELS, GENDER_LABELS } from '../../core/families/labels';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { useClassOptions } from './forms';
import { ChildStatusBadge, useLabel, useOptions, useRelationship } from './shared';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** The roster by class and status; phones and ID numbers stay masked until a family is opened. */
export function RosterTab() {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const relationship = useRelationship();
  const { actor } = useSession();
  const classOptions = useClassOptions(true);
  const [classId, setClassId] = useState<string | null>(null);
  const [status, setStatus] = useState('enrolled');
  const { data, error } = useApiQuery('families.children', {
    classId: classId ? Number(classId) : null,
    status: status as 'enrolled',
  });
  return (
    <>
      <Group mb="sm" justify="space-between">
        <Group>
          {actor.role !== 'teacher' && (
            <Select
              placeholder={t('全部班级', 'All classes')}
              clearable
              data={classOptions}
              value={classId}
              onChange={setClassId}
              w={180}
              aria-label={t('班级', 'Class')}
            />
          )}
          <SegmentedControl
            value={status}
            onChange={setStatus}
            data={[...options(CHILD_STATUS_LABELS), { value: 'all', label: t('全部', 'All') }]}
          />
        </Group>
        {data && (
          <Text size="sm" c="dimmed">
            {t(`共 ${data.length} 名`, `${data.length} children`)}
          </Text>
        )}
      </Group>
      <ErrorAlert error={error} />
      {data && data.length === 0 ? (
        <EmptyState icon={<IconUsers />} title={t('这里还没有幼儿', 'No children here')}>
          {t('点右上角“新增家庭”登记幼儿和家长，或“导入花名册”从 Excel 批量导入。', 'Use “New family” or “Import roster” at the top right.')}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover data-testid="roster-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('姓名', 'Name')}</Table.Th>
              <Table.Th>{t('性别', 'Gender')}</Table.Th>
              <Table.Th>{t('出生日期', 'Born')}</Table.Th>
              <Table.Th>{t('班级', 'Class')}</Table.Th>
              <Table.Th>{t('状态', 'Status')}</Table.Th>
              <Table.Th>{t('身份证号', 'ID number')}</Table.Th>
              <Table.Th>{t('家长', 'Guardians')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/families/household/${c.householdId}`)}>
                {/* Names, dates and statuses never wrap letter by letter; the guardians column takes what is left. */}
                <Table.Td fw={600} style={NO_WRAP}>
                  {c.name}
                </Table.Td>
                <Table.Td style={NO_WRAP}>{label(GENDER_LABELS, c.gender)}</Table.Td>
                <Table.Td style={NO_WRAP}>{c.birthDate}</Table.Td>
                <Table.Td style={NO_WRAP}>{c.className}</Table.Td>
                <Table.Td style={NO_WRAP}>
                  <ChildStatusBadge status={c.status} />
                  {c.status !== 'enrolled' && (
                    <Text span size="xs" c="dimmed" ml={4}>
                      {c.statusSince}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" fz="sm" style={NO_WRAP}>
                  {c.idNumberMasked}
                </Table.Td>
                <Table.Td fz="sm">
                  {c.guardians.map((g) => `${relationship(g.relationship)} ${g.name} ${g.mobileMasked}`).join('；')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
