import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../electron/api/index';
import { CHANNEL_LABELS } from '../../core/families/labels';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { useLabel } from './shared';
import { useSubmit } from '../api/hooks';

type Item = Api['families.followUps']['output']['overdue'][number];

/** The front desk's day: promised call-backs that are overdue, due today and coming up. */
export function FollowUpsTab() {
  const t = useT();
  const { data, error, reload } = useApiQuery('families.followUps', {});
  const [done, setDone] = useState<Item | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const total = data.overdue.length + data.dueToday.length + data.upcoming.length;
  if (total === 0) {
    return (
      <EmptyState icon={<IconPhoneCall />} title={t('没有待跟进的事项', 'Nothing to follow up')}>
        {t('在家庭档案中“记录沟通”时填写跟进日期，到期的事项会出现在这里。', 'Set a follow-up date when logging a conversation; it will show here when due.')}
      </EmptyState>
    );
  }
  return (
    <Stack>
      <Section title={t('已逾期', 'Overdue')} color="red" items={data.overdue} onDone={setDone} testId="followups-overdue" />
      <Section title={t(`今天到期（${data.today}）`, `Due today (${data.today})`)} color="orange" items={data.dueToday} onDone={setDone} testId="followups-today" />
      <Section title={t('未来 7 天', 'Next 7 days')} color="blue" items={data.upcoming} onDone={setDone} testId="followups-upcoming" />
      <CompleteModal item={done} onClose={() => setDone(null)} onDone={() => void reload()} />
    </Stack>
  );
}

function Section({ title, color, items, onDone, testId }: { title: string; color: string; items: Item[]; onDone(item: Item): void; testId: string }) {
  const t = useT();
  const label = useLabel();
  return (
    <div data-testid={testId}>
      <Group gap="xs" mb="xs">
        <Title order={5}>{title}</Title>
        <Badge color={color} variant="light">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('无', 'None')}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.map((f) => (
            <Card key={f.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Group gap="xs">
                    <Text fw={600} style={{ cursor: 'pointer' }} onClick={() => navigate(`/families/household/${f.householdId}`)} td="underline">
                      {f.family || t('（无幼儿）', '(no child)')}
                    </Text>
                    <Text>{f.topic}</Text>
                    {f.daysOverdue > 0 && (
                      <Badge color="red" size="sm">
                        {t(`逾期 ${f.daysOverdue} 天`, `${f.daysOverdue} days overdue`)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {f.date} · {label(CHANNEL_LABELS, f.channel)} · {f.staffName} · {t('跟进日期', 'follow up on')} {f.followUpOn}
                    {f.summary ? ` · ${f.summary}` : ''}
                  </Text>
                </div>
                <Button size="xs" variant="light" onClick={() => onDone(f)}>
                  {t('完成跟进', 'Mark done')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </div>
  );
}

export function CompleteModal({ item, onClose, onDone }: { item: { id: number; topic: string } | null; onClose(): void; onDone(): void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const { submit, busy, fieldError } = useSubmit();
  return (
    <Modal opened={item !== null} onClose={onClose} title={t(`完成跟进：${item?.topic ?? ''}`, `Follow-up done: ${item?.topic ?? ''}`)}>
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!item) return;
          const ok = await submit('families.completeFollowUp', { id: item.id, note }, t('已完成跟进', 'Follow-up done'));
          if (ok) {
            setNote('');
            onClose();
            onDone();
          }
        }}
      >
        <Textarea label={t('跟进结果', 'Outcome')} autoFocus value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError('note')} />
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={busy}>
            {t('完成', 'Done')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
