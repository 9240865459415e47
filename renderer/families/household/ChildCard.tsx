import { Alert, Button, Card, Group, SimpleGrid, Text, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { BILLING_MODE_LABELS, CHILD_STATUS_LABELS, GENDER_LABELS, REDUCTION_LABELS } from '../../../core/families/labels';
import { allowedNextStatuses } from '../../../core/families/lifecycle';
import { useT } from '../../i18n';
import { FeeAgreementButton } from '../../reports/FeeAgreementButton';
import { ChildStatusBadge, useLabel } from '../shared';
import { Field } from './Field';
import type { Child } from './types';

export function ChildCard({ child: c, canEdit, onEdit, onStatus }: { child: Child; canEdit: boolean; onEdit(): void; onStatus(): void }) {
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
          <FeeAgreementButton childId={c.id} />
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
      {c.healthNotes && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" mb="xs" title={t('健康与安全提示', 'Health & safety notes')} data-testid="child-health-notes-card">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.healthNotes}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="xs">
        <Field label={t('出生日期', 'Born')}>{c.birthDate}</Field>
        <Field label={t('身份证号', 'ID number')}>{c.idNumber}</Field>
        <Field label={t('入园日期', 'Enrolled')}>{c.enrolledOn}</Field>
        <Field label={t('缴费方式', 'Billing')}>{label(BILLING_MODE_LABELS, c.billingMode)}</Field>
        <Field label={t('用餐 / 住宿', 'Meals / boarding')}>
          {`${c.meals ? t('用餐', 'meals') : t('不用餐', 'no meals')} / ${c.boarding ? t('住宿', 'boarding') : t('走读', 'day')}`}
        </Field>
        <Field label={t('减免', 'Reduction')}>
          {c.reductionCategory ? `${label(REDUCTION_LABELS, c.reductionCategory)}${c.reductionNote ? `（${c.reductionNote}）` : ''}` : ''}
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
