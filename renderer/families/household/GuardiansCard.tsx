import { Badge, Button, Card, Group, Table, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useT } from '../../i18n';
import { useRelationship } from '../shared';
import type { Guardian } from './types';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export function GuardiansCard({ guardians, canEdit, onAdd, onEdit }: { guardians: Guardian[]; canEdit: boolean; onAdd(): void; onEdit(g: Guardian): void }) {
  const t = useT();
  const relationship = useRelationship();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('家长', 'Guardians')}</Title>
        {canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {t('添加家长', 'Add guardian')}
          </Button>
        )}
      </Group>
      <Table data-testid="guardians-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('姓名', 'Name')}</Table.Th>
            <Table.Th>{t('关系', 'Relationship')}</Table.Th>
            <Table.Th>{t('手机号', 'Mobile')}</Table.Th>
            <Table.Th>{t('微信', 'WeChat')}</Table.Th>
            <Table.Th>{t('工作单位', 'Workplace')}</Table.Th>
            <Table.Th>{t('住址', 'Address')}</Table.Th>
            <Table.Th>{t('接送', 'Pick-up')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guardians.map((g) => (
            <Table.Tr key={g.id}>
              {/* Name, relationship and number stay on one line; workplace and address take what is left. */}
              <Table.Td fw={600} style={NO_WRAP}>
                {g.name}
              </Table.Td>
              <Table.Td style={NO_WRAP}>{relationship(g.relationship)}</Table.Td>
              <Table.Td ff="monospace" style={NO_WRAP}>
                {g.mobile}
              </Table.Td>
              <Table.Td>{g.wechat}</Table.Td>
              <Table.Td>{g.workplace}</Table.Td>
              <Table.Td>{g.address}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {/* Who may collect the child is a safety check at the gate: say it both ways. */}
                  {g.canPickUp ? (
                    <Badge size="sm" color="green" variant="light">
                      {t('可接送', 'May pick up')}
                    </Badge>
                  ) : (
                    <Badge size="sm" color="red" variant="filled">
                      {t('不可接送', 'May not pick up')}
                    </Badge>
                  )}
                  {g.isEmergencyContact && (
                    <Badge size="sm" color="orange" variant="light">
                      {t('紧急联系人', 'Emergency contact')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {canEdit && (
                  <Button size="compact-xs" variant="subtle" onClick={() => onEdit(g)}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
