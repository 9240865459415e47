import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CHILD_STATUS_LABELS, type ChildStatus } from '../../../core/families/labels';
import { allowedNextStatuses } from '../../../core/families/lifecycle';
import { useT } from '../../i18n';
import { DateField, useLabel } from '../shared';
import { useSubmit } from '../../api/hooks';
import type { Child } from './types';

export function StatusModal({ child, today, onClose, onSaved }: { child: Child | null; today: string; onClose(): void; onSaved(): void }) {
  const t = useT();
  const label = useLabel();
  const { submit, busy, fieldError } = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const close = () => {
    setStatus(null);
    setReason('');
    onClose();
  };
  return (
    <Modal opened={child !== null} onClose={close} title={t(`变更状态：${child?.name ?? ''}`, `Change status: ${child?.name ?? ''}`)}>
      {child && (
        <form noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await submit(
              'families.changeStatus',
              { childId: child.id, status: (status ?? '') as ChildStatus, effectiveOn: effectiveOn ?? '', reason },
              t('状态已变更', 'Status changed'),
            );
            if (saved) {
              close();
              onSaved();
            }
          }}
        >
          <Stack>
            <Text size="sm">
              {t('当前', 'Now')}：{label(CHILD_STATUS_LABELS, child.status)}（{t('自', 'since')} {child.statusSince ?? child.enrolledOn}）
            </Text>
            <Select
              label={t('新状态', 'New status')}
              required
              data={allowedNextStatuses(child.status).map((s) => ({ value: s, label: label(CHILD_STATUS_LABELS, s) }))}
              value={status}
              onChange={setStatus}
              error={fieldError('status')}
            />
            <DateField label={t('生效日期', 'Effective on')} required value={effectiveOn} onChange={setEffectiveOn} error={fieldError('effectiveOn')} />
            <TextInput
              label={t('原因', 'Reason')}
              placeholder={t('如：搬家、转园、身体原因', 'e.g. moving house')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError('reason')}
            />
            <Text size="xs" c="dimmed">
              {t('状态变更会保留在档案历史中，不会删除幼儿。', 'Changes are kept in the history; the child is never deleted.')}
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('确认变更', 'Confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
