import { Button, Card, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useToday } from '../api/hooks';
import { navigate } from '../app/router';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { type ChildDraft, ChildFields, childMissing, emptyChild, emptyGuardian, type GuardianDraft, GuardianFields, guardianMissing, toChildInput, toGuardianInput } from './forms';
import { useSubmit } from '../api/hooks';

type Keyed<T> = T & { uid: number };
let nextUid = 0;
const keyed = <T,>(draft: T): Keyed<T> => ({ ...draft, uid: ++nextUid });

/** A new family in one form: its children (siblings share the household) and guardians, saved together. */
export function NewFamilyForm() {
  // Dates default to the backend's today; the form waits for it rather than read the machine's clock.
  const today = useToday();
  return today ? <FamilyForm today={today} /> : null;
}

function FamilyForm({ today }: { today: string }) {
  const t = useT();
  const { submit, busy, errors } = useSubmit();
  const [address, setAddress] = useState('');
  // Each card keeps a stable key so removing the first child does not move the second one's inputs.
  const [kids, setKids] = useState<Keyed<ChildDraft>[]>(() => [keyed(emptyChild(today))]);
  const [adults, setAdults] = useState<Keyed<GuardianDraft>[]>(() => [keyed(emptyGuardian())]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errorAt = (prefix: string) => (field: string) => missing[`${prefix}${field}`] ?? errors[`${prefix}${field}`];

  return (
    <form noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const gaps = Object.assign(
          {},
          ...kids.map((k, i) => childMissing(k, t, `children.${i}.`)),
          ...adults.map((g, i) => guardianMissing(g, t, `guardians.${i}.`)),
        );
        setMissing(gaps);
        if (Object.keys(gaps).length > 0) return;
        const made = await submit(
          'families.create',
          { address, note: '', children: kids.map(toChildInput), guardians: adults.map(toGuardianInput) },
          t('家庭已登记', 'Family saved'),
        );
        if (made) navigate(`/families/household/${made.householdId}`);
      }}
    >
      <PageHeader
        title={t('新增家庭', 'New family')}
        description={t('兄弟姐妹登记在同一个家庭，共用家长信息。', 'Siblings share one family and its guardians.')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/families')}>
              {t('取消', 'Cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('保存家庭', 'Save family')}
            </Button>
          </>
        }
      />
      <Stack>
        <TextInput label={t('家庭住址', 'Address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errors.address} />
        {kids.map((k, i) => (
          <Card withBorder key={k.uid} data-testid={`child-form-${i}`}>
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t(`幼儿 ${i + 1}`, `Child ${i + 1}`)}</Title>
              {kids.length > 1 && (
                <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => setKids(kids.filter((_, j) => j !== i))}>
                  {t('移除', 'Remove')}
                </Button>
              )}
            </Group>
            <ChildFields value={k} onChange={(next) => setKids(kids.map((x, j) => (j === i ? { ...next, uid: x.uid } : x)))} error={errorAt(`children.${i}.`)} autoFocus={i === 0} />
          </Card>
        ))}
        <Button variant="light" leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => setKids([...kids, keyed(emptyChild(today))])}>
          {t('再添加一名幼儿（兄弟姐妹）', 'Add another child (sibling)')}
        </Button>
        <Divider />
        {adults.map((g, i) => (
          <Card withBorder key={g.uid} data-testid={`guardian-form-${i}`}>
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t(`家长 ${i + 1}`, `Guardian ${i + 1}`)}</Title>
              {adults.length > 1 && (
                <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => setAdults(adults.filter((_, j) => j !== i))}>
                  {t('移除', 'Remove')}
                </Button>
              )}
            </Group>
            <GuardianFields value={g} onChange={(next) => setAdults(adults.map((x, j) => (j === i ? { ...next, uid: x.uid } : x)))} error={errorAt(`guardians.${i}.`)} />
          </Card>
        ))}
        <Button variant="light" leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => setAdults([...adults, keyed(emptyGuardian())])}>
          {t('再添加一位家长', 'Add another guardian')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('保存时会一并检查所有信息，有误则一项都不保存。', 'Everything is checked on save; if anything is wrong, nothing is saved.')}
        </Text>
      </Stack>
    </form>
  );
}
