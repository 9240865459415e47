import { Alert, Anchor, Button, Card, FocusTrap, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, setSession } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { useLang, useT } from '../i18n';
import { ChooseOwnPassword } from '../settings/accounts/ChooseOwnPassword';
import { useSession } from './session';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5000;
/**
 * Fired on window by the screen that saves new idle-lock minutes, with the
 * saved minutes as `detail`, so they apply at once (no reload to wait for).
 */
export const IDLE_LOCK_CHANGED = 'kd:idle-lock-changed';

export function announceIdleLockMinutes(minutes: number) {
  window.dispatchEvent(new CustomEvent(IDLE_LOCK_CHANGED, { detail: minutes }));
}

/**
 * After the configured minutes without mouse or keyboard, the screen is
 * covered and the sign-in session is ended in the main process, so the
 * token left in the page is worthless until the same person types their
 * password again (the usual lockout applies). The page underneath stays as
 * it was, so half-entered work is not lost.
 */
export function IdleLock() {
  const session = useSession();
  const me = useApiQuery('auth.me', {});
  // Reached when the page was reloaded before a temporary password was replaced
  // (the sign-in screen normally asks first); the backend refuses everything else meanwhile.
  if (me.data?.mustChangePassword) {
    return (
      <div style={{ position: 'fixed', inset: 0, zIndex: 1000 }}>
        <ChooseOwnPassword displayName={session.actor.displayName} onDone={() => window.location.reload()} onSignOut={session.signOut} />
      </div>
    );
  }
  return <InactivityLock />;
}

function InactivityLock() {
  const t = useT();
  const { lang } = useLang();
  const session = useSession();
  const { data, reload, setData } = useApiQuery('staff.idleLock', {});
  const minutes = data?.minutes ?? 10;
  const [locked, setLocked] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Since the last mouse or keyboard use (or the unlock): not reset when the
  // minutes change, so shorter minutes count the idle time already passed.
  const lastActivity = useRef(Date.now());
  // Read by the running timer, so new minutes need no new timer.
  const limit = useRef(minutes);
  useEffect(() => {
    limit.current = minutes;
  }, [minutes]);

  const lock = useCallback(() => {
    setLocked(true);
    void api('auth.logout', {}).catch(() => {});
  }, []);

  useEffect(() => {
    const changed = (event: Event) => {
      const saved = (event as CustomEvent<unknown>).detail;
      if (typeof saved !== 'number') return void reload();
      limit.current = saved;
      setData({ minutes: saved });
      // Also drops an older answer still on its way.
      void reload();
    };
    window.addEventListener(IDLE_LOCK_CHANGED, changed);
    return () => window.removeEventListener(IDLE_LOCK_CHANGED, changed);
  }, [reload, setData]);

  useEffect(() => {
    if (locked) return;
    const seen = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, seen, { passive: true, capture: true });
    // A timer that checks the clock also catches a computer that slept through the limit.
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current >= limit.current * 60_000) lock();
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, seen, { capture: true });
      clearInterval(timer);
    };
  }, [locked, lock]);

  if (!locked) return null;

  const unlock = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const result = await api('auth.login', { username: session.actor.username, password });
      setSession(result.session);
      setPassword('');
      lastActivity.current = Date.now();
      setLocked(false);
      // The principal may have changed the minutes elsewhere meanwhile.
      void reload();
    } catch (e) {
      setError(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      data-testid="idle-lock"
      className="kd-no-print"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, background: 'var(--mantine-color-gray-1)', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <FocusTrap active>
        <Card withBorder shadow="md" p="xl" w={400} component="form" onSubmit={unlock}>
          <Stack>
            <div>
              <Title order={3}>
                <IconLock size={22} style={{ verticalAlign: -3 }} /> {t('已锁屏', 'Locked')}
              </Title>
              <Text c="dimmed" size="sm">
                {t(`${minutes} 分钟无操作，已自动锁屏。请 ${session.actor.displayName} 输入密码继续。`, `Locked after ${minutes} minutes without activity. ${session.actor.displayName}, enter your password to continue.`)}
              </Text>
            </div>
            {error && <Alert color="red">{error}</Alert>}
            <PasswordInput label={t('密码', 'Password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus required />
            <Button type="submit" loading={busy}>
              {t('解锁', 'Unlock')}
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={session.signOut}>
              {t('不是我？换一个账号登录', 'Not you? Sign in as someone else')}
            </Anchor>
          </Stack>
        </Card>
      </FocusTrap>
    </div>
  );
}
