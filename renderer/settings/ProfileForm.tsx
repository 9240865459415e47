import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DEFAULT_HOW_TO_PAY, HOW_TO_PAY_MAX_CHARS, HOW_TO_PAY_MAX_LINES } from '../../core/billing/how-to-pay';
import type { Api } from '../../electron/api/index';
import { useT } from '../i18n';
import { FUNDING_LABELS, GRADE_LABELS, options, TYPE_LABELS } from './labels';

/** Settings also edit the complaint telephone (shown when present); first-start setup leaves it for later. */
export type ProfileValue = Omit<Required<Api['kindergarten.updateProfile']['input']>, 'complaintPhone' | 'howToPay'> & { complaintPhone?: string; howToPay?: string };
type Choice<K extends keyof ProfileValue> = NonNullable<ProfileValue[K]>;

/** The kindergarten's profile; shared by first-start setup and Settings. */
export function ProfileForm({
  value,
  onChange,
  errors = {},
  readOnly = false,
  policyOptions,
}: {
  /** Defaults to the built-in notices; Settings adds the kindergarten's adjusted copies. */
  /** The fee notices to choose from (built-in ones, and in Settings the kindergarten's copies). */
  policyOptions: { value: string; label: string }[];
  value: ProfileValue;
  onChange(value: ProfileValue): void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}) {
  const t = useT();
  const set = (patch: Partial<ProfileValue>) => onChange({ ...value, ...patch });
  const isPublic = value.type === 'public';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('幼儿园名称', 'Kindergarten name')}
        value={value.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={errors.name}
        readOnly={readOnly}
        required
        data-autofocus
      />
      <Select
        label={t('幼儿园类型', 'Type')}
        data={options(TYPE_LABELS, t)}
        value={value.type}
        onChange={(v) => set({ type: (v ?? 'public') as Choice<'type'> })}
        error={errors.type}
        readOnly={readOnly}
        allowDeselect={false}
      />
      {isPublic && (
        <Select
          label={t('经费类型', 'Funding')}
          description={t('决定保教费可上浮的幅度（南通 NT-1.1）', 'Sets how far the fee may float (NT-1.1)')}
          data={options(FUNDING_LABELS, t)}
          value={value.fundingType}
          onChange={(v) => set({ fundingType: v as Choice<'fundingType'> | null })}
          error={errors.fundingType}
          readOnly={readOnly}
        />
      )}
      {isPublic && (
        <Select
          label={t('等级', 'Grade')}
          description={t('决定保教费基准（520 / 420 / 360 元）', 'Sets the benchmark fee (520 / 420 / 360)')}
          data={options(GRADE_LABELS, t)}
          value={value.grade}
          onChange={(v) => set({ grade: v as Choice<'grade'> | null })}
          error={errors.grade}
          readOnly={readOnly}
        />
      )}
      <Select
        label={t('适用的收费文件', 'Fee notice in force')}
        description={t('退费按此文件的条款计算', 'Refunds follow this notice')}
        data={policyOptions}
        value={value.policyId}
        onChange={(v) => set({ policyId: v ?? 'nantong-2018' })}
        error={errors.policyId}
        readOnly={readOnly}
        allowDeselect={false}
      />
      {value.complaintPhone !== undefined && (
        <TextInput
          label={t('收费监督电话', 'Fee complaint telephone')}
          description={t('印在收费公示和收费协议上，例如：园长室 0513-85000000；价格举报 12315', 'Printed on the fee board and agreements')}
          value={value.complaintPhone}
          onChange={(e) => set({ complaintPhone: e.currentTarget.value })}
          error={errors.complaintPhone}
          readOnly={readOnly}
        />
      )}
      {value.howToPay !== undefined && (
        <Textarea
          style={{ gridColumn: '1 / -1' }}
          label={t('缴费方式（印在每张缴费通知单上）', 'How to pay (printed on every fee notice)')}
          description={t(
            `现金、微信、支付宝、银行转账的账户信息等，最多 ${HOW_TO_PAY_MAX_LINES} 行、${HOW_TO_PAY_MAX_CHARS} 字；不填则印默认说明。`,
            `Cash, WeChat, Alipay, bank account details …; at most ${HOW_TO_PAY_MAX_LINES} lines. Empty: the default sentence.`,
          )}
          placeholder={DEFAULT_HOW_TO_PAY}
          value={value.howToPay}
          onChange={(e) => set({ howToPay: e.currentTarget.value })}
          error={errors.howToPay}
          readOnly={readOnly}
          autosize
          minRows={3}
          maxRows={5}
          data-testid="how-to-pay"
        />
      )}
    </SimpleGrid>
  );
}
