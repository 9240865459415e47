import { Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n';
import { type ChildDraft, ChildFields, childDraftOf, childMissing, emptyChild, toChildInput } from '../forms';
import { useSubmit } from '../../api/hooks';
import type { Child } from './types';

export function ChildModal({ householdId, today, state, onClose, onSaved }: { householdId: number; today: string; state: { child: Child | null } | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [draft, setDraft] = useState<ChildDraft | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const current = draft ?? (state?.child ? childDraftOf(state.child) : emptyChild(today));
  const close = () => {
    setDraft(null);
    setMissing({});
    onClose();
  };
  return (
    <Modal opened={state !== null} onClose={close} size="xl" title={state?.child ? t(`编辑 ${state.child.name}`, `Edit ${state.child.name}`) : t('添加兄弟姐妹', 'Add a sibling')}>
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const gaps = childMissing(current, t);
          setMissing(gaps);
          if (Object.keys(gaps).length > 0) return;
          const value = toChildInput(current);
          const saved = state?.child
            ? await submit('families.updateChild', { id: state.child.id, value }, t('已保存', 'Saved'))
            : await submit('families.addChild', { householdId, child: value }, t('已添加', 'Added'));
          if (saved) {
            close();
            onSaved();
          }
        }}
      >
        <ChildFields value={current} onChange={setDraft} error={(f) => missing[f] ?? fieldError(f)} autoFocus />
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
