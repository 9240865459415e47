import { Alert, Badge, Button, Card, Group, Loader, Modal, NumberInput, PasswordInput, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../../electron/api/index';
import type { Role } from '../../../electron/api/define';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { announceIdleLockMinutes } from '../../app/IdleLock';
import { ROLE_LABELS, useSession } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { AccountForm, type AccountValue } from './AccountForm';
import { temporaryPassword } from './temporaryPassword';

type Account = Api['staff.list']['output'][number];

/** The principal's account screen: create, change role and class, reset a password, disable or enable. */
export function AccountsTab() {
  const t = useT();
  const { actor } = useSession();
  const accounts = useApiQuery('staff.list', {});
  const profile = useApiQuery('kindergarten.get', {});
  const { run, busy } = useApiAction();
  const [editing, setEditing] = useState<AccountValue | null>(null);
  const [resetting, setResetting] = useState<{ account: Account; password: string } | null>(null);
  const [disabling, setDisabling] = useState<Account | null>(null);
  const [notice, setNotice] = useState('');

  if (accounts.error) return <ErrorAlert error={accounts.error} />;
  if (!accounts.data) return <Loader />;
  const classes = (profile.data?.classes ?? []).filter((c) => !c.archived);
  const list = accounts.data;

  const done = (message: string) => {
    setNotice(message);
    setEditing(null);
    setResetting(null);
    setDisabling(null);
    void accounts.reload();
  };

  const resetPassword = async () => {
    if (!resetting) return;
    const ok = await run('staff.resetPassword', { id: resetting.account.id, password: resetting.password });
    if (ok) done(t(`已重置密码。请把临时密码 ${resetting.password} 告诉${resetting.account.displayName}；登录时系统会要求其设置自己的密码。`, `Password reset. Give ${resetting.account.displayName} the temporary password ${resetting.password}; they will be asked to choose their own when they sign in.`));
  };

  const disable = async () => {
    if (!disabling) return;
    const ok = await run('staff.disable', { id: disabling.id });
    if (ok) done(t(`已停用 ${disabling.displayName} 的账号。`, `${disabling.displayName}'s account is disabled.`));
  };

  const enable = async (account: Account) => {
    const ok = await run('staff.enable', { id: account.id });
    if (ok) done(t(`已启用 ${account.displayName} 的账号。`, `${account.displayName}'s account is enabled again.`));
  };

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('账号不能删除，只能停用：操作记录中会一直保留经办人的姓名。', 'Accounts are disabled, never deleted, so the audit trail keeps their names.')}
        </Text>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing({ id: null, username: '', displayName: '', role: 'front_desk', classId: null })} data-testid="account-create">
          {t('新建账号', 'New account')}
        </Button>
      </Group>
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice('')} data-testid="account-notice">
          {notice}
        </Alert>
      )}
      {list.length === 0 ? (
        <EmptyState title={t('还没有账号', 'No accounts')}>{t('点「新建账号」为每位同事建立自己的账号。', 'Use “New account” to give each colleague their own sign-in.')}</EmptyState>
      ) : (
        <Table striped highlightOnHover data-testid="accounts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('姓名', 'Name')}</Table.Th>
              <Table.Th>{t('登录名', 'Username')}</Table.Th>
              <Table.Th>{t('角色', 'Role')}</Table.Th>
              <Table.Th>{t('班级', 'Class')}</Table.Th>
              <Table.Th>{t('状态', 'Status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id} data-testid={`account-${a.username}`} c={a.disabled ? 'dimmed' : undefined}>
                <Table.Td>
                  {a.displayName}
                  {a.id === actor.staffId && (
                    <Badge ml="xs" variant="light" size="sm">
                      {t('我', 'Me')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>{t(...(ROLE_LABELS[a.role as Role] ?? [a.role, a.role]))}</Table.Td>
                <Table.Td>{a.className ?? '—'}</Table.Td>
                <Table.Td>
                  {a.disabled ? (
                    <Badge color="gray">{t('已停用', 'Disabled')}</Badge>
                  ) : a.locked ? (
                    <Badge color="orange" leftSection={<IconLock size={12} />}>
                      {t('密码错误过多，已锁定', 'Locked')}
                    </Badge>
                  ) : a.mustChangePassword ? (
                    <Badge color="blue" variant="light">
                      {t('待本人设置密码', 'Awaiting own password')}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      {t('正常', 'Active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {!a.disabled && (
                      <>
                        <Button size="xs" variant="light" onClick={() => setEditing({ id: a.id, username: a.username, displayName: a.displayName, role: a.role as Role, classId: a.classId })}>
                          {t('修改', 'Edit')}
                        </Button>
                        <Button size="xs" variant="light" onClick={() => setResetting({ account: a, password: temporaryPassword() })}>
                          {t('重置密码', 'Reset password')}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDisabling(a)}>
                          {t('停用', 'Disable')}
                        </Button>
                      </>
                    )}
                    {a.disabled && (
                      <Button size="xs" variant="light" onClick={() => enable(a)} loading={busy}>
                        {t('启用', 'Enable')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <IdleLockSetting />

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.id ? t('修改账号', 'Edit account') : t('新建账号', 'New account')}>
        {editing && <AccountForm initial={editing} classes={classes} onSaved={done} />}
      </Modal>

      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title={t('重置密码', 'Reset password')}>
        {resetting && (
          <Stack>
            <Text size="sm">
              {t(
                `为 ${resetting.account.displayName}（${resetting.account.username}）设置一个临时密码。对方正在使用的登录会立即退出，锁定也会解除；用临时密码登录后须先设置自己的密码。`,
                `Set a temporary password for ${resetting.account.displayName}. Their open sessions end and any lockout is lifted; after signing in with it they must choose their own.`,
              )}
            </Text>
            <Group align="flex-end" wrap="nowrap">
              <PasswordInput
                style={{ flex: 1 }}
                label={t('临时密码', 'Temporary password')}
                value={resetting.password}
                onChange={(e) => setResetting({ ...resetting, password: e.currentTarget.value })}
                visible
                data-autofocus
              />
              <Button variant="default" onClick={() => setResetting({ ...resetting, password: temporaryPassword() })}>
                {t('换一个', 'Another')}
              </Button>
            </Group>
            <Group justify="flex-end">
              <Button onClick={resetPassword} loading={busy}>
                {t('重置密码', 'Reset password')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal opened={disabling !== null} onClose={() => setDisabling(null)} title={t('停用账号', 'Disable account')}>
        {disabling && (
          <Stack>
            <Text>
              {t(
                `停用后 ${disabling.displayName} 将不能登录，正在使用的登录会立即退出。账号不会删除，操作记录中仍保留其姓名，以后可以重新启用。`,
                `${disabling.displayName} will no longer be able to sign in. The account is kept (the audit trail keeps the name) and can be enabled again.`,
              )}
            </Text>
            {disabling.id === actor.staffId && <Alert color="orange">{t('这是您自己的账号，停用后您会立即退出。', 'This is your own account: you will be signed out.')}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDisabling(null)}>
                {t('取消', 'Cancel')}
              </Button>
              <Button color="red" onClick={disable} loading={busy}>
                {t('停用', 'Disable')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function IdleLockSetting() {
  const t = useT();
  const { data, setData } = useApiQuery('staff.idleLock', {});
  const { run, busy } = useApiAction();
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const shown = minutes ?? data?.minutes ?? 10;
  return (
    <Card withBorder>
      <Group align="flex-end">
        <NumberInput
          label={t('无操作自动锁屏', 'Lock the screen after inactivity')}
          description={t('电脑无人操作这么多分钟后锁屏，须重新输入密码（1～240 分钟）', 'Minutes without activity before the screen locks (1–240)')}
          suffix={t(' 分钟', ' min')}
          min={1}
          max={240}
          w={360}
          value={shown}
          onChange={setMinutes}
          data-testid="idle-minutes"
        />
        <Button
          variant="light"
          loading={busy}
          disabled={minutes === null || Number(minutes) === data?.minutes}
          onClick={async () => {
            const saved = await run('staff.setIdleLock', { minutes: Number(minutes) }, t('已保存锁屏时间，立即生效', 'Saved; applies now'));
            if (saved) {
              announceIdleLockMinutes(saved.minutes);
              // The saved value stays in the field (no flash of the old one while reloading).
              setData(saved);
              setMinutes(null);
            }
          }}
        >
          {t('保存', 'Save')}
        </Button>
      </Group>
    </Card>
  );
}
