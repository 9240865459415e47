import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n';
import { emptyGuardian, type GuardianDraft, GuardianFields, guardianMissing, toGuardianInput } from '../forms';
import { useSubmit } from '../../api/hooks';
import type { Guardian } from './types';

/** Adding or editing one guardian; a new one starts with the family's address (most guardians live there). */
export function GuardianModal({
  householdId,
  address,
  state,
  onClose,
  onSaved,
}: {
  householdId: number;
  address: string;
  state: { guardian: Guardian | null } | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [draft, setDraft] = useState<GuardianDraft | null>(null);
  const [removing, setRemoving] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const current = draft ?? (state?.guardian ? { ...state.guardian } : emptyGuardian(address));
  const close = () => {
    setDraft(null);
    setMissing({});
    setRemoving(false);
    setReason('');
    onClose();
  };
  const guardian = state?.guardian ?? null;
  return (
    <Modal opened={state !== null} onClose={close} size="xl" title={guardian ? t(`编辑 ${guardian.name}`, `Edit ${guardian.name}`) : t('添加家长', 'Add guardian')}>
      {guardian && removing ? (
        <form noValidate
          data-testid="remove-guardian-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const removed = await submit('families.removeGuardian', { id: guardian.id, reason }, t(`已移除 ${guardian.name}`, `${guardian.name} removed`));
            if (removed) {
              close();
              onSaved();
            }
          }}
        >
          <Stack>
            <Alert color="orange" title={t('只是不再允许接送？', 'Only no longer allowed to pick up?')}>
              {t(
                '请返回编辑，取消勾选“可接送幼儿”后保存：此人仍留在档案中，门口核对时能看到“不可接送”。移除只用于登记错误或已不相关的人（如已离开的保姆）。',
                'Go back and untick “May pick up” instead: the person stays on file and the gate sees “May not pick up”. Remove only someone entered by mistake or no longer involved (e.g. a former nanny).',
              )}
            </Alert>
            <TextInput
              label={t('移除原因', 'Reason for removing')}
              placeholder={t('如：保姆已离职；重复登记', 'e.g. nanny has left; entered twice')}
              required
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError('reason')}
            />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setRemoving(false)}>
                {t('返回编辑', 'Back to editing')}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {t(`确认移除 ${guardian.name}`, `Remove ${guardian.name}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <form noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const gaps = guardianMissing(current, t);
            setMissing(gaps);
            if (Object.keys(gaps).length > 0) return;
            const value = toGuardianInput(current);
            const saved = guardian
              ? await submit('families.updateGuardian', { id: guardian.id, value }, t('已保存', 'Saved'))
              : await submit('families.addGuardian', { householdId, guardian: value }, t('已添加', 'Added'));
            if (saved) {
              close();
              onSaved();
            }
          }}
        >
          <GuardianFields value={current} onChange={setDraft} error={(f) => missing[f] ?? fieldError(f)} autoFocus />
          <Group justify={guardian ? 'space-between' : 'flex-end'} mt="md">
            {guardian && (
              <Button variant="subtle" color="red" leftSection={<IconUserMinus size={16} />} onClick={() => setRemoving(true)}>
                {t('移除此家长', 'Remove this guardian')}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {t('保存', 'Save')}
            </Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}
