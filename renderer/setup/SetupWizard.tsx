import { ActionIcon, Alert, Button, Card, Center, Group, PasswordInput, Select, SimpleGrid, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../electron/api/index';
import { api, ApiCallError, errorMessage } from '../api/client';
import { LangSwitch } from '../app/LangSwitch';
import { useLang, useT } from '../i18n';
import { LEVEL_LABELS, options } from '../settings/labels';
import { useApiQuery } from '../api/hooks';
import { policyOption } from '../settings/labels';
import { ProfileForm, type ProfileValue } from '../settings/ProfileForm';
import { defaultSchoolYear, type SchoolYearValue, SemestersForm } from '../settings/SemestersForm';

type ClassRow = Required<Api['kindergarten.addClass']['input']> & { key: number };
let nextRowKey = 0;
const classRow = (name: string, level: ClassRow['level']): ClassRow => ({ key: nextRowKey++, name, level, headTeacher: '' });

const STEP_OF_FIELD: Record<string, number> = { profile: 1, schoolYear: 2, classes: 3, principal: 4 };

/** First start: set up the kindergarten (four short steps), or load the demo one. */
export function SetupWizard({ onDone }: { onDone(session: string): void }) {
  const t = useT();
  const { lang } = useLang();
  const [step, setStep] = useState(0);
  const [profile, setProfile] = useState<ProfileValue>({ name: '', type: 'public', fundingType: 'full', grade: 'qualified', policyId: 'nantong-2018' });
  const [year, setYear] = useState<SchoolYearValue>(() => defaultSchoolYear());
  const [classes, setClasses] = useState<ClassRow[]>(() => [classRow('小一班', 'small'), classRow('中一班', 'middle'), classRow('大一班', 'large')]);
  const [principal, setPrincipal] = useState({ displayName: '', username: '', password: '', confirm: '' });
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const status = useApiQuery('setup.status', {});

  const show = (e: unknown) => {
    if (e instanceof ApiCallError) {
      setError(errorMessage(e, lang));
      setFields(e.fields);
      const first = Object.keys(e.fields)[0]?.split('.')[0];
      if (first && STEP_OF_FIELD[first]) setStep(STEP_OF_FIELD[first]);
    } else setError(String(e));
  };

  const loadDemo = async () => {
    setBusy(true);
    try {
      const result = await api('setup.loadDemo', {});
      onDone(result.session);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    setError('');
    setFields({});
    if (principal.password !== principal.confirm) {
      setError(t('两次输入的密码不一致', 'The passwords do not match'));
      return;
    }
    setBusy(true);
    try {
      const { confirm: _, ...account } = principal;
      // Setup offers only the built-in notices, so the form's value is one of them.
      const setupProfile = profile as Api['setup.complete']['input']['profile'];
      const classList = classes.map(({ key: _, ...c }) => c);
      const result = await api('setup.complete', { profile: setupProfile, schoolYear: year, classes: classList, principal: account });
      onDone(result.session);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  };

  const sub = (prefix: string) =>
    Object.fromEntries(
      Object.entries(fields)
        .filter(([k]) => k.startsWith(`${prefix}.`))
        .map(([k, v]) => [k.slice(prefix.length + 1), v]),
    );

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Card withBorder shadow="sm" p="xl" w={860}>
        <Group justify="space-between" mb="lg">
          <div>
            <Title order={2}>{t('欢迎使用园务通', 'Welcome to KinderDesk')}</Title>
            <Text c="dimmed">{t('幼儿档案、考勤、收费退费与满意度调查，一个软件搞定。', 'Records, attendance, fees and surveys in one place.')}</Text>
          </div>
          <LangSwitch />
        </Group>
        {error && (
          <Alert color="red" mb="md" data-testid="setup-error">
            {error}
          </Alert>
        )}
        <Stepper active={step} onStepClick={(s) => step > 0 && setStep(s)} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('开始', 'Start')}>
            <SimpleGrid cols={2} mt="md">
              <Card withBorder p="lg">
                <Stack>
                  <Title order={4}>{t('设置我的幼儿园', 'Set up my kindergarten')}</Title>
                  <Text size="sm" c="dimmed">
                    {t('填写幼儿园资料、学年学期、班级，并创建园长账号。约需 3 分钟。', 'Enter your profile, school year and classes, and create the principal’s account. About 3 minutes.')}
                  </Text>
                  <Button onClick={() => setStep(1)}>{t('开始设置', 'Start setup')}</Button>
                </Stack>
              </Card>
              <Card withBorder p="lg">
                <Stack>
                  <Title order={4}>{t('先看看演示幼儿园', 'Explore a demo kindergarten')}</Title>
                  <Text size="sm" c="dimmed">
                    {t('载入一所虚构的幼儿园：5 个班约 120 名幼儿、家长、两个学期和三个月的考勤。数据会标注为“演示”。', 'Loads a fictional kindergarten: about 120 children in 5 classes, guardians, two semesters and three months of attendance, marked as demo.')}
                  </Text>
                  <Button variant="light" onClick={loadDemo} loading={busy}>
                    {t('载入演示幼儿园', 'Load the demo kindergarten')}
                  </Button>
                </Stack>
              </Card>
            </SimpleGrid>
          </Stepper.Step>
          <Stepper.Step label={t('幼儿园资料', 'Profile')}>
            <ProfileForm value={profile} onChange={setProfile} errors={sub('profile')} policyOptions={(status.data?.builtinPolicies ?? []).map((p) => policyOption(p, t))} />
          </Stepper.Step>
          <Stepper.Step label={t('学年学期', 'School year')}>
            <SemestersForm value={year} onChange={setYear} errors={sub('schoolYear')} />
          </Stepper.Step>
          <Stepper.Step label={t('班级', 'Classes')}>
            <Stack gap="xs">
              {classes.map((c, i) => (
                <Group key={c.key} wrap="nowrap" align="flex-end">
                  <TextInput
                    label={i === 0 ? t('班级名称', 'Class name') : undefined}
                    value={c.name}
                    onChange={(e) => setClasses(classes.map((x, j) => (i === j ? { ...x, name: e.currentTarget.value } : x)))}
                    error={fields[`classes.${i}.name`]}
                    aria-label={t('班级名称', 'Class name')}
                  />
                  <Select
                    label={i === 0 ? t('年级', 'Level') : undefined}
                    data={options(LEVEL_LABELS, t)}
                    value={c.level}
                    onChange={(v) => setClasses(classes.map((x, j) => (i === j ? { ...x, level: (v ?? 'small') as ClassRow['level'] } : x)))}
                    allowDeselect={false}
                    w={120}
                    aria-label={t('年级', 'Level')}
                  />
                  <TextInput
                    label={i === 0 ? t('班主任', 'Head teacher') : undefined}
                    value={c.headTeacher}
                    onChange={(e) => setClasses(classes.map((x, j) => (i === j ? { ...x, headTeacher: e.currentTarget.value } : x)))}
                    aria-label={t('班主任', 'Head teacher')}
                  />
                  <ActionIcon variant="subtle" color="red" onClick={() => setClasses(classes.filter((_, j) => j !== i))} aria-label={t('删除', 'Remove')} mb={4}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="light" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => setClasses([...classes, classRow('', 'small')])}>
                {t('添加班级', 'Add a class')}
              </Button>
              {fields.classes && <Text c="red" size="sm">{fields.classes}</Text>}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('园长账号', 'Principal account')}>
            <SimpleGrid cols={2}>
              <TextInput label={t('姓名', 'Name')} value={principal.displayName} onChange={(e) => setPrincipal({ ...principal, displayName: e.currentTarget.value })} error={fields['principal.displayName']} required />
              <TextInput label={t('登录名', 'Username')} description={t('字母或数字，例如 yuanzhang', 'Letters or digits')} value={principal.username} onChange={(e) => setPrincipal({ ...principal, username: e.currentTarget.value })} error={fields['principal.username']} required />
              <PasswordInput label={t('密码', 'Password')} description={t('至少 8 位，含字母和数字', 'At least 8 characters, letters and digits')} value={principal.password} onChange={(e) => setPrincipal({ ...principal, password: e.currentTarget.value })} error={fields['principal.password']} required />
              <PasswordInput label={t('再次输入密码', 'Repeat password')} value={principal.confirm} onChange={(e) => setPrincipal({ ...principal, confirm: e.currentTarget.value })} required />
            </SimpleGrid>
          </Stepper.Step>
        </Stepper>
        {step > 0 && (
          <Group justify="space-between" mt="xl">
            <Button variant="default" onClick={() => setStep(step - 1)}>
              {t('上一步', 'Back')}
            </Button>
            {step < 4 ? (
              <Button onClick={() => setStep(step + 1)}>{t('下一步', 'Next')}</Button>
            ) : (
              <Button onClick={finish} loading={busy}>
                {t('完成设置', 'Finish setup')}
              </Button>
            )}
          </Group>
        )}
      </Card>
    </Center>
  );
}
