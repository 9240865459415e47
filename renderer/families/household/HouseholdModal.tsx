import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useSubmit } from '../../api/hooks';
import type { Household } from './types';

export function HouseholdModal({ opened, household, onClose, onSaved }: { opened: boolean; household: Household['household']; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [address, setAddress] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('住址与备注', 'Address & note')}>
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const saved = await submit(
            'families.updateHousehold',
            { id: household.id, value: { address: address ?? household.address, note: note ?? household.note } },
            t('已保存', 'Saved'),
          );
          if (saved) {
            onClose();
            onSaved();
          }
        }}
      >
        <Stack>
          <TextInput label={t('家庭住址', 'Address')} autoFocus value={address ?? household.address} onChange={(e) => setAddress(e.currentTarget.value)} error={fieldError('address')} />
          <Textarea label={t('备注', 'Note')} value={note ?? household.note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError('note')} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('保存', 'Save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
