import { Anchor, Button, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { ChildCard } from './ChildCard';
import { ChildModal } from './ChildModal';
import { ContactCard } from './ContactCard';
import { FeedbackCard } from './FeedbackCard';
import { GuardianModal } from './GuardianModal';
import { GuardiansCard } from './GuardiansCard';
import { HouseholdModal } from './HouseholdModal';
import { StatusModal } from './StatusModal';
import type { Child, Guardian } from './types';

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
              <Button variant="default" onClick={() => navigate(`/billing/ledger/${id}`)}>{t('家庭账户', 'Account')}</Button>
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
      <ChildModal householdId={id} today={data.today} state={childModal} onClose={() => setChildModal(null)} onSaved={refresh} />
      <StatusModal child={statusFor} today={data.today} onClose={() => setStatusFor(null)} onSaved={refresh} />
      <GuardianModal householdId={id} address={data.household.address} state={guardianModal} onClose={() => setGuardianModal(null)} onSaved={refresh} />
      <HouseholdModal opened={editHousehold} household={data.household} onClose={() => setEditHousehold(false)} onSaved={refresh} />
    </>
  );
}
