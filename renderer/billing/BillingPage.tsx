import { Tabs } from '@mantine/core';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { CalendarWarning } from '../attendance/CalendarWarning';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { BILLING_TABS } from './tabs';

/** Fees: standards, bills, payments, the family ledger, arrears, month-end settlement, the refund calculator. */
export function BillingPage({ path }: { path: string[] }) {
  const t = useT();
  const { actor } = useSession();
  const tabs = BILLING_TABS.filter((tab) => tab.roles.includes(actor.role));
  const active = tabs.find((tab) => tab.id === path[0]) ?? tabs[0];
  return (
    <>
      <PageHeader title={t('收费', 'Fees')} />
      {/* Refunds and meal charges need W of the month: the same warning as on the attendance screens. */}
      <CalendarWarning />
      <Tabs value={active?.id ?? null} onChange={(id) => navigate(`/billing/${id}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.id} value={tab.id}>
              {t(...tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.id} value={tab.id}>
            <tab.component path={path.slice(1)} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
