import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconMessageReport, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Api } from '../../electron/api/index';
import {
  CHANNEL_LABELS,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackStatus,
} from '../../core/families/labels';
import { addDays } from '../../core/calendar/dates';
import { useApiQuery, useSubmit } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { useClassOptions } from './forms';
import { DateField, FeedbackStatusBadge, useLabel, useOptions } from './shared';

type FeedbackRow = Api['families.feedback']['output'][number];

/** 意见与投诉: filter by status, see how long each has been open, move it on. */
export function FeedbackTab() {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const canEdit = useCan('principal', 'front_desk');
  const [status, setStatus] = useState('active');
  const { data, error, reload } = useApiQuery('families.feedback', { status: status as 'active' });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<FeedbackRow | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[{ value: 'active', label: t('未关闭', 'Not closed') }, ...options(FEEDBACK_STATUS_LABELS), { value: 'all', label: t('全部', 'All') }]}
        />
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('登记意见或投诉', 'Record feedback')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {data && data.length === 0 ? (
        <EmptyState icon={<IconMessageReport />} title={t('没有符合条件的意见', 'No feedback here')}>
          {t('家长通过电话、微信、意见箱等反映的意见和投诉，点“登记意见或投诉”记下来，跟踪到关闭。', 'Record what parents raise and follow it until closed.')}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover data-testid="feedback-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('收到日期', 'Received')}</Table.Th>
              <Table.Th>{t('家庭 / 涉及', 'Family / about')}</Table.Th>
              <Table.Th>{t('类别', 'Category')}</Table.Th>
              <Table.Th>{t('渠道', 'Channel')}</Table.Th>
              <Table.Th>{t('内容', 'Content')}</Table.Th>
              <Table.Th>{t('状态', 'Status')}</Table.Th>
              <Table.Th>{t('已开', 'Open for')}</Table.Th>
              <Table.Th>{t('处理人 / 期限', 'Handler / due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.map((f) => (
              <Table.Tr key={f.id} style={{ cursor: canEdit ? 'pointer' : undefined }} onClick={() => canEdit && setEditing(f)}>
                <Table.Td>{f.receivedOn}</Table.Td>
                <Table.Td>
                  {f.anonymous ? t('匿名', 'Anonymous') : f.family}
                  {(f.childName || f.className) && (
                    <Text size="xs" c="dimmed">
                      {[f.childName, f.className].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{label(FEEDBACK_CATEGORY_LABELS, f.category)}</Table.Td>
                <Table.Td>{label(CHANNEL_LABELS, f.channel)}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {f.content}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <FeedbackStatusBadge status={f.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={f.status !== 'closed' && f.daysOpen > 7 ? 'red' : undefined}>
                    {t(`${f.daysOpen} 天`, `${f.daysOpen} d`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {f.handlerName ?? '—'}
                  {f.dueOn && (
                    <Text size="xs" c={f.overdue ? 'red' : 'dimmed'} fw={f.overdue ? 600 : undefined}>
                      {f.overdue ? t(`已过期限 ${f.dueOn}`, `overdue since ${f.dueOn}`) : t(`${f.dueOn} 前`, `by ${f.dueOn}`)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FeedbackFormModal opened={adding} householdId={null} kids={[]} onClose={() => setAdding(false)} onSaved={() => void reload()} />
      <FeedbackUpdateModal item={editing} onClose={() => setEditing(null)} onSaved={() => void reload()} />
    </>
  );
}

/** Complaints are answered within a week unless the person sets another date. */
const DEFAULT_DAYS_TO_REPLY = 7;

export function FeedbackFormModal({
  opened,
  householdId,
  kids,
  onClose,
  onSaved,
}: {
  opened: boolean;
  householdId: number | null;
  /** The family's children, to say which one it is about. */
  kids: { id: number; name: string; classId: number }[];
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const options = useOptions();
  const { submit, busy, fieldError } = useSubmit();
  const classOptions = useClassOptions(true);
  const formData = useApiQuery('families.feedbackForm', {}, { enabled: opened });
  const today = formData.data?.today ?? null;
  const [form, setForm] = useState({
    receivedOn: null as string | null,
    channel: 'phone' as string | null,
    category: null as string | null,
    content: '',
    anonymous: householdId === null,
    childId: null as string | null,
    classId: null as string | null,
    handlerId: null as string | null,
    dueOn: null as string | null,
  });
  // The dates start from the backend's today (never the page's clock), once it is known.
  useEffect(() => {
    if (today) setForm((f) => (f.receivedOn === null ? { ...f, receivedOn: today, dueOn: addDays(today, DEFAULT_DAYS_TO_REPLY) } : f));
  }, [today]);
  const set = <K extends keyof typeof form>(key: K, v: (typeof form)[K]) => setForm({ ...form, [key]: v });
  return (
    <Modal opened={opened} onClose={onClose} title={t('登记意见或投诉', 'Record feedback')} size="lg">
      <form noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const saved = await submit(
            'families.addFeedback',
            {
              householdId: form.anonymous ? null : householdId,
              anonymous: form.anonymous,
              receivedOn: form.receivedOn ?? '',
              channel: (form.channel ?? '') as 'phone',
              category: (form.category ?? '') as 'fees',
              content: form.content,
              childId: form.childId && !form.anonymous ? Number(form.childId) : null,
              classId: form.classId ? Number(form.classId) : null,
              handlerId: form.handlerId ? Number(form.handlerId) : null,
              dueOn: form.dueOn,
            },
            t('已登记', 'Recorded'),
          );
          if (saved) {
            setForm({ ...form, content: '', category: null, childId: null, classId: null });
            onClose();
            onSaved();
          }
        }}
      >
        <Stack>
          <Group grow>
            <DateField label={t('收到日期', 'Received on')} required value={form.receivedOn} onChange={(v) => set('receivedOn', v)} error={fieldError('receivedOn')} />
            <Select label={t('渠道', 'Channel')} required data={options(CHANNEL_LABELS)} value={form.channel} onChange={(v) => set('channel', v)} error={fieldError('channel')} />
            <Select label={t('类别', 'Category')} required data={options(FEEDBACK_CATEGORY_LABELS)} value={form.category} onChange={(v) => set('category', v)} error={fieldError('category')} />
          </Group>
          <Textarea label={t('意见内容', 'Content')} required autosize minRows={3} autoFocus value={form.content} onChange={(e) => set('content', e.currentTarget.value)} error={fieldError('content')} />
          <Group grow align="flex-start">
            {kids.length > 0 && (
              <Select
                label={t('涉及幼儿', 'About child')}
                placeholder={t('不涉及具体幼儿', 'No particular child')}
                clearable
                disabled={form.anonymous}
                data={kids.map((k) => ({ value: String(k.id), label: k.name }))}
                value={form.childId}
                onChange={(v) => {
                  const kid = kids.find((k) => String(k.id) === v);
                  setForm({ ...form, childId: v, classId: kid ? String(kid.classId) : form.classId });
                }}
                error={fieldError('childId')}
                data-testid="feedback-child"
              />
            )}
            <Select
              label={t('涉及班级', 'About class')}
              placeholder={t('不涉及具体班级', 'No particular class')}
              clearable
              data={classOptions}
              value={form.classId}
              onChange={(v) => set('classId', v)}
              error={fieldError('classId')}
              data-testid="feedback-class"
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('处理人', 'Handled by')}
              placeholder={t('稍后指定', 'Assign later')}
              clearable
              searchable
              data={(formData.data?.handlers ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={form.handlerId}
              onChange={(v) => set('handlerId', v)}
              error={fieldError('handlerId')}
              data-testid="feedback-handler"
            />
            <DateField label={t('处理期限', 'Reply by')} value={form.dueOn} onChange={(v) => set('dueOn', v)} error={fieldError('dueOn')} data-testid="feedback-due" />
          </Group>
          {householdId === null ? (
            <Text size="sm" c="dimmed">
              {t('在此登记的意见记为匿名；要记在某个家庭名下，请在该家庭的档案中登记。', 'Recorded here as anonymous; to file it under a family, record it from the family page.')}
            </Text>
          ) : (
            <Checkbox label={t('家长要求匿名', 'Parent asked to stay anonymous')} checked={form.anonymous} onChange={(e) => set('anonymous', e.currentTarget.checked)} />
          )}
          {fieldError('householdId') && (
            <Text c="red" size="sm">
              {fieldError('householdId')}
            </Text>
          )}
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

export function FeedbackUpdateModal({
  item,
  onClose,
  onSaved,
}: {
  item: {
    id: number;
    status: FeedbackStatus | string;
    reply: string;
    content: string;
    family?: string | null;
    householdId: number | null;
    handlerId: number | null;
    dueOn: string | null;
  } | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const options = useOptions();
  const { submit, busy, fieldError } = useSubmit();
  const handlers = useApiQuery('families.feedbackForm', {}, { enabled: item !== null });
  const [status, setStatus] = useState<string | null>(null);
  const [reply, setReply] = useState<string | null>(null);
  const [handlerId, setHandlerId] = useState<string | null | undefined>(undefined);
  const [dueOn, setDueOn] = useState<string | null | undefined>(undefined);
  const currentStatus = status ?? item?.status ?? 'open';
  const currentReply = reply ?? item?.reply ?? '';
  const currentHandler = handlerId !== undefined ? handlerId : item?.handlerId ? String(item.handlerId) : null;
  const currentDue = dueOn !== undefined ? dueOn : (item?.dueOn ?? null);
  const close = () => {
    setStatus(null);
    setReply(null);
    setHandlerId(undefined);
    setDueOn(undefined);
    onClose();
  };
  return (
    <Modal opened={item !== null} onClose={close} title={t('处理意见', 'Handle feedback')} size="lg">
      {item && (
        <form noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await submit(
              'families.updateFeedback',
              {
                id: item.id,
                status: currentStatus as FeedbackStatus,
                reply: currentReply,
                ...(handlerId !== undefined ? { handlerId: handlerId ? Number(handlerId) : null } : {}),
                ...(dueOn !== undefined ? { dueOn } : {}),
              },
              t('已保存', 'Saved'),
            );
            if (saved) {
              close();
              onSaved();
            }
          }}
        >
          <Stack>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.content}
            </Text>
            {item.householdId && (
              <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => navigate(`/families/household/${item.householdId}`)}>
                {t('打开家庭档案', 'Open family')}
              </Button>
            )}
            <SegmentedControl value={currentStatus} onChange={setStatus} data={options(FEEDBACK_STATUS_LABELS)} aria-label={t('处理状态', 'Status')} />
            <Group grow align="flex-start">
              <Select
                label={t('处理人', 'Handled by')}
                placeholder={t('保存时记为我', 'Me, when saved')}
                clearable
                searchable
                data={(handlers.data?.handlers ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
                value={currentHandler}
                onChange={(v) => setHandlerId(v)}
                error={fieldError('handlerId')}
              />
              <DateField label={t('处理期限', 'Reply by')} value={currentDue} onChange={(v) => setDueOn(v)} error={fieldError('dueOn')} />
            </Group>
            {fieldError('status') && (
              <Text c="red" size="sm">
                {fieldError('status')}
              </Text>
            )}
            <Textarea
              label={t('答复或处理结果', 'Reply / outcome')}
              autosize
              minRows={3}
              value={currentReply}
              onChange={(e) => setReply(e.currentTarget.value)}
              error={fieldError('reply')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('保存', 'Save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
