import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { useApiAction } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { SearchBox } from '../../families/SearchBox';
import { useT } from '../../i18n';
import { localTime } from '../money';
import { AccountView } from './AccountView';

/** 家庭账户 (`#/billing/ledger[/<household>]`): one household's account; without one, the search box and the integrity check. */
export function LedgerTab({ path }: { path: string[] }) {
  const t = useT();
  const canCheck = useCan('principal', 'finance');
  const householdId = Number(path[0]);
  if (Number.isInteger(householdId) && householdId > 0) return <AccountView key={householdId} householdId={householdId} />;
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed" mb={4}>
          {t('找到家庭后可查看它的每一笔收费、减免、缴费、退费和更正，按幼儿和期间筛选，打印对账单或导出 Excel。', 'Find a family to see every charge, reduction, payment, refund and correction, filter, print a statement or export.')}
        </Text>
        <SearchBox onPick={(r) => navigate(`/billing/ledger/${r.householdId}`)} />
      </div>
      {canCheck && <IntegrityCheck />}
    </Stack>
  );
}

/** 账户核对: recompute every cached total and each document's effect on the accounts; an empty list is the good answer. */
function IntegrityCheck() {
  const t = useT();
  const { run, busy } = useApiAction();
  const [result, setResult] = useState<Api['ledger.check']['output'] | null>(null);
  return (
    <Card withBorder>
      <Group justify="space-between">
        <div>
          <Title order={5}>{t('账户核对', 'Account integrity check')}</Title>
          <Text size="sm" c="dimmed">
            {t('用明细重新计算每张缴费通知单的合计、每张收据在家庭账户上的记账、冲正和单据编号，确认没有不一致、缺号或重号。', 'Recomputes bill totals, receipts on the accounts, reversals and document numbers from the rows.')}
          </Text>
        </div>
        <Button variant="default" leftSection={<IconShieldCheck size={16} />} loading={busy} onClick={async () => setResult((await run('ledger.check', {})) ?? null)}>
          {t('开始核对', 'Run the check')}
        </Button>
      </Group>
      {result && (
        <Alert mt="sm" color={result.problems.length === 0 ? 'green' : 'red'} data-testid="integrity-result" title={result.problems.length === 0 ? t('核对无误', 'All consistent') : t(`发现 ${result.problems.length} 处不一致`, `${result.problems.length} problems`)}>
          {t(`已核对缴费通知单 ${result.bills} 张、收据 ${result.payments} 张、冲正 ${result.reversals} 笔（${localTime(result.checkedAt)}）。`, `Checked ${result.bills} bills, ${result.payments} receipts, ${result.reversals} reversals.`)}
          {result.problems.length > 0 && (
            <List size="sm" mt="xs">
              {result.problems.map((p) => (
                <List.Item key={`${p.code}-${p.ref}`}>{p.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Card>
  );
}
