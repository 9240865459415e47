import { Alert, Anchor, Button, Card, Center, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { api, ApiCallError, errorMessage } from '../../api/client';
import { useLang, useT } from '../../i18n';

/**
 * Shown right after signing in with a temporary password the principal set:
 * the person picks their own before anything else (the backend refuses every
 * other call until then). `current` is the temporary password when the
 * sign-in screen still has it, so it need not be typed twice.
 */
export function ChooseOwnPassword(props: { displayName: string; current?: string; onDone(): void; onSignOut(): void }) {
  const t = useT();
  const { lang } = useLang();
  const [current, setCurrent] = useState(props.current ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setErrors({ repeat: t('两次输入的新密码不一致', 'The new passwords differ') });
    setBusy(true);
    setErrors({});
    try {
      await api('staff.changeOwnPassword', { current, password });
      props.onDone();
    } catch (e) {
      if (e instanceof ApiCallError) {
        const message = errorMessage(e, lang);
        const fields = { ...e.fields };
        // The temporary password was typed on the sign-in screen; a problem with it is shown as a sentence.
        if (props.current && fields.current) fields._ = fields.current;
        setErrors(Object.keys(fields).length > 0 ? fields : { _: message });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md" data-testid="choose-own-password">
      <Card withBorder shadow="sm" p="xl" w={440} component="form" onSubmit={submit}>
        <Stack>
          <div>
            <Title order={3}>
              <IconKey size={22} style={{ verticalAlign: -3 }} /> {t('请设置您自己的密码', 'Choose your own password')}
            </Title>
            <Text c="dimmed" size="sm">
              {t(
                `${props.displayName}，您正在使用园长设置的临时密码。请换成只有您自己知道的新密码，然后才能继续使用。`,
                `${props.displayName}, you signed in with a temporary password the principal set. Choose a new one only you know before you continue.`,
              )}
            </Text>
          </div>
          {props.current === undefined && (
            <PasswordInput
              label={t('临时密码', 'Temporary password')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.current}
              data-autofocus
              autoFocus
              required
            />
          )}
          <PasswordInput
            label={t('新密码', 'New password')}
            description={t('至少 8 位，含字母和数字', 'At least 8 characters, letters and digits')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoFocus={props.current !== undefined}
            required
          />
          <PasswordInput label={t('再输入一次新密码', 'New password again')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={errors.repeat} required />
          {errors._ && <Alert color="red">{errors._}</Alert>}
          <Button type="submit" loading={busy}>
            {t('保存新密码并继续', 'Save and continue')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={props.onSignOut}>
            {t('退出登录', 'Sign out')}
          </Anchor>
        </Stack>
      </Card>
    </Center>
  );
}
