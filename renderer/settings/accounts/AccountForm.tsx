import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Role } from '../../../electron/api/define';
import { api, ApiCallError, errorMessage } from '../../api/client';
import { ROLE_LABELS } from '../../app/session';
import { useLang, useT } from '../../i18n';
import { temporaryPassword } from './temporaryPassword';

export interface AccountValue {
  id: number | null;
  username: string;
  displayName: string;
  role: Role;
  classId: number | null;
}

/** Create (with a temporary password) or change name, role and class. */
export function AccountForm({
  initial,
  classes,
  onSaved,
}: {
  initial: AccountValue;
  classes: { id: number; name: string }[];
  onSaved(message: string): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [value, setValue] = useState(initial);
  const [password, setPassword] = useState(() => (initial.id ? '' : temporaryPassword()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const creating = initial.id === null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError('');
    try {
      const classId = value.role === 'teacher' ? value.classId : null;
      if (creating) {
        await api('staff.create', { username: value.username, displayName: value.displayName, role: value.role, classId, password });
        onSaved(t(`已创建账号。请把临时密码 ${password} 告诉${value.displayName}；首次登录时系统会要求其设置自己的密码。`, `Account created. Give ${value.displayName} the temporary password ${password}; they will be asked to choose their own at first sign-in.`));
      } else {
        await api('staff.update', { id: initial.id!, displayName: value.displayName, role: value.role, classId });
        onSaved(t('已保存。该同事需要重新登录，新的角色才生效。', 'Saved. They need to sign in again for the new role to apply.'));
      }
    } catch (e) {
      if (e instanceof ApiCallError) {
        setErrors(e.fields);
        setFormError(errorMessage(e, lang));
      } else setFormError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <TextInput
        label={t('登录名', 'Username')}
        description={creating ? t('字母、数字，例如 wangli', 'Letters and digits, e.g. wangli') : undefined}
        value={value.username}
        onChange={(e) => setValue({ ...value, username: e.currentTarget.value })}
        disabled={!creating}
        error={errors.username}
        data-autofocus={creating || undefined}
        required
      />
      <TextInput
        label={t('姓名', 'Name')}
        value={value.displayName}
        onChange={(e) => setValue({ ...value, displayName: e.currentTarget.value })}
        error={errors.displayName}
        data-autofocus={!creating || undefined}
        required
      />
      <Select
        label={t('角色', 'Role')}
        data={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: t(...ROLE_LABELS[r]) }))}
        value={value.role}
        onChange={(v) => v && setValue({ ...value, role: v as Role })}
        allowDeselect={false}
        error={errors.role}
        description={roleHint(value.role, t)}
      />
      {value.role === 'teacher' && (
        <Select
          label={t('所带班级', 'Class')}
          placeholder={t('请选择班级', 'Choose a class')}
          data={classes.map((c) => ({ value: String(c.id), label: c.name }))}
          value={value.classId ? String(value.classId) : null}
          onChange={(v) => setValue({ ...value, classId: v ? Number(v) : null })}
          error={errors.classId}
          required
        />
      )}
      {creating && (
        <Group align="flex-end" wrap="nowrap">
          <PasswordInput
            style={{ flex: 1 }}
            label={t('临时密码', 'Temporary password')}
            description={t('至少 8 位，含字母和数字', 'At least 8 characters, letters and digits')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            visible
            required
          />
          <Button variant="default" onClick={() => setPassword(temporaryPassword())}>
            {t('换一个', 'Another')}
          </Button>
        </Group>
      )}
      {formError && (
        <Text c="red" size="sm" role="alert">
          {formError}
        </Text>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={busy}>
          {creating ? t('创建账号', 'Create account') : t('保存', 'Save')}
        </Button>
      </Group>
    </Stack>
  );
}

function roleHint(role: Role, t: (zh: string, en: string) => string): string {
  switch (role) {
    case 'principal':
      return t('全部功能，包括账号、操作记录与备份', 'Everything, including accounts, audit trail and backups');
    case 'finance':
      return t('收费、结算与报表', 'Fees, settlement and reports');
    case 'front_desk':
      return t('幼儿与家长、考勤、收款与打印', 'Families, attendance, payments and printing');
    case 'teacher':
      return t('本班考勤与家园联系记录', 'Own class attendance and contact log');
  }
}
