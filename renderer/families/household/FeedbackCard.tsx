import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FEEDBACK_CATEGORY_LABELS } from '../../../core/families/labels';
import { useT } from '../../i18n';
import { FeedbackFormModal, FeedbackUpdateModal } from '../FeedbackTab';
import { FeedbackStatusBadge, useLabel } from '../shared';
import type { Household } from './types';

export function FeedbackCard({ household, onChanged }: { household: Household; onChanged(): void }) {
  const t = useT();
  const label = useLabel();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Household['feedback'][number] | null>(null);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('意见与投诉', 'Feedback & complaints')}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
          {t('登记意见', 'Record feedback')}
        </Button>
      </Group>
      {household.feedback.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('这个家庭没有登记过意见或投诉。', 'No feedback recorded for this family.')}
        </Text>
      ) : (
        <Stack gap="xs">
          {household.feedback.map((f) => (
            <Group key={f.id} justify="space-between" style={{ cursor: 'pointer' }} onClick={() => setEditing(f)} wrap="nowrap">
              <Text size="sm">
                {f.receivedOn} · {label(FEEDBACK_CATEGORY_LABELS, f.category)} · {f.content}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <FeedbackStatusBadge status={f.status} />
                <Text size="xs" c="dimmed">
                  {t(`${f.daysOpen} 天`, `${f.daysOpen} d`)}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <FeedbackFormModal opened={adding} householdId={household.household.id} kids={household.children} onClose={() => setAdding(false)} onSaved={onChanged} />
      <FeedbackUpdateModal item={editing} onClose={() => setEditing(null)} onSaved={onChanged} />
    </Card>
  );
}
