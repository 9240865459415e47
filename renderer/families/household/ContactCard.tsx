import { Badge, Button, Card, Grid, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CHANNEL_LABELS, CONTACT_CHANNELS } from '../../../core/families/labels';
import { useT } from '../../i18n';
import { CompleteModal } from '../FollowUpsTab';
import { DateField, useLabel, useRelationship } from '../shared';
import { useSubmit } from '../../api/hooks';
import type { Household } from './types';

export function ContactCard({ household, canLog, onChanged }: { household: Household; canLog: boolean; onChanged(): void }) {
  const t = useT();
  const label = useLabel();
  const relationship = useRelationship();
  const { submit, busy, fieldError } = useSubmit();
  const blank = () => ({ date: household.today as string | null, channel: 'phone' as string | null, childId: null as string | null, guardianId: null as string | null, topic: '', summary: '', followUpOn: null as string | null });
  const [form, setForm] = useState(blank);
  const [done, setDone] = useState<{ id: number; topic: string } | null>(null);
  const set = <K extends keyof ReturnType<typeof blank>>(key: K, v: ReturnType<typeof blank>[K]) => setForm({ ...form, [key]: v });
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('沟通记录', 'Contact log')}
      </Title>
      {canLog && (
        <form noValidate
          data-testid="contact-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await submit(
              'families.addContact',
              {
                householdId: household.household.id,
                childId: form.childId ? Number(form.childId) : null,
                guardianId: form.guardianId ? Number(form.guardianId) : null,
                date: form.date ?? '',
                channel: (form.channel ?? '') as 'phone',
                topic: form.topic,
                summary: form.summary,
                followUpOn: form.followUpOn,
              },
              t('已记录', 'Logged'),
            );
            if (saved) {
              setForm(blank());
              onChanged();
            }
          }}
        >
          <Grid gap="xs" mb="md">
            <Grid.Col span={2}>
              <DateField label={t('日期', 'Date')} required value={form.date} onChange={(v) => set('date', v)} error={fieldError('date')} />
            </Grid.Col>
            <Grid.Col span={2}>
              <Select
                label={t('方式', 'Channel')}
                required
                allowDeselect={false}
                data={CONTACT_CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS, c) }))}
                value={form.channel}
                onChange={(v) => set('channel', v)}
                error={fieldError('channel')}
              />
            </Grid.Col>
            <Grid.Col span={2}>
              <Select
                label={t('关于', 'About')}
                placeholder={t('整个家庭', 'Whole family')}
                clearable
                data={household.children.map((c) => ({ value: String(c.id), label: c.name }))}
                value={form.childId}
                onChange={(v) => set('childId', v)}
              />
            </Grid.Col>
            <Grid.Col span={2}>
              <Select
                label={t('与谁沟通', 'Spoke with')}
                placeholder={t('未记录', 'Not noted')}
                clearable
                data={household.guardians.map((g) => ({ value: String(g.id), label: `${g.name}（${relationship(g.relationship)}）` }))}
                value={form.guardianId}
                onChange={(v) => set('guardianId', v)}
                error={fieldError('guardianId')}
                data-testid="contact-guardian"
              />
            </Grid.Col>
            <Grid.Col span={2}>
              <TextInput label={t('主题', 'Topic')} required value={form.topic} onChange={(e) => set('topic', e.currentTarget.value)} error={fieldError('topic')} />
            </Grid.Col>
            <Grid.Col span={2}>
              <DateField label={t('跟进日期（选填）', 'Follow up on (optional)')} value={form.followUpOn} onChange={(v) => set('followUpOn', v)} error={fieldError('followUpOn')} />
            </Grid.Col>
            <Grid.Col span={10}>
              <Textarea placeholder={t('沟通内容摘要', 'Summary')} aria-label={t('沟通内容摘要', 'Summary')} autosize minRows={1} value={form.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={fieldError('summary')} />
            </Grid.Col>
            <Grid.Col span={2}>
              <Button type="submit" fullWidth loading={busy}>
                {t('记录沟通', 'Log it')}
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
      {household.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('还没有沟通记录。每次电话、微信、面谈后在上面记一笔，需要回访的填上跟进日期。', 'No conversations yet. Log each call or meeting above; add a follow-up date when a call-back is promised.')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="contact-list">
          {household.contacts.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm" fw={600}>
                  {c.date} · {label(CHANNEL_LABELS, c.channel)} · {c.topic}
                  {c.childName ? `（${c.childName}）` : ''}
                  {c.guardianName ? t(` · 与 ${c.guardianName} 沟通`, ` · with ${c.guardianName}`) : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {[c.summary, c.staffName].filter(Boolean).join(' · ')}
                </Text>
                {c.followUpDoneOn && (
                  <Text size="xs" c="green">
                    {t(`已于 ${c.followUpDoneOn} 跟进（${c.followUpDoneByName ?? ''}）`, `Followed up on ${c.followUpDoneOn}`)}
                    {c.followUpNote ? `：${c.followUpNote}` : ''}
                  </Text>
                )}
              </div>
              {c.followUpOn && !c.followUpDoneOn && (
                <Group gap="xs" wrap="nowrap">
                  <Badge color={c.followUpDue === 'overdue' ? 'red' : 'orange'} variant="light">
                    {t(`跟进 ${c.followUpOn}`, `Follow up ${c.followUpOn}`)}
                  </Badge>
                  {canLog && (
                    <Button size="compact-xs" variant="light" onClick={() => setDone(c)}>
                      {t('完成跟进', 'Mark done')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <CompleteModal item={done} onClose={() => setDone(null)} onDone={onChanged} />
    </Card>
  );
}
