import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CHANNEL_LABELS, CONTACT_CHANNELS } from '../../../core/families/labels';
import { DateField, useLabel, useSubmit } from '../../families/shared';
import { useT } from '../../i18n';

export interface ContactTarget {
  householdId: number;
  householdLabel: string;
  childId: number;
  guardianId: number | null;
  topic: string;
}

/** A reminder call logged in the family's contact log (families.addContact), with an optional follow-up date. */
export function ContactDialog({ target, today, onClose, onSaved }: { target: ContactTarget; today: string; onClose(): void; onSaved(): void }) {
  const t = useT();
  const label = useLabel();
  const { submit, busy, fieldError } = useSubmit();
  const [date, setDate] = useState<string | null>(today);
  const [channel, setChannel] = useState<string | null>('phone');
  const [topic, setTopic] = useState(target.topic);
  const [summary, setSummary] = useState('');
  const [followUpOn, setFollowUpOn] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t(`记录沟通：${target.householdLabel}`, `Log a conversation: ${target.householdLabel}`)}>
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const saved = await submit(
            'families.addContact',
            { householdId: target.householdId, childId: target.childId, date: date ?? '', channel: (channel ?? '') as 'phone', topic, summary, followUpOn },
            t('已记入沟通记录', 'Logged'),
          );
          if (saved) {
            onSaved();
            onClose();
          }
        }}
      >
        <Stack>
          <Group grow>
            <DateField label={t('日期', 'Date')} required value={date} onChange={setDate} error={fieldError('date')} />
            <Select
              label={t('方式', 'Channel')}
              required
              allowDeselect={false}
              data={CONTACT_CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS, c) }))}
              value={channel}
              onChange={setChannel}
            />
          </Group>
          <TextInput label={t('主题', 'Topic')} withAsterisk value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={fieldError('topic')} />
          <Textarea
            label={t('沟通内容', 'Summary')}
            data-autofocus
            autosize
            minRows={2}
            placeholder={t('例如：家长答应本周五前微信缴清', 'e.g. will pay by WeChat before Friday')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
          />
          <DateField label={t('跟进日期（选填）', 'Follow up on (optional)')} value={followUpOn} onChange={setFollowUpOn} error={fieldError('followUpOn')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('取消', 'Cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('保存', 'Save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
