import { AppShell, Badge, Box, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useEffect } from 'react';
import { EmptyState } from '../components/EmptyState';
import { useT } from '../i18n';
import { PrintRoute } from '../print/PrintRoute';
import { AREAS } from './areas';
import { IdleLock } from './IdleLock';
import { LangSwitch } from './LangSwitch';
import { navigate, useRoute } from './router';
import { ROLE_LABELS, useSession } from './session';

export function Shell() {
  const t = useT();
  const session = useSession();
  const { path } = useRoute();
  const areas = AREAS.filter((a) => a.roles.includes(session.actor.role));
  const current = areas.find((a) => a.id === path[0]);

  useEffect(() => {
    if (path.length === 0 && areas[0]) navigate(`/${areas[0].id}`);
  }, [path.length, areas]);

  // Print routes render the document alone, for the printer or a PDF.
  if (path[0] === 'print') return <PrintRoute path={path.slice(1)} />;

  const role = ROLE_LABELS[session.actor.role];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="lg">
      <IdleLock />
      <AppShell.Header className="kd-no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4}>{session.kindergartenName}</Title>
            {session.isDemo && (
              <Badge color="orange" variant="filled" data-testid="demo-badge">
                {t('演示数据', 'Demo data')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LangSwitch />
            <Text size="sm" data-testid="current-user">
              {session.actor.displayName} · {t(...role)}
            </Text>
            <Button variant="subtle" size="xs" leftSection={<IconLogout size={14} />} onClick={session.signOut}>
              {t('退出', 'Sign out')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="kd-no-print">
        <ScrollArea>
          {areas.map((area) => (
            <NavLink
              key={area.id}
              href={`#/${area.id}`}
              label={t(...area.label)}
              leftSection={area.icon}
              active={area.id === current?.id}
              data-testid={`nav-${area.id}`}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400}>
          {current ? (
            <current.page path={path.slice(1)} />
          ) : path.length > 0 ? (
            <EmptyState title={t('没有这个页面', 'No such page')}>{t('请从左侧菜单选择。', 'Choose from the menu on the left.')}</EmptyState>
          ) : null}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
