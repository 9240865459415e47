import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Question } from '../../../core/surveys/types';
import { useApiAction } from '../../api/hooks';
import { useT } from '../../i18n';
import type { ReviewData } from '../ReviewCharts';

export function ActionModal({ data, question, onClose, onSaved }: { data: ReviewData; question: Question | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { run: call, busy } = useApiAction();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<string | null>(dayjs(data.today).add(30, 'day').format('YYYY-MM-DD'));
  return (
    <Modal opened={question !== null} onClose={onClose} title={t('制定改进措施', 'Plan an improvement action')} size="lg">
      {question && (
        <Stack>
          <Alert color="blue">{question.text}</Alert>
          <TextInput label={t('改进措施', 'Action')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus data-testid="action-title" />
          <Group grow>
            <TextInput label={t('负责人', 'Owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} data-testid="action-owner" />
            <DateInput label={t('完成期限', 'Due date')} value={due} onChange={setDue} valueFormat="YYYY-MM-DD" data-testid="action-due" />
          </Group>
          <Group justify="flex-end">
            <Button
              loading={busy}
              data-testid="action-save"
              onClick={async () => {
                const saved = await call(
                  'surveys.saveAction',
                  { runId: data.run.id, questionId: question.id, title, owner, dueDate: due ?? '', status: 'planned' },
                  t('改进措施已保存', 'Action saved'),
                );
                if (saved) {
                  setTitle('');
                  setOwner('');
                  onSaved();
                  onClose();
                }
              }}
            >
              {t('保存', 'Save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
