import { Alert, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { localDateTime } from '../../../core/calendar/dates';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { ClassSelect } from '../../attendance/shared';
import { useT } from '../../i18n';
import { newSubmissionKey } from '../money-field';

/** One 代收费 item: every child of a class with a tick for "takes part", who recorded it and when. */
export function AgencyPanel() {
  const t = useT();
  const items = useApiQuery('voluntary.agencyItems', {});
  const [label, setLabel] = useState<string | null>(null);
  const [classId, setClassId] = useState<number | null>(null);
  const sheet = useApiQuery('voluntary.agencySheet', { label: label ?? '', classId: classId ?? undefined }, { enabled: label !== null });
  const [ticked, setTicked] = useState<Record<number, boolean>>({});
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newSubmissionKey);
  const [billed, setBilled] = useState<{ name: string; number: string }[]>([]);
  const { run, busy } = useApiAction();

  useEffect(() => {
    if (label === null && items.data?.[0]) setLabel(items.data[0].label);
  }, [items.data, label]);
  useEffect(() => {
    setTicked(Object.fromEntries((sheet.data ?? []).map((r) => [r.childId, r.optedIn])));
  }, [sheet.data]);

  const changes = (sheet.data ?? []).filter((r) => ticked[r.childId] !== r.optedIn).map((r) => ({ childId: r.childId, optedIn: ticked[r.childId] === true }));
  const save = async () => {
    if (!label) return;
    const done = await run('voluntary.setAgency', { label, changes, note, idempotencyKey: key }, t('已保存代收费选择', 'Choices saved'));
    if (!done) return;
    setKey(newSubmissionKey());
    setNote('');
    setBilled(done.alreadyBilled);
    await sheet.reload();
  };

  if (items.data && items.data.length === 0) {
    return <Alert color="blue">{t('还没有代收费标准。请先在“收费标准”中设定（如幼儿意外伤害保险、体检费）。', 'No items collected on behalf yet: set one under Fee standards first.')}</Alert>;
  }
  const item = items.data?.find((i) => i.label === label);
  return (
    <>
      <Group align="flex-end">
        <Select
          label={t('代收费项目', 'Item')}
          data={(items.data ?? []).map((i) => i.label)}
          value={label}
          onChange={(v) => v && setLabel(v)}
          allowDeselect={false}
          w={260}
          data-testid="agency-item"
        />
        <ClassSelect value={classId} onChange={setClassId} allowAll />
        {item && (
          <Text size="sm" mb={6}>
            {t(`标准：${item.amount} 元 ${item.unitLabel}（${item.appliesFrom} 起）`, `Standard: ${item.amount} ${item.unit}`)}
          </Text>
        )}
      </Group>
      {billed.length > 0 && (
        <Alert color="orange" data-testid="agency-billed">
          {t(
            `以下幼儿本月的缴费通知单已开具：${billed.map((b) => `${b.name}（${b.number}）`).join('、')}。这一项将计入下一期通知单；如需本期收取，请在“缴费通知单”中替换该通知单。`,
            `Already billed this month (${billed.map((b) => b.number).join(', ')}): the item comes with the next bill, or replace the bill now.`,
          )}
        </Alert>
      )}
      <Table striped verticalSpacing={2} fz="sm" data-testid="agency-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('参加', 'Takes part')}</Table.Th>
            <Table.Th>{t('幼儿', 'Child')}</Table.Th>
            <Table.Th>{t('班级', 'Class')}</Table.Th>
            <Table.Th>{t('登记人 / 时间', 'Recorded by / at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(sheet.data ?? []).map((r) => (
            <Table.Tr key={r.childId}>
              <Table.Td>
                <Checkbox
                  checked={ticked[r.childId] === true}
                  onChange={(e) => setTicked({ ...ticked, [r.childId]: e.currentTarget.checked })}
                  aria-label={t(`${r.name} 参加`, `${r.name} takes part`)}
                />
              </Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.className}</Table.Td>
              <Table.Td c="dimmed">{r.recordedAt ? `${r.recordedBy ?? ''} ${localDateTime(r.recordedAt)}${r.note ? `（${r.note}）` : ''}` : t('未登记（不参加）', 'Not recorded (no)')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput label={t('依据（如：家长签字回执）', 'Basis (e.g. signed slip)')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={300} />
        <Button onClick={() => void save()} loading={busy} disabled={changes.length === 0} data-testid="agency-save">
          {t(`保存 ${changes.length} 项变更`, `Save ${changes.length} changes`)}
        </Button>
      </Group>
    </>
  );
}
