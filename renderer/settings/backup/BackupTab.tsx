import { Alert, Badge, Button, Card, Checkbox, Group, List, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { localDateTime } from '../../../core/calendar/dates';
import { IconAlertTriangle, IconCheck, IconDatabaseExport, IconFolder } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Api } from '../../../electron/api/index';
import { api, ApiCallError, errorMessage } from '../../api/client';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n';

type Entry = Api['backup.status']['output']['backups'][number];
type T = (zh: string, en: string) => string;

const KIND_LABELS: Record<string, [string, string, string]> = {
  auto: ['自动', 'Automatic', 'blue'],
  manual: ['手动', 'Manual', 'green'],
  'pre-migration': ['升级前', 'Before upgrade', 'grape'],
  'pre-restore': ['恢复前', 'Before restore', 'orange'],
};

/** A stored instant to the minute, in the kindergarten's time. */
export const beijingTime = (at: string) => localDateTime(at).slice(0, 16);

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Backup folder, backup now, the list of backups and restoring one. */
export function BackupTab() {
  const t = useT();
  const status = useApiQuery('backup.status', {});
  const { run, busy } = useApiAction();
  const session = useSession();
  const [restoring, setRestoring] = useState<Entry | null>(null);
  // After a restore every session has ended: closing the dialog goes back to sign-in.
  const [restored, setRestored] = useState(false);
  const [lastTaken, setLastTaken] = useState<string | null>(null);

  if (status.error) return <ErrorAlert error={status.error} />;
  if (!status.data) return <Loader />;
  const { folder, chosen, backups, lastFailure, defaultFolder } = status.data;

  const backupNow = async () => {
    const taken = await run('backup.now', {}, t('备份完成', 'Backup done'));
    if (taken) {
      setLastTaken(taken.path);
      void status.reload();
    }
  };

  return (
    <Stack maw={1000}>
      {lastFailure && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('上次自动备份没有写入您选择的文件夹', 'The last automatic backup failed')} data-testid="backup-failure">
          {lastFailure.message}（{beijingTime(lastFailure.at)}）
        </Alert>
      )}
      <FolderCard folder={folder} chosen={chosen} defaultFolder={defaultFolder} onChanged={() => void status.reload()} />

      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{t('备份', 'Backups')}</Title>
            <Text size="sm" c="dimmed" maw={640}>
              {t(
                '每次启动和每天自动备份一次；保留最近 7 天每天一份、最近 4 周每周一份、最近 12 个月每月一份。手动备份不会被自动删除。升级和恢复之前也会自动备份。',
                'Automatic backups at every start and daily; kept: 7 daily, 4 weekly, 12 monthly. Manual backups are never deleted automatically. A backup is also taken before every upgrade and restore.',
              )}
            </Text>
          </div>
          <Button leftSection={<IconDatabaseExport size={16} />} onClick={backupNow} loading={busy} data-testid="backup-now">
            {t('立即备份', 'Back up now')}
          </Button>
        </Group>
        {lastTaken && (
          <Alert color="green" icon={<IconCheck size={16} />} mt="sm" withCloseButton onClose={() => setLastTaken(null)} data-testid="backup-done">
            {t(`已备份并通过完整性检查：${lastTaken}`, `Backed up and verified: ${lastTaken}`)}
          </Alert>
        )}
        {backups.length === 0 ? (
          <EmptyState title={t('还没有备份', 'No backups yet')}>{t('点「立即备份」做第一份备份；之后程序每天会自动备份。', 'Click “Back up now” for the first backup; after that the app backs up daily.')}</EmptyState>
        ) : (
          <Table striped highlightOnHover mt="md" data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('备份时间', 'Taken')}</Table.Th>
                <Table.Th>{t('类型', 'Kind')}</Table.Th>
                <Table.Th>{t('大小', 'Size')}</Table.Th>
                <Table.Th>{t('位置', 'Where')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => {
                const [zh, en, color] = KIND_LABELS[b.kind] ?? [b.kind, b.kind, 'gray'];
                const inDefault = b.path.startsWith(defaultFolder) && folder !== defaultFolder;
                return (
                  <Table.Tr key={b.path}>
                    <Table.Td>{beijingTime(b.at)}</Table.Td>
                    <Table.Td>
                      <Badge color={color} variant="light">
                        {t(zh, en)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{size(b.size)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" title={b.path}>
                        {inDefault ? t('本机默认文件夹', 'Default folder') : t('备份文件夹', 'Backup folder')} · {b.file}
                      </Text>
                    </Table.Td>
                    <Table.Td align="right">
                      <Button size="xs" variant="light" color="orange" onClick={() => setRestoring(b)}>
                        {t('恢复…', 'Restore…')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal opened={restoring !== null} onClose={restored ? session.signOut : () => setRestoring(null)} title={t('从备份恢复', 'Restore from a backup')} size="lg" closeOnClickOutside={false}>
        {restoring && <RestoreDialog entry={restoring} t={t} onCancel={() => setRestoring(null)} onRestored={() => setRestored(true)} />}
      </Modal>
    </Stack>
  );
}

function FolderCard({ folder, chosen, defaultFolder, onChanged }: { folder: string; chosen: boolean; defaultFolder: string; onChanged(): void }) {
  const t = useT();
  const { run, busy } = useApiAction();
  const [value, setValue] = useState(chosen ? folder : '');
  const save = async (next: string | null) => {
    const ok = await run('backup.setFolder', { folder: next }, next ? t('已设置备份文件夹', 'Backup folder set') : t('已改回默认文件夹', 'Back to the default folder'));
    if (ok) {
      if (next) await run('backup.now', {}, t('已在新文件夹中备份一次', 'Backed up into the new folder'));
      onChanged();
    }
  };
  return (
    <Card withBorder>
      <Title order={4} mb={4}>
        {t('备份文件夹', 'Backup folder')}
      </Title>
      <Text size="sm" mb="sm">
        <IconFolder size={14} style={{ verticalAlign: -2 }} /> {folder}
        {!chosen && (
          <Badge ml="xs" color="gray" variant="light">
            {t('默认', 'Default')}
          </Badge>
        )}
      </Text>
      {!chosen && (
        <Alert color="yellow" mb="sm" icon={<IconAlertTriangle size={16} />}>
          {t(
            '备份现在和数据在同一块硬盘上：硬盘损坏时会一起丢失。建议选择 U 盘或网盘同步文件夹（如坚果云、百度网盘同步盘）。',
            'Backups are on the same disk as the data and would be lost with it. Choose a USB drive or a synced folder.',
          )}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('新的备份文件夹（完整路径）', 'New backup folder (full path)')}
          placeholder={t('例如 E:\\园务通备份', 'e.g. E:\\KinderDesk backups')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && value.trim()) void save(value.trim());
          }}
          data-testid="backup-folder"
        />
        {window.kd && (
          <Button
            variant="light"
            leftSection={<IconFolder size={16} />}
            onClick={async () => {
              const picked = await window.kd?.chooseFolder(t('选择备份文件夹', 'Choose the backup folder'));
              if (picked) setValue(picked);
            }}
          >
            {t('浏览…', 'Browse…')}
          </Button>
        )}
        <Button onClick={() => save(value.trim())} disabled={!value.trim()} loading={busy}>
          {t('使用此文件夹', 'Use this folder')}
        </Button>
        {chosen && (
          <Button variant="default" onClick={() => save(null)} loading={busy} title={defaultFolder}>
            {t('改回默认', 'Use default')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

type Phase = { step: 'checking' } | { step: 'ready'; info: Api['backup.inspect']['output'] } | { step: 'refused'; message: string } | { step: 'restoring' } | { step: 'done'; result: Api['backup.restore']['output'] } | { step: 'failed'; message: string };

function RestoreDialog({ entry, t, onCancel, onRestored }: { entry: Entry; t: T; onCancel(): void; onRestored(): void }) {
  const { lang } = useLang();
  const session = useSession();
  const [phase, setPhase] = useState<Phase>({ step: 'checking' });
  const [understood, setUnderstood] = useState(false);
  const message = (e: unknown) => errorMessage(e, lang);

  useEffect(() => {
    let live = true;
    api('backup.inspect', { path: entry.path })
      .then((info) => live && setPhase({ step: 'ready', info }))
      .catch((e) => live && setPhase({ step: 'refused', message: e instanceof ApiCallError ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [entry.path]);

  const restore = async () => {
    setPhase({ step: 'restoring' });
    try {
      setPhase({ step: 'done', result: await api('backup.restore', { path: entry.path }) });
      onRestored();
    } catch (e) {
      setPhase({ step: 'failed', message: message(e) });
    }
  };

  switch (phase.step) {
    case 'checking':
    case 'restoring':
      return (
        <Stack align="center" py="lg" data-testid="restore-progress">
          <Loader />
          <Text>{t('正在检查备份并恢复，请勿关闭程序…', 'Checking and restoring; do not close the app…')}</Text>
        </Stack>
      );
    case 'refused':
    case 'failed':
      return (
        <Stack>
          <Alert color="red" title={t('不能恢复这个备份', 'This backup cannot be restored')} data-testid="restore-refused">
            {phase.message}
            <Text size="sm" mt="xs">
              {t('当前数据没有任何改动。', 'The current data is unchanged.')}
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onCancel}>{t('关闭', 'Close')}</Button>
          </Group>
        </Stack>
      );
    case 'ready':
      return (
        <Stack>
          <Alert color="green" icon={<IconCheck size={16} />}>
            {t('备份文件完整性检查通过。', 'The backup passed its integrity check.')}
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>
              {t('备份时间：', 'Taken: ')}
              <b>{beijingTime(entry.at)}</b>
            </List.Item>
            <List.Item>
              {t('幼儿园：', 'Kindergarten: ')}
              {phase.info.kindergartenName}
            </List.Item>
            <List.Item>{t(`幼儿 ${phase.info.children} 名，账号 ${phase.info.staff} 个`, `${phase.info.children} children, ${phase.info.staff} accounts`)}</List.Item>
            {phase.info.lastChangeAt && (
              <List.Item>
                {t('其中最后一次修改：', 'Last change in it: ')}
                {beijingTime(phase.info.lastChangeAt)}
              </List.Item>
            )}
          </List>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('请确认', 'Please confirm')}>
            {t(
              `恢复后，程序中的全部数据会回到 ${beijingTime(entry.at)} 的状态，此后录入的考勤、收费、档案等都会不见。当前数据会先自动备份（“恢复前”），需要时可以再恢复回来。恢复完成后所有人需要重新登录。`,
              `All data goes back to ${beijingTime(entry.at)}; everything entered since then disappears. The current data is backed up first ("Before restore"). Everyone signs in again afterwards.`,
            )}
          </Alert>
          <Checkbox label={t('我明白，恢复到这个备份', 'I understand; restore this backup')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} data-testid="restore-understood" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('取消', 'Cancel')}
            </Button>
            <Button color="orange" disabled={!understood} onClick={restore} data-testid="restore-confirm">
              {t('恢复到这个备份', 'Restore this backup')}
            </Button>
          </Group>
        </Stack>
      );
    case 'done':
      return (
        <Stack>
          <Alert color="green" icon={<IconCheck size={16} />} title={t('已恢复', 'Restored')} data-testid="restore-done">
            {t(
              `数据已恢复到 ${beijingTime(entry.at)} 的备份。恢复前的数据已保存为 ${phase.result.safety}。请重新登录。`,
              `Restored the backup of ${beijingTime(entry.at)}. The previous data was saved as ${phase.result.safety}. Please sign in again.`,
            )}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={session.signOut}>{t('重新登录', 'Sign in again')}</Button>
          </Group>
        </Stack>
      );
  }
}
