import { Tabs } from '@mantine/core';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { SETTINGS_TABS } from './tabs';

export function SettingsPage({ path }: { path: string[] }) {
  const t = useT();
  const { actor } = useSession();
  const tabs = SETTINGS_TABS.filter((tab) => tab.roles.includes(actor.role));
  const active = tabs.find((tab) => tab.id === path[0]) ?? tabs[0];
  return (
    <>
      <PageHeader title={t('设置', 'Settings')} />
      <Tabs value={active?.id ?? null} onChange={(id) => navigate(`/settings/${id}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.id} value={tab.id}>
              {t(...tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.id} value={tab.id}>
            <tab.component />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
