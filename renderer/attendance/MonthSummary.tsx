import { PERCENT_TICKS } from '../components/ticks';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan, useSession } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { ClassSelect, MonthField } from './shared';
import { printDocument } from '../print/print';

const REFUND_BG = 'var(--mantine-color-teal-light)';

/**
 * Per child and month: the figures the refund engine uses (d, sick, personal,
 * other, closure days, W), the class rates as a chart and the printable sheet.
 */
export function MonthSummary({ month, classId, today }: { month: string; classId: number | null; today: string }) {
  const t = useT();
  const { actor } = useSession();
  const canSettle = useCan('principal', 'finance');
  const scope = actor.role === 'teacher' ? actor.classId : classId;
  const { data, error } = useApiQuery('attendance.monthSummary', { month, classId: scope });
  const go = (m: string, c: number | null) => navigate(`/attendance/month?month=${m}${c ? `&class=${c}` : ''}`);

  return (
    <>
      <Group align="flex-end" mb="md" wrap="wrap">
        <MonthField value={month} onChange={(m) => go(m, classId)} testId="summary-month" />
        {actor.role !== 'teacher' && <ClassSelect value={classId} onChange={(c) => go(month, c)} allowAll />}
        {scope !== null && (
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => printDocument(`attendance-sheet/${scope}/${month}`)} data-testid="print-sheet">
            {t('打印考勤表', 'Print sheet')}
          </Button>
        )}
        {data?.settled ? (
          <Badge color="red" size="lg">{t('本月已结算', 'Settled')}</Badge>
        ) : (
          canSettle && month < today.slice(0, 7) && data && (
            <Button variant="light" color="red" onClick={() => navigate(`/billing/settlement?month=${month}`)}>
              {t('去办理月结', 'Settle the month')}
            </Button>
          )
        )}
      </Group>
      <ErrorAlert error={error} />
      {data && (
        <>
          <Text size="sm" mb="sm" data-testid="summary-w">
            {t(
              `${month} 法定工作日 ${data.W} 天（国家规定，不因停课或请假改变）。退费试算直接带入每名幼儿的“在园天数”“停课天数”和“法定工作日”三项；病假、事假、其他都算缺勤，不计入在园天数；园内假期不退费。`,
              `${month} has ${data.W} legal working days (set by the State; closures and leave never change it). The refund calculator takes each child's days present, closure days and legal working days; sick, personal and other leave are absences; own holidays are not refunded.`,
            )}
          </Text>
          {data.classes.length > 0 && (
            <Paper withBorder p="md" mb="md">
              <Title order={5} mb="sm">
                {t('各班出勤率（出勤人次 ÷ 已记录人次）', 'Attendance rate per class')}
              </Title>
              <BarChart
                h={220}
                data={data.classes.map((c) => ({ class: c.name, rate: c.rate ?? 0 }))}
                dataKey="class"
                series={[{ name: 'rate', label: t('出勤率 %', 'Rate %'), color: 'teal.6' }]}
                yAxisProps={{ domain: [0, 100], ticks: PERCENT_TICKS, interval: 0 }}
                withBarValueLabel
                valueFormatter={(v) => `${v}%`}
                data-testid="rate-chart"
              />
            </Paper>
          )}
          {data.children.length === 0 ? (
            <EmptyState title={t('这个月没有在园幼儿', 'No children this month')}>{t('换一个月份或班级看看。', 'Try another month or class.')}</EmptyState>
          ) : (
            <Table striped highlightOnHover data-testid="summary-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2}>{t('幼儿', 'Child')}</Table.Th>
                  <Table.Th rowSpan={2}>{t('班级', 'Class')}</Table.Th>
                  <Table.Th colSpan={3} ta="center" bg={REFUND_BG}>
                    {t('退费按这三项计算', 'Used by the refund calculator')}
                  </Table.Th>
                  <Table.Th colSpan={5} ta="center">
                    {t('缺勤与其他（供核对）', 'Absences and other days (for checking)')}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th ta="right" bg={REFUND_BG}>{t('在园天数（出勤）', 'Days present')}</Table.Th>
                  <Table.Th ta="right" bg={REFUND_BG}>{t('停课天数（园方原因）', 'Closure days')}</Table.Th>
                  <Table.Th ta="right" bg={REFUND_BG}>{t('当月法定工作日', 'Legal working days')}</Table.Th>
                  <Table.Th ta="right">{t('病假', 'Sick')}</Table.Th>
                  <Table.Th ta="right">{t('事假', 'Personal')}</Table.Th>
                  <Table.Th ta="right">{t('其他', 'Other')}</Table.Th>
                  <Table.Th ta="right">{t('园内假期', 'Own holiday')}</Table.Th>
                  <Table.Th ta="right">{t('未点名', 'No roll call yet')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.children.map((r) => (
                  <Table.Tr key={r.childId} data-testid={`summary-row-${r.name}`}>
                    <Table.Td>
                      <Anchor onClick={() => navigate(`/attendance/child/${r.childId}/${month}`)}>{r.name}</Anchor>
                    </Table.Td>
                    <Table.Td>{r.className}</Table.Td>
                    <Table.Td ta="right" fw={600} bg={REFUND_BG}>{r.present}</Table.Td>
                    <Table.Td ta="right" fw={600} bg={REFUND_BG}>{r.closureDays}</Table.Td>
                    <Table.Td ta="right" fw={600} bg={REFUND_BG}>{r.W}</Table.Td>
                    <Table.Td ta="right">{r.sick}</Table.Td>
                    <Table.Td ta="right">{r.personal}</Table.Td>
                    <Table.Td ta="right">{r.other}</Table.Td>
                    <Table.Td ta="right">{r.ownHolidayDays}</Table.Td>
                    <Table.Td ta="right" c={r.unrecorded > 0 ? 'orange' : undefined}>{r.unrecorded}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </>
  );
}
