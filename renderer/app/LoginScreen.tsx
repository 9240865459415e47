import { Alert, Anchor, Button, Card, Center, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, errorMessage, setSession } from '../api/client';
import { useLang, useT } from '../i18n';
import { ChooseOwnPassword } from '../settings/accounts/ChooseOwnPassword';
import { LangSwitch } from './LangSwitch';

export function LoginScreen(props: {
  kindergartenName: string;
  isDemo: boolean;
  demoAccounts: { username: string; displayName: string; password: string }[];
  onSignedIn(session: string): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [temporary, setTemporary] = useState<{ session: string; displayName: string; password: string } | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const result = await api('auth.login', { username, password });
      if (result.mustChangePassword) {
        // The new password is set through this session before the app opens.
        setSession(result.session);
        setTemporary({ session: result.session, displayName: result.actor.displayName, password });
      } else {
        props.onSignedIn(result.session);
      }
    } catch (e) {
      setError(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };

  if (temporary) {
    return (
      <ChooseOwnPassword
        displayName={temporary.displayName}
        current={temporary.password}
        onDone={() => props.onSignedIn(temporary.session)}
        onSignOut={() => {
          void api('auth.logout', {}).finally(() => setSession(null));
          setTemporary(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={420}>
        <Card withBorder shadow="sm" p="xl" component="form" onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>{props.kindergartenName}</Title>
              <Text c="dimmed">{t('园务通 · 请登录', 'KinderDesk · sign in')}</Text>
            </div>
            {error && <Alert color="red">{error}</Alert>}
            <TextInput label={t('登录名', 'Username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus required />
            <PasswordInput label={t('密码', 'Password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
            <Button type="submit" loading={busy}>
              {t('登录', 'Sign in')}
            </Button>
          </Stack>
        </Card>
        {props.isDemo && props.demoAccounts.length > 0 && (
          <Card withBorder p="md">
            <Text fw={600} mb="xs">
              {t('演示账号（点击填入）', 'Demo accounts (click to fill in)')}
            </Text>
            <Table>
              <Table.Tbody>
                {props.demoAccounts.map((a) => (
                  <Table.Tr key={a.username}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => {
                          setUsername(a.username);
                          setPassword(a.password);
                        }}
                      >
                        {a.username}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.displayName}</Table.Td>
                    <Table.Td>{a.password}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        <Center>
          <LangSwitch />
        </Center>
      </Stack>
    </Center>
  );
}
