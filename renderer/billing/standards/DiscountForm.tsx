import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { ITEM_LABELS, RUN_ITEMS } from '../../../core/billing/items';
import type { Api } from '../../../electron/api/index';
import { ApiCallError, api, errorMessage } from '../../api/client';
import { useLang, useT } from '../../i18n';
import { moneyError } from '../money-field';

type Kind = 'rate' | 'amount' | 'none';
type Item = Api['discounts.set']['input']['item'];

/** The principal sets (or ends) a child's own discount of one item from a month on, with the reason. */
export function DiscountForm({
  opened,
  month,
  kids,
  onClose,
  onSaved,
}: {
  opened: boolean;
  month: string;
  kids: Array<{ childId: number; name: string; className: string }>;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form, setForm] = useState({ childId: '', item: 'education' as Item, kind: 'rate' as Kind, rate: '', amount: '', fromMonth: month, reason: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setForm((f) => ({ ...f, childId: '', rate: '', amount: '', reason: '', fromMonth: month }));
      setFields({});
      setMessage('');
    }
  }, [opened, month]);

  const save = async () => {
    const local: Record<string, string> = {};
    if (!form.childId) local.childId = t('请选择幼儿', 'Choose a child');
    if (form.kind === 'amount' && moneyError(form.amount, t)) local.amount = moneyError(form.amount, t);
    if (Object.keys(local).length > 0) return setFields(local);
    setBusy(true);
    try {
      await api('discounts.set', { ...form, childId: Number(form.childId), rate: form.rate.trim(), amount: form.kind === 'amount' ? form.amount.trim() : '' });
      onSaved();
      onClose();
    } catch (e) {
      setFields(e instanceof ApiCallError ? e.fields : {});
      setMessage(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('园内优惠', 'Own discount')}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('幼儿', 'Child')}
            searchable
            data={kids.map((c) => ({ value: String(c.childId), label: `${c.name}（${c.className}）` }))}
            value={form.childId || null}
            onChange={(v) => setForm({ ...form, childId: v ?? '' })}
            error={fields.childId}
            data-autofocus
          />
          <Select
            label={t('收费项目', 'Item')}
            data={RUN_ITEMS.map((i) => ({ value: i, label: t(...ITEM_LABELS[i]) }))}
            value={form.item}
            onChange={(v) => v && setForm({ ...form, item: v as Item })}
            allowDeselect={false}
          />
          <SegmentedControl
            value={form.kind}
            onChange={(v) => setForm({ ...form, kind: v as Kind })}
            data={[
              { value: 'rate', label: t('按比例', 'Share') },
              { value: 'amount', label: t('每月定额', 'Fixed per month') },
              { value: 'none', label: t('取消优惠', 'End it') },
            ]}
          />
          {form.kind === 'rate' && (
            <TextInput label={t('优惠比例（%）', 'Share off (%)')} placeholder="10" inputMode="decimal" value={form.rate} onChange={(e) => setForm({ ...form, rate: e.currentTarget.value })} error={fields.rate} />
          )}
          {form.kind === 'amount' && (
            <TextInput label={t('每月优惠（元）', 'Off per month (yuan)')} inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.currentTarget.value })} error={fields.amount} />
          )}
          <MonthPickerInput label={t('起始月份', 'From month')} value={`${form.fromMonth}-01`} onChange={(v) => v && setForm({ ...form, fromMonth: String(v).slice(0, 7) })} valueFormat="YYYY-MM" />
          <TextInput label={t('原因', 'Reason')} placeholder={t('如：二孩优惠', 'e.g. second sibling')} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} error={fields.reason} maxLength={60} />
          {message && !Object.values(fields).some(Boolean) && (
            <Text c="red" size="sm" role="alert">
              {message}
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
