import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchBox } from '../../families/SearchBox';
import { DateField } from '../../families/shared';
import { useT } from '../../i18n';
import { printDocument } from '../../print/print';
import { useMethodLabel } from '../money';
import { HouseholdPayments } from './HouseholdPayments';
import { PaymentsTable } from './PaymentsTable';

/**
 * 缴费登记 (`#/billing/payments[/<household>]`): find the family by the one
 * search box, then record what it pays. Without a family: the day's receipts.
 */
export function PaymentsTab({ path }: { path: string[] }) {
  const t = useT();
  const householdId = Number(path[0]);
  if (Number.isInteger(householdId) && householdId > 0) return <HouseholdPayments key={householdId} householdId={householdId} />;
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed" mb={4}>
          {t('输入幼儿或家长的姓名、拼音首字母或手机尾号，回车打开这个家庭的缴费通知单并登记缴费。', 'Type a child’s or guardian’s name, initials or phone digits; Enter opens the family to record a payment.')}
        </Text>
        <SearchBox onPick={(r) => navigate(`/billing/payments/${r.householdId}`)} />
      </div>
      <DayReceipts />
    </Stack>
  );
}

/** The receipts of a day with totals per method: what the desk counts at closing time. */
function DayReceipts() {
  const t = useT();
  const methodLabel = useMethodLabel();
  const [date, setDate] = useState<string | null>(null);
  const { data, error, reload } = useApiQuery('payments.day', { date });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const live = data.payments.filter((p) => !p.void);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Group>
          <Title order={5}>{data.date === data.today ? t('今日收款', 'Received today') : t(`${data.date} 收款`, `Received on ${data.date}`)}</Title>
          <DateField size="xs" aria-label={t('日期', 'Date')} value={data.date} onChange={(v) => setDate(v)} w={130} />
        </Group>
        <Group gap="xs">
          <Text fw={700} data-testid="day-total">
            {t(`合计 ${data.total} 元`, `Total ${data.total}`)}
          </Text>
          {data.byMethod.map((m) => (
            <Badge key={m.method} variant="light">
              {methodLabel(m.method)} {m.count} {t('笔', '')} {m.amount}
            </Badge>
          ))}
          {live.length > 0 && (
            <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void printDocument(`receipt/${live.map((p) => p.id).join(',')}`)}>
              {t('打印当日收据', 'Print the day’s receipts')}
            </Button>
          )}
        </Group>
      </Group>
      {data.payments.length === 0 ? (
        <EmptyState icon={<IconReceipt />} title={t('这一天还没有收款', 'No payments on this day')}>
          {t('在上面的搜索框找到家庭，回车后点「登记缴费」。', 'Find the family in the search box above, then “Record a payment”.')}
        </EmptyState>
      ) : (
        <PaymentsTable payments={data.payments} onChanged={() => void reload()} showHousehold />
      )}
    </Card>
  );
}
