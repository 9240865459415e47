import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiCallError, errorMessage } from '../../api/client';
import { ROLE_LABELS, useSession } from '../../app/session';
import { useLang, useT } from '../../i18n';

/** Everyone: who am I, and change my password (e.g. the temporary one the principal set). */
export function MyAccountTab() {
  const t = useT();
  const { lang } = useLang();
  const { actor } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setErrors({ repeat: t('两次输入的新密码不一致', 'The new passwords differ') });
    setBusy(true);
    setErrors({});
    setChanged(false);
    try {
      await api('staff.changeOwnPassword', { current, password });
      setChanged(true);
      setCurrent('');
      setPassword('');
      setRepeat('');
    } catch (e) {
      if (e instanceof ApiCallError) {
        const message = errorMessage(e, lang);
        setErrors(Object.keys(e.fields).length > 0 ? e.fields : { _: message });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder maw={480}>
      <Stack component="form" onSubmit={submit}>
        <div>
          <Title order={4}>{actor.displayName}</Title>
          <Text c="dimmed" size="sm">
            {actor.username} · {t(...ROLE_LABELS[actor.role])}
          </Text>
        </div>
        <PasswordInput label={t('当前密码', 'Current password')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.current} required />
        <PasswordInput
          label={t('新密码', 'New password')}
          description={t('至少 8 位，含字母和数字', 'At least 8 characters, letters and digits')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          required
        />
        <PasswordInput label={t('再输入一次新密码', 'New password again')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={errors.repeat} required />
        {errors._ && <Text c="red" size="sm">{errors._}</Text>}
        {changed && (
          <Alert color="green" data-testid="password-changed">
            {t('密码已修改，下次登录请使用新密码。', 'Password changed; use the new one next time you sign in.')}
          </Alert>
        )}
        <Button type="submit" loading={busy}>
          {t('修改密码', 'Change password')}
        </Button>
      </Stack>
    </Card>
  );
}
