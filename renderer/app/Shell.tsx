import { AppShell, Badge, Box, Button, Group, NavLink, ScrollArea, Text, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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

// Below Mantine's lg breakpoint (1200 px: a 1024 or 1152 px screen) the menu shows icons
// only, with the names as tooltips, so the page keeps the width its tables need.
const NAV_ICONS_WIDTH = 64;
const ICON_ONLY = { root: { justifyContent: 'center' }, section: { marginInlineEnd: 0 }, body: { display: 'none' } };

export function Shell() {
  const t = useT();
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
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
    <AppShell header={{ height: 56 }} navbar={{ width: { base: NAV_ICONS_WIDTH, lg: 200 }, breakpoint: 0 }} padding="lg">
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
          {areas.map((area) => {
            const label = t(...area.label);
            const link = (
              <NavLink
                key={area.id}
                href={`#/${area.id}`}
                label={wide ? label : undefined}
                aria-label={label}
                leftSection={area.icon}
                active={area.id === current?.id}
                data-testid={`nav-${area.id}`}
                styles={wide ? undefined : ICON_ONLY}
              />
            );
            return wide ? (
              link
            ) : (
              <Tooltip key={area.id} label={label} position="right" withArrow openDelay={200}>
                {link}
              </Tooltip>
            );
          })}
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
