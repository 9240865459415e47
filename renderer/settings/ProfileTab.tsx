import { Button, Card, Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApiQuery, useSubmit } from '../api/hooks';
import { useCan } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { policyOption } from './labels';
import { ProfileForm, type ProfileValue } from './ProfileForm';

export function ProfileTab() {
  const t = useT();
  const canEdit = useCan('principal');
  const { data, error, reload } = useApiQuery('kindergarten.get', {});
  const policies = useApiQuery('policies.list', {});
  const policyOptions = policies.data?.map((p) => (p.builtin ? policyOption(p, t) : { value: p.id, label: `${p.name}（${t('本园调整', 'adjusted copy')}）` }));
  const { submit, errors, busy } = useSubmit();
  const [value, setValue] = useState<ProfileValue | null>(null);
  useEffect(() => {
    if (data?.profile) {
      const { name, type, fundingType, grade, policyId } = data.profile;
      setValue({ name, type, fundingType, grade, policyId, complaintPhone: data.complaintPhone, howToPay: data.howToPay } as ProfileValue);
    }
  }, [data]);
  if (error) return <ErrorAlert error={error} />;
  if (!value || !policyOptions) return <Loader />;
  const save = async () => {
    const saved = await submit('kindergarten.updateProfile', { ...value, complaintPhone: value.complaintPhone ?? '', howToPay: value.howToPay ?? '' }, t('已保存幼儿园资料', 'Profile saved'));
    if (saved) void reload();
  };
  return (
    <Card withBorder p="lg" maw={820}>
      <ProfileForm value={value} onChange={setValue} errors={errors} readOnly={!canEdit} policyOptions={policyOptions} />
      {canEdit ? (
        <Group justify="flex-end" mt="lg">
          <Button onClick={save} loading={busy}>
            {t('保存', 'Save')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" mt="md">
          {t('只有园长可以修改幼儿园资料。', 'Only the principal can change the profile.')}
        </Text>
      )}
    </Card>
  );
}
