import { Alert, Anchor, Badge, Button, Card, Grid, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../electron/api/index';
import {
  BILLING_MODE_LABELS,
  CHANNEL_LABELS,
  CHILD_STATUS_LABELS,
  type ChildStatus,
  CONTACT_CHANNELS,
  FEEDBACK_CATEGORY_LABELS,
  GENDER_LABELS,
  REDUCTION_LABELS,
} from '../../core/families/labels';
import { allowedNextStatuses } from '../../core/families/lifecycle';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { useCan } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { FeedbackFormModal, FeedbackUpdateModal } from './FeedbackTab';
import { CompleteModal } from './FollowUpsTab';
import {
  type ChildDraft,
  ChildFields,
  childDraftOf,
  childMissing,
  emptyChild,
  emptyGuardian,
  type GuardianDraft,
  GuardianFields,
  toChildInput,
  toGuardianInput,
} from './forms';
import { ChildStatusBadge, DateField, FeedbackStatusBadge, useLabel, useRelationship, useSubmit } from './shared';

type Household = Api['families.household']['output'];
type Child = Household['children'][number];
type Guardian = Household['guardians'][number];

const todayInBeijing = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** An opened family: full numbers, every child's fee profile and history, the contact log and complaints. */
export function HouseholdView({ id }: { id: number }) {
  const t = useT();
  const canEdit = useCan('principal', 'front_desk');
  const canLog = useCan('principal', 'front_desk', 'teacher');
  const { data, error, reload } = useApiQuery('families.household', { id });
  const [childModal, setChildModal] = useState<{ child: Child | null } | null>(null);
  const [statusFor, setStatusFor] = useState<Child | null>(null);
  const [guardianModal, setGuardianModal] = useState<{ guardian: Guardian | null } | null>(null);
  const [editHousehold, setEditHousehold] = useState(false);
  const refresh = () => void reload();

  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const title = data.children.map((c) => c.name).join('、') || t('家庭', 'Family');
  return (
    <>
      <Anchor size="sm" onClick={() => navigate('/families')} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('返回幼儿名单', 'Back to the roster')}
      </Anchor>
      <PageHeader
        title={t(`${title} 的家庭`, `Family of ${title}`)}
        description={
          <>
            {data.household.address || t('未填写住址', 'No address')}
            {data.household.note ? ` · ${data.household.note}` : ''}
          </>
        }
        actions={
          canEdit && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditHousehold(true)}>
                {t('住址与备注', 'Address & note')}
              </Button>
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setChildModal({ child: null })}>
                {t('添加兄弟姐妹', 'Add sibling')}
              </Button>
            </>
          )
        }
      />
      <Stack>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {data.children.map((c) => (
            <ChildCard key={c.id} child={c} canEdit={canEdit} onEdit={() => setChildModal({ child: c })} onStatus={() => setStatusFor(c)} />
          ))}
        </SimpleGrid>
        <GuardiansCard guardians={data.guardians} canEdit={canEdit} onAdd={() => setGuardianModal({ guardian: null })} onEdit={(g) => setGuardianModal({ guardian: g })} />
        <ContactCard household={data} canLog={canLog} onChanged={refresh} />
        {canEdit && <FeedbackCard household={data} onChanged={refresh} />}
      </Stack>
      <ChildModal householdId={id} state={childModal} onClose={() => setChildModal(null)} onSaved={refresh} />
      <StatusModal child={statusFor} onClose={() => setStatusFor(null)} onSaved={refresh} />
      <GuardianModal householdId={id} state={guardianModal} onClose={() => setGuardianModal(null)} onSaved={refresh} />
      <HouseholdModal opened={editHousehold} household={data.household} onClose={() => setEditHousehold(false)} onSaved={refresh} />
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

function ChildCard({ child: c, canEdit, onEdit, onStatus }: { child: Child; canEdit: boolean; onEdit(): void; onStatus(): void }) {
  const t = useT();
  const label = useLabel();
  return (
    <Card withBorder data-testid="child-card">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4}>{c.name}</Title>
          <Text c="dimmed">
            {label(GENDER_LABELS, c.gender)} · {c.className}
          </Text>
          <ChildStatusBadge status={c.status} />
        </Group>
        {canEdit && (
          <Group gap={4}>
            <Button size="xs" variant="subtle" onClick={onEdit}>
              {t('编辑', 'Edit')}
            </Button>
            {allowedNextStatuses(c.status).length > 0 && (
              <Button size="xs" variant="subtle" onClick={onStatus}>
                {t('变更状态', 'Change status')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={3} spacing="xs">
        <Field label={t('出生日期', 'Born')}>{c.birthDate}</Field>
        <Field label={t('身份证号', 'ID number')}>{c.idNumber}</Field>
        <Field label={t('入园日期', 'Enrolled')}>{c.enrolledOn}</Field>
        <Field label={t('缴费方式', 'Billing')}>{label(BILLING_MODE_LABELS, c.billingMode)}</Field>
        <Field label={t('用餐 / 住宿', 'Meals / boarding')}>
          {`${c.meals ? t('用餐', 'meals') : t('不用餐', 'no meals')} / ${c.boarding ? t('住宿', 'boarding') : t('走读', 'day')}`}
        </Field>
        <Field label={t('减免', 'Reduction')}>
          {c.reductionCategory ? `${label(REDUCTION_LABELS, c.reductionCategory)}（${c.reductionNote}）` : ''}
        </Field>
        <Field label={t('托管协议签订日', 'Custody agreement')}>{c.custodyAgreedOn}</Field>
        <Field label={t('校车协议签订日', 'Bus agreement')}>{c.busAgreedOn}</Field>
      </SimpleGrid>
      <Timeline mt="sm" bulletSize={12} lineWidth={2} active={c.history.length - 1}>
        {c.history.map((h) => (
          <Timeline.Item key={h.id} title={`${h.effectiveOn} ${label(CHILD_STATUS_LABELS, h.toStatus)}`}>
            <Text size="xs" c="dimmed">
              {[
                // The first entry's reason is the app's own word for enrolment; the others are what staff typed.
                h.fromStatus === null ? t('入园', 'Joined') : h.reason,
                h.recordedByName && t(`记录人 ${h.recordedByName}`, `by ${h.recordedByName}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function GuardiansCard({ guardians, canEdit, onAdd, onEdit }: { guardians: Guardian[]; canEdit: boolean; onAdd(): void; onEdit(g: Guardian): void }) {
  const t = useT();
  const relationship = useRelationship();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('家长', 'Guardians')}</Title>
        {canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {t('添加家长', 'Add guardian')}
          </Button>
        )}
      </Group>
      <Table data-testid="guardians-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('姓名', 'Name')}</Table.Th>
            <Table.Th>{t('关系', 'Relationship')}</Table.Th>
            <Table.Th>{t('手机号', 'Mobile')}</Table.Th>
            <Table.Th>{t('微信', 'WeChat')}</Table.Th>
            <Table.Th>{t('工作单位', 'Workplace')}</Table.Th>
            <Table.Th>{t('住址', 'Address')}</Table.Th>
            <Table.Th>{t('接送', 'Pick-up')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guardians.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td fw={600}>{g.name}</Table.Td>
              <Table.Td>{relationship(g.relationship)}</Table.Td>
              <Table.Td ff="monospace">{g.mobile}</Table.Td>
              <Table.Td>{g.wechat}</Table.Td>
              <Table.Td>{g.workplace}</Table.Td>
              <Table.Td>{g.address}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {/* Who may collect the child is a safety check at the gate: say it both ways. */}
                  {g.canPickUp ? (
                    <Badge size="sm" color="green" variant="light">
                      {t('可接送', 'May pick up')}
                    </Badge>
                  ) : (
                    <Badge size="sm" color="red" variant="filled">
                      {t('不可接送', 'May not pick up')}
                    </Badge>
                  )}
                  {g.isEmergencyContact && (
                    <Badge size="sm" color="orange" variant="light">
                      {t('紧急联系人', 'Emergency contact')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {canEdit && (
                  <Button size="compact-xs" variant="subtle" onClick={() => onEdit(g)}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function ContactCard({ household, canLog, onChanged }: { household: Household; canLog: boolean; onChanged(): void }) {
  const t = useT();
  const label = useLabel();
  const { submit, busy, fieldError } = useSubmit();
  const blank = () => ({ date: todayInBeijing() as string | null, channel: 'phone' as string | null, childId: null as string | null, topic: '', summary: '', followUpOn: null as string | null });
  const [form, setForm] = useState(blank);
  const [done, setDone] = useState<{ id: number; topic: string } | null>(null);
  const set = <K extends keyof ReturnType<typeof blank>>(key: K, v: ReturnType<typeof blank>[K]) => setForm({ ...form, [key]: v });
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('沟通记录', 'Contact log')}
      </Title>
      {canLog && (
        <form
          data-testid="contact-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await submit(
              'families.addContact',
              {
                householdId: household.household.id,
                childId: form.childId ? Number(form.childId) : null,
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
            <Grid.Col span={3}>
              <TextInput label={t('主题', 'Topic')} required value={form.topic} onChange={(e) => set('topic', e.currentTarget.value)} error={fieldError('topic')} />
            </Grid.Col>
            <Grid.Col span={3}>
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
                  <Badge color={c.followUpOn < todayInBeijing() ? 'red' : 'orange'} variant="light">
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

function FeedbackCard({ household, onChanged }: { household: Household; onChanged(): void }) {
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
      <FeedbackFormModal opened={adding} householdId={household.household.id} onClose={() => setAdding(false)} onSaved={onChanged} />
      <FeedbackUpdateModal item={editing} onClose={() => setEditing(null)} onSaved={onChanged} />
    </Card>
  );
}

function ChildModal({ householdId, state, onClose, onSaved }: { householdId: number; state: { child: Child | null } | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [draft, setDraft] = useState<ChildDraft | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const current = draft ?? (state?.child ? childDraftOf(state.child) : emptyChild(todayInBeijing()));
  const close = () => {
    setDraft(null);
    setMissing({});
    onClose();
  };
  return (
    <Modal opened={state !== null} onClose={close} size="xl" title={state?.child ? t(`编辑 ${state.child.name}`, `Edit ${state.child.name}`) : t('添加兄弟姐妹', 'Add a sibling')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const gaps = childMissing(current);
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

function StatusModal({ child, onClose, onSaved }: { child: Child | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const label = useLabel();
  const { submit, busy, fieldError } = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(todayInBeijing());
  const [reason, setReason] = useState('');
  const close = () => {
    setStatus(null);
    setReason('');
    onClose();
  };
  return (
    <Modal opened={child !== null} onClose={close} title={t(`变更状态：${child?.name ?? ''}`, `Change status: ${child?.name ?? ''}`)}>
      {child && (
        <form
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

function GuardianModal({ householdId, state, onClose, onSaved }: { householdId: number; state: { guardian: Guardian | null } | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [draft, setDraft] = useState<GuardianDraft | null>(null);
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const current = draft ?? (state?.guardian ? { ...state.guardian } : emptyGuardian());
  const close = () => {
    setDraft(null);
    setRemoving(false);
    setReason('');
    onClose();
  };
  const guardian = state?.guardian ?? null;
  return (
    <Modal opened={state !== null} onClose={close} size="xl" title={guardian ? t(`编辑 ${guardian.name}`, `Edit ${guardian.name}`) : t('添加家长', 'Add guardian')}>
      {guardian && removing ? (
        <form
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
        <form
          onSubmit={async (e) => {
            e.preventDefault();
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
          <GuardianFields value={current} onChange={setDraft} error={fieldError} autoFocus />
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

function HouseholdModal({ opened, household, onClose, onSaved }: { opened: boolean; household: Household['household']; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [address, setAddress] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('住址与备注', 'Address & note')}>
      <form
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
