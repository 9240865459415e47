import { Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import type { Api } from '../../electron/api/index';
import { useT } from '../i18n';

type Home = Api['home.today']['output'];

/** Today's roll call per class: taken or missing (each class a link to its roll call), and who is present, sick, on leave. */
export function RollCallCard({ home }: { home: Home & { rollCall: NonNullable<Home['rollCall']> } }) {
  const t = useT();
  const rows = home.rollCall;
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  const missing = sum((r) => r.missing);
  return (
    <Card withBorder data-testid="home-roll-call">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('今日点名', 'Roll call today')}</Text>
        {home.workingDay === false ? (
          <Badge variant="light">{t(home.holidayName ? `${home.holidayName}，不点名` : '今天不是法定工作日，不点名', 'Not a working day')}</Badge>
        ) : home.workingDay === null ? (
          <Badge color="red" variant="light">{t('缺少本年度法定日历', 'No legal calendar for this year')}</Badge>
        ) : missing > 0 ? (
          <Badge color="orange" variant="light">{t(`${missing} 名幼儿未点名`, `${missing} not recorded`)}</Badge>
        ) : (
          <Badge color="teal" variant="light">{t('已全部点名', 'All recorded')}</Badge>
        )}
      </Group>
      <Text size="sm" mb="xs" data-testid="home-today-counts">
        {t(
          `出勤 ${sum((r) => r.present)} 人 · 病假 ${sum((r) => r.sick)} 人 · 事假及其他 ${sum((r) => r.personal + r.other)} 人`,
          `Present ${sum((r) => r.present)} · sick ${sum((r) => r.sick)} · on leave ${sum((r) => r.personal + r.other)}`,
        )}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('您的账号还没有分配班级，请园长在 设置 → 账号管理 中设置。', 'Your account has no class yet; ask the principal to assign one.')}
        </Text>
      ) : (
        <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('班级', 'Class')}</Table.Th>
              <Table.Th ta="right">{t('在园', 'Enrolled')}</Table.Th>
              <Table.Th ta="right">{t('已点名', 'Recorded')}</Table.Th>
              <Table.Th ta="right">{t('出勤', 'Present')}</Table.Th>
              <Table.Th ta="right">{t('病假', 'Sick')}</Table.Th>
              <Table.Th ta="right">{t('事假/其他', 'Leave')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.classId} data-testid={`home-class-${r.name}`}>
                <Table.Td>
                  <Anchor href={`#/attendance/roll?class=${r.classId}`} style={{ whiteSpace: 'nowrap' }}>
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{r.enrolled}</Table.Td>
                <Table.Td ta="right">{r.recorded}</Table.Td>
                <Table.Td ta="right">{r.present}</Table.Td>
                <Table.Td ta="right">{r.sick}</Table.Td>
                <Table.Td ta="right">{r.personal + r.other}</Table.Td>
                <Table.Td>
                  {r.closed ? (
                    <Text size="xs" c="dimmed">
                      {t('停课', 'Closed')}
                    </Text>
                  ) : r.missing > 0 ? (
                    <Anchor size="sm" c="orange.7" href={`#/attendance/roll?class=${r.classId}`} style={{ whiteSpace: 'nowrap' }}>
                      {t(`去点名（${r.missing} 人未点）`, `Take roll (${r.missing} missing)`)}
                    </Anchor>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
