import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { api, getSession, onSessionExpired, setSession } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LangProvider, useLang } from '../i18n';
import { SetupWizard } from '../setup/SetupWizard';
import { LoginScreen } from './LoginScreen';
import { type SessionInfo, SessionContext } from './session';
import { Shell } from './Shell';
import { theme } from './theme';
import type { ApiCallError } from '../api/client';

export function App() {
  return (
    <LangProvider>
      <Providers />
    </LangProvider>
  );
}

function Providers() {
  const { lang } = useLang();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: lang === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
        {/* Top centre, narrow, two at a time: over the header's empty middle, never over the language switch, signing out or a page's own buttons at the right. */}
        <Notifications position="top-center" containerWidth={360} limit={2} />
        <Gate />
      </DatesProvider>
    </MantineProvider>
  );
}

type GateState =
  | { phase: 'loading' }
  | { phase: 'error'; error: ApiCallError }
  | { phase: 'setup' }
  | { phase: 'login'; kindergartenName: string; isDemo: boolean; demoAccounts: { username: string; displayName: string; password: string }[] }
  | { phase: 'ready'; session: SessionInfo };

/** First start → setup; no session → sign in; otherwise the app. */
function Gate() {
  const [state, setState] = useState<GateState>({ phase: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const status = await api('setup.status', {});
      if (!status.configured) return setState({ phase: 'setup' });
      const signOut = () => {
        void api('auth.logout', {}).finally(() => {
          setSession(null);
          void refresh();
        });
      };
      if (getSession()) {
        try {
          const actor = await api('auth.me', {});
          if (actor) {
            return setState({
              phase: 'ready',
              session: { actor, kindergartenName: status.kindergartenName ?? '', isDemo: status.isDemo, signOut },
            });
          }
        } catch {
          setSession(null);
        }
      }
      setState({
        phase: 'login',
        kindergartenName: status.kindergartenName ?? '',
        isDemo: status.isDemo,
        demoAccounts: status.demoAccounts,
      });
    } catch (error) {
      setState({ phase: 'error', error: error as ApiCallError });
    }
  }, []);

  useEffect(() => {
    void refresh();
    const off = onSessionExpired(() => {
      if (!getSession()) void refresh();
    });
    return () => {
      off();
    };
  }, [refresh]);

  const signedIn = (session: string) => {
    setSession(session);
    void refresh();
  };

  switch (state.phase) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'error':
      return (
        <Center h="100vh" p="xl">
          <ErrorAlert error={state.error} />
        </Center>
      );
    case 'setup':
      return <SetupWizard onDone={signedIn} />;
    case 'login':
      return <LoginScreen {...state} onSignedIn={signedIn} />;
    case 'ready':
      return (
        <SessionContext.Provider value={state.session}>
          <Shell />
        </SessionContext.Provider>
      );
  }
}
