import { Alert, Button, Group, Loader, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { localDateTime, monthOf } from '../../../core/calendar/dates';
import type { Api } from '../../../electron/api/index';
import { useApiAction, useApiQuery, useToday } from '../../api/hooks';
import { ClassSelect, MonthField } from '../../attendance/shared';
import { useT } from '../../i18n';
import { newSubmissionKey } from '../money-field';

type Booked = Api['voluntary.bookVacation']['output'];

/** Days of vacation care booked per child for a month, entered from the families' forms. */
export function VacationPanel() {
  const today = useToday();
  return today ? <VacationSheet today={today} /> : <Loader />;
}

function VacationSheet({ today }: { today: string }) {
  const t = useT();
  const [month, setMonth] = useState(monthOf(today));
  const [classId, setClassId] = useState<number | null>(null);
  const sheet = useApiQuery('voluntary.vacationSheet', { month, classId: classId ?? undefined });
  const [days, setDays] = useState<Record<number, number>>({});
  const [note, setNote] = useState('');
  const [key, setKey] = useState(newSubmissionKey);
  const [billed, setBilled] = useState<Booked['alreadyBilled']>([]);
  const { run, busy } = useApiAction();

  useEffect(() => {
    setDays(Object.fromEntries((sheet.data?.children ?? []).map((r) => [r.childId, r.days])));
  }, [sheet.data]);

  const rows = (sheet.data?.children ?? []).filter((r) => (days[r.childId] ?? 0) !== r.days).map((r) => ({ childId: r.childId, days: days[r.childId] ?? 0 }));
  const save = async () => {
    const done = await run('voluntary.bookVacation', { month, rows, note, idempotencyKey: key }, t('已保存托管预订', 'Bookings saved'));
    if (!done) return;
    setKey(newSubmissionKey());
    setBilled(done.alreadyBilled);
    await sheet.reload();
  };
  const data = sheet.data;
  return (
    <>
      <Group align="flex-end">
        <MonthField
          value={month}
          onChange={(m) => {
            setMonth(m);
            setBilled([]);
          }}
          testId="vacation-month"
        />
        <ClassSelect value={classId} onChange={setClassId} allowAll />
        {data && (
          <Text size="sm" mb={6}>
            {data.standard ? t(`${data.standard.label}：${data.standard.dayRate} 元/天`, `${data.standard.label}: ${data.standard.dayRate} a day`) : t('本月还没有寒暑假托管（按天）标准', 'No vacation day rate for this month yet')}
          </Text>
        )}
      </Group>
      {billed.length > 0 && (
        <Alert color="orange" data-testid="vacation-billed">
          {t(
            `以下幼儿本月的缴费通知单已开具，托管费不会自动加上：${billed.map((b) => `${b.name}（${b.number}）`).join('、')}。请在“缴费通知单”中替换该通知单（原因：其他，写明托管预订）。`,
            `Already billed this month; replace these bills to add the vacation care: ${billed.map((b) => b.number).join(', ')}.`,
          )}
        </Alert>
      )}
      <Table striped verticalSpacing={2} fz="sm" data-testid="vacation-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('幼儿', 'Child')}</Table.Th>
            <Table.Th>{t('班级', 'Class')}</Table.Th>
            <Table.Th w={110}>{t('预订天数', 'Days')}</Table.Th>
            <Table.Th>{t('登记人 / 时间', 'Recorded by / at')}</Table.Th>
            <Table.Th>{t('本月通知单', 'Bill this month')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.children ?? []).map((r) => (
            <Table.Tr key={r.childId}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.className}</Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  min={0}
                  max={data?.maxDays ?? 31}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  value={days[r.childId] ?? 0}
                  onChange={(v) => setDays({ ...days, [r.childId]: typeof v === 'number' ? v : Number(v) || 0 })}
                  aria-label={t(`${r.name} 预订天数`, `${r.name} days booked`)}
                />
              </Table.Td>
              <Table.Td c="dimmed">{r.recordedAt ? `${r.recordedBy ?? ''} ${localDateTime(r.recordedAt)}` : ''}</Table.Td>
              <Table.Td>{r.billNumber ? `${r.billNumber}${r.days > 0 && !r.billHasVacation ? t('（未含托管，需替换）', ' (without vacation care: replace)') : ''}` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput label={t('说明（如：寒假托管报名表）', 'Note (e.g. sign-up form)')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={300} />
        <Button onClick={() => void save()} loading={busy} disabled={rows.length === 0} data-testid="vacation-save">
          {t(`保存 ${rows.length} 名幼儿的预订`, `Save ${rows.length} bookings`)}
        </Button>
      </Group>
    </>
  );
}
