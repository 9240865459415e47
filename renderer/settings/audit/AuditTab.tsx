import { Badge, Button, Group, Loader, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { localDateTime } from '../../../core/calendar/dates';
import { DatePickerInput } from '@mantine/dates';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { diffRecords, type FieldChange } from './diff';
import { type AuditNames, describeEntry, entityText, fieldLabel, formatValue } from './format';
import { ENTITY_LABELS, HIDDEN_FIELDS, KIND_LABELS } from './labels';

type Kind = NonNullable<Api['audit.list']['input']['kind']>;
type Row = Api['audit.list']['output']['rows'][number];
type T = (zh: string, en: string) => string;
const PAGE_SIZE = 30;


/** The principal's view of who changed what: filter by person, dates, kind and record. */
export function AuditTab() {
  const t = useT();
  const [staffId, setStaffId] = useState<number | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [kind, setKind] = useState<Kind | null>(null);
  const [entity, setEntity] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filters = useApiQuery('audit.filters', {});
  const query = { staffId, from: range[0], to: range[1] ?? range[0], kind, entity, page, pageSize: PAGE_SIZE };
  const { data, error, loading } = useApiQuery('audit.list', query);
  const filtered = staffId !== null || range[0] !== null || kind !== null || entity !== null;

  const change = <V,>(set: (v: V) => void) => (v: V) => {
    set(v);
    setPage(1);
  };

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('经办人', 'Person')}
          placeholder={t('全部', 'Everyone')}
          data={(filters.data?.people ?? []).map((p) => ({ value: String(p.id), label: `${p.displayName}（${p.username}）${p.disabled ? t(' · 已停用', ' · disabled') : ''}` }))}
          value={staffId ? String(staffId) : null}
          onChange={change((v: string | null) => setStaffId(v ? Number(v) : null))}
          clearable
          searchable
          w={220}
          data-testid="audit-person"
        />
        <DatePickerInput
          type="range"
          label={t('日期', 'Dates')}
          placeholder={t('全部日期', 'Any date')}
          value={range}
          onChange={change((v: [string | null, string | null]) => setRange(v))}
          valueFormat="YYYY-MM-DD"
          allowSingleDateInRange
          clearable
          w={260}
        />
        <Select
          label={t('类别', 'Kind')}
          placeholder={t('全部', 'All')}
          data={Object.entries(KIND_LABELS).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))}
          value={kind}
          onChange={change((v: string | null) => setKind(v as Kind | null))}
          clearable
          w={140}
          data-testid="audit-kind"
        />
        <Select
          label={t('对象', 'Record type')}
          placeholder={t('全部', 'All')}
          data={(filters.data?.entities ?? []).map((e) => ({ value: e.entity, label: `${t(...(ENTITY_LABELS[e.entity] ?? [e.entity, e.entity]))}（${e.n}）` }))}
          value={entity}
          onChange={change((v: string | null) => setEntity(v))}
          clearable
          w={180}
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setStaffId(null);
              setRange([null, null]);
              setKind(null);
              setEntity(null);
              setPage(1);
            }}
          >
            {t('清除筛选', 'Clear filters')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {!data && loading ? (
        <Loader />
      ) : data && data.rows.length === 0 ? (
        <EmptyState icon={<IconHistory size={28} />} title={filtered ? t('没有符合条件的记录', 'Nothing matches') : t('还没有操作记录', 'No changes recorded yet')}>
          {filtered
            ? t('换一个经办人、日期或类别试试，或点「清除筛选」。', 'Try another person, date or kind, or clear the filters.')
            : t('每次修改钱款、考勤、档案或账号都会记在这里：谁、何时、改了什么。', 'Every change to money, attendance, records or accounts is recorded here.')}
        </EmptyState>
      ) : data ? (
        <>
          <Text size="sm" c="dimmed">
            {t(`共 ${data.total} 条`, `${data.total} entries`)}
          </Text>
          <Table striped verticalSpacing="xs" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('时间', 'When')}</Table.Th>
                <Table.Th w={140}>{t('经办人', 'Who')}</Table.Th>
                <Table.Th w={120}>{t('类别', 'Kind')}</Table.Th>
                <Table.Th>{t('内容', 'What')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((row) => (
                <AuditRow key={row.id} row={row} t={t} names={data.names} />
              ))}
            </Table.Tbody>
          </Table>
          {data.total > PAGE_SIZE && <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />}
        </>
      ) : null}
    </Stack>
  );
}

function AuditRow({ row, t, names }: { row: Row; t: T; names: AuditNames }) {
  const [zh, en, color] = KIND_LABELS[row.kind] ?? [row.kind, row.kind, 'gray'];
  const changes = diffRecords(row.before, row.after).filter((c) => !HIDDEN_FIELDS.has(c.field.split('.').at(-1) ?? c.field));
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{localDateTime(row.at)}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>{row.staffName ?? t('系统', 'System')}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Badge color={color} variant="light">
          {t(zh, en)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {describeEntry(row, t)}
          <Text span size="xs" c="dimmed" ml="xs">
            {entityText(row, t, names)}
          </Text>
        </Text>
        {changes.length > 0 && (
          <Table withRowBorders={false} mt={4} fz="sm" data-testid="audit-diff">
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td c="dimmed" w={150} py={1}>
                    {fieldLabel(c.field, row.action, t, names)}
                  </Table.Td>
                  <Table.Td py={1}>
                    <ChangeText change={c} t={t} names={names} action={row.action} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ChangeText({ change, t, names, action }: { change: FieldChange; t: T; names: AuditNames; action: string }) {
  const show = (v: unknown) => formatValue(change.field, v, t, names, action);
  if (change.change === 'added') return <Text span size="sm">{show(change.after)}</Text>;
  if (change.change === 'removed')
    return (
      <Text span size="sm" td="line-through" c="dimmed">
        {show(change.before)}
      </Text>
    );
  return (
    <Text span size="sm">
      <Text span c="red.7" td="line-through">
        {show(change.before)}
      </Text>
      {' → '}
      <Text span c="green.8" fw={500}>
        {show(change.after)}
      </Text>
    </Text>
  );
}
