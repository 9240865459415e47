import { Checkbox, Grid, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { Api } from '../../electron/api/index';
import { BILLING_MODE_LABELS, GENDER_LABELS, REDUCTION_LABELS, RELATIONSHIPS } from '../../core/families/labels';
import { useApiQuery } from '../api/hooks';
import { useT } from '../i18n';
import { DateField, useOptions, useRelationship } from './shared';

/** Form state for a child: strings as typed, converted to the API's shape on submit. */
export interface ChildDraft {
  name: string;
  gender: string | null;
  birthDate: string | null;
  idNumber: string;
  classId: string | null;
  enrolledOn: string | null;
  billingMode: string;
  meals: boolean;
  boarding: boolean;
  custodyAgreedOn: string | null;
  busAgreedOn: string | null;
  reductionCategory: string | null;
  reductionNote: string;
  healthNotes: string;
}

export interface GuardianDraft {
  name: string;
  relationship: string | null;
  mobile: string;
  wechat: string;
  address: string;
  workplace: string;
  isEmergencyContact: boolean;
  canPickUp: boolean;
}

type ChildInput = Api['families.addChild']['input']['child'];
type GuardianInput = Api['families.addGuardian']['input']['guardian'];

export const emptyChild = (today: string): ChildDraft => ({
  name: '',
  gender: null,
  birthDate: null,
  idNumber: '',
  classId: null,
  enrolledOn: today,
  billingMode: 'monthly',
  meals: true,
  boarding: false,
  custodyAgreedOn: null,
  busAgreedOn: null,
  reductionCategory: null,
  reductionNote: '',
  healthNotes: '',
});

/** A guardian added to a family starts with the family's address: most live there. */
export const emptyGuardian = (address = ''): GuardianDraft => ({
  name: '',
  relationship: null,
  mobile: '',
  wechat: '',
  address,
  workplace: '',
  isEmergencyContact: false,
  canPickUp: true,
});

export function childDraftOf(c: {
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string | null;
  classId: number;
  enrolledOn: string;
  billingMode: string;
  meals: boolean;
  boarding: boolean;
  custodyAgreedOn: string | null;
  busAgreedOn: string | null;
  reductionCategory: string | null;
  reductionNote: string | null;
  healthNotes: string;
}): ChildDraft {
  return { ...c, idNumber: c.idNumber ?? '', classId: String(c.classId), reductionNote: c.reductionNote ?? '' };
}

type T = (zh: string, en: string) => string;

/**
 * Every required field left empty, each with its own message for under the
 * field, all at once (the API checks the same and more on save; an empty
 * choice it could only call "not a number").
 */
export function childMissing(d: ChildDraft, t: T, prefix = ''): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!d.name.trim()) missing[`${prefix}name`] = t('请填写幼儿姓名', 'Enter the child’s name');
  if (!d.gender) missing[`${prefix}gender`] = t('请选择性别', 'Choose boy or girl');
  if (!d.birthDate) missing[`${prefix}birthDate`] = t('请填写出生日期', 'Enter the birth date');
  if (!d.classId) missing[`${prefix}classId`] = t('请选择班级', 'Choose the class');
  if (!d.enrolledOn) missing[`${prefix}enrolledOn`] = t('请填写入园日期', 'Enter the enrolment date');
  return missing;
}

export function guardianMissing(g: GuardianDraft, t: T, prefix = ''): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!g.name.trim()) missing[`${prefix}name`] = t('请填写家长姓名', 'Enter the guardian’s name');
  if (!g.relationship) missing[`${prefix}relationship`] = t('请选择与幼儿关系', 'Choose the relationship');
  if (!g.mobile.trim()) missing[`${prefix}mobile`] = t('请填写手机号', 'Enter a mobile number');
  return missing;
}

export function toChildInput(d: ChildDraft): ChildInput {
  return {
    ...d,
    gender: d.gender as 'M' | 'F',
    birthDate: d.birthDate ?? '',
    enrolledOn: d.enrolledOn ?? '',
    idNumber: d.idNumber.trim() || null,
    classId: Number(d.classId),
    billingMode: d.billingMode as 'monthly' | 'semester',
    reductionCategory: (d.reductionCategory || null) as ChildInput['reductionCategory'],
  };
}

export function toGuardianInput(d: GuardianDraft): GuardianInput {
  return { ...d, relationship: d.relationship ?? '' };
}

export function useClassOptions(includeArchived = false) {
  const { data } = useApiQuery('kindergarten.get', {});
  return (data?.classes ?? []).filter((c) => includeArchived || !c.archived).map((c) => ({ value: String(c.id), label: c.name }));
}

export function ChildFields({
  value,
  onChange,
  error,
  autoFocus,
}: {
  value: ChildDraft;
  onChange(next: ChildDraft): void;
  error(field: string): string | undefined;
  autoFocus?: boolean;
}) {
  const t = useT();
  const options = useOptions();
  const classOptions = useClassOptions();
  const set = <K extends keyof ChildDraft>(key: K, v: ChildDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Grid gap="sm">
      <Grid.Col span={4}>
        <TextInput label={t('幼儿姓名', 'Name')} required autoFocus={autoFocus} value={value.name} onChange={(e) => set('name', e.currentTarget.value)} error={error('name')} />
      </Grid.Col>
      <Grid.Col span={2}>
        <Select label={t('性别', 'Gender')} required data={options(GENDER_LABELS)} value={value.gender} onChange={(v) => set('gender', v)} error={error('gender')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <DateField label={t('出生日期', 'Birth date')} required value={value.birthDate} onChange={(v) => set('birthDate', v)} error={error('birthDate')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <Select label={t('班级', 'Class')} required data={classOptions} value={value.classId} onChange={(v) => set('classId', v)} error={error('classId')} />
      </Grid.Col>
      <Grid.Col span={5}>
        <TextInput
          label={t('身份证号（选填）', 'ID number (optional)')}
          value={value.idNumber}
          onChange={(e) => set('idNumber', e.currentTarget.value)}
          error={error('idNumber')}
          maxLength={18}
        />
      </Grid.Col>
      <Grid.Col span={3}>
        <DateField label={t('入园日期', 'Enrolled on')} required value={value.enrolledOn} onChange={(v) => set('enrolledOn', v)} error={error('enrolledOn')} />
      </Grid.Col>
      <Grid.Col span={4}>
        <Select
          label={t('缴费方式', 'Billing')}
          data={options(BILLING_MODE_LABELS)}
          value={value.billingMode}
          onChange={(v) => set('billingMode', v ?? 'monthly')}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <SimpleGrid cols={4} spacing="sm">
          <Checkbox mt="xs" label={t('在园用餐', 'Meals')} checked={value.meals} onChange={(e) => set('meals', e.currentTarget.checked)} />
          <Checkbox mt="xs" label={t('住宿', 'Boarding')} checked={value.boarding} onChange={(e) => set('boarding', e.currentTarget.checked)} />
          <DateField
            label={t('托管协议签订日', 'Custody agreement signed')}
            value={value.custodyAgreedOn}
            onChange={(v) => set('custodyAgreedOn', v)}
            error={error('custodyAgreedOn')}
            size="xs"
          />
          <DateField label={t('校车协议签订日', 'Bus agreement signed')} value={value.busAgreedOn} onChange={(v) => set('busAgreedOn', v)} error={error('busAgreedOn')} size="xs" />
        </SimpleGrid>
      </Grid.Col>
      <Grid.Col span={4}>
        <Select
          label={t('减免类别', 'Reduction')}
          placeholder={t('无', 'None')}
          clearable
          data={options(REDUCTION_LABELS)}
          value={value.reductionCategory}
          onChange={(v) => set('reductionCategory', v)}
        />
      </Grid.Col>
      <Grid.Col span={8}>
        <TextInput
          label={t('已查验的证明材料', 'Evidence seen')}
          placeholder={value.reductionCategory ? t('如：低保证编号、查验日期', 'e.g. certificate number and date seen') : ''}
          disabled={!value.reductionCategory}
          value={value.reductionNote}
          onChange={(e) => set('reductionNote', e.currentTarget.value)}
          error={error('reductionNote')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          label={t('健康与安全提示', 'Health & safety notes')}
          description={t('过敏、疾病、用药、谁可以来接等老师必须知道的情况；会显示在点名表和家庭页上。', 'Allergies, conditions, medication, who may collect the child: shown on the roll call and the family page.')}
          placeholder={t('如：对花生过敏；哮喘，随身带喷雾', 'e.g. peanut allergy; asthma, inhaler in bag')}
          autosize
          minRows={1}
          maxRows={4}
          value={value.healthNotes}
          onChange={(e) => set('healthNotes', e.currentTarget.value)}
          error={error('healthNotes')}
          data-testid="child-health-notes"
        />
      </Grid.Col>
    </Grid>
  );
}

export function GuardianFields({
  value,
  onChange,
  error,
  autoFocus,
}: {
  value: GuardianDraft;
  onChange(next: GuardianDraft): void;
  error(field: string): string | undefined;
  autoFocus?: boolean;
}) {
  const t = useT();
  const relationship = useRelationship();
  const set = <K extends keyof GuardianDraft>(key: K, v: GuardianDraft[K]) => onChange({ ...value, [key]: v });
  // A relationship on file that is not in the list (e.g. 监护人 from an import) must still show when editing.
  const relationships = [...new Set<string>([...RELATIONSHIPS, ...(value.relationship ? [value.relationship] : [])])];
  return (
    <Grid gap="sm">
      <Grid.Col span={3}>
        <TextInput label={t('家长姓名', 'Name')} required autoFocus={autoFocus} value={value.name} onChange={(e) => set('name', e.currentTarget.value)} error={error('name')} />
      </Grid.Col>
      <Grid.Col span={3}>
        <Select
          label={t('与幼儿关系', 'Relationship')}
          required
          data={relationships.map((r) => ({ value: r, label: relationship(r) }))}
          searchable
          value={value.relationship}
          onChange={(v) => set('relationship', v)}
          error={error('relationship')}
        />
      </Grid.Col>
      <Grid.Col span={3}>
        <TextInput
          label={t('手机号', 'Mobile')}
          required
          inputMode="tel"
          value={value.mobile}
          onChange={(e) => set('mobile', e.currentTarget.value)}
          error={error('mobile')}
        />
      </Grid.Col>
      <Grid.Col span={3}>
        <TextInput label={t('微信号', 'WeChat')} value={value.wechat} onChange={(e) => set('wechat', e.currentTarget.value)} error={error('wechat')} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput label={t('住址', 'Address')} value={value.address} onChange={(e) => set('address', e.currentTarget.value)} error={error('address')} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput label={t('工作单位', 'Workplace')} value={value.workplace} onChange={(e) => set('workplace', e.currentTarget.value)} error={error('workplace')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <SimpleGrid cols={4}>
          <Checkbox label={t('紧急联系人', 'Emergency contact')} checked={value.isEmergencyContact} onChange={(e) => set('isEmergencyContact', e.currentTarget.checked)} />
          <Checkbox label={t('可接送幼儿', 'May pick up')} checked={value.canPickUp} onChange={(e) => set('canPickUp', e.currentTarget.checked)} />
        </SimpleGrid>
      </Grid.Col>
    </Grid>
  );
}
