import { Alert, Badge, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { BILLING_ITEMS, type BillingItem, CLASS_LEVELS, ITEM_LABELS, ITEM_UNITS, LEVEL_LABELS, UNIT_LABELS } from '../../../core/billing/items';
import type { Api } from '../../../electron/api/index';
import { ApiCallError, api, errorMessage } from '../../api/client';
import { useSession } from '../../app/session';
import { DateField } from '../../attendance/shared';
import { useLang, useT } from '../../i18n';
import { moneyError, newSubmissionKey } from '../money-field';

type Findings = Api['standards.check']['output'];

interface Form {
  item: BillingItem;
  label: string;
  amount: string;
  unit: string;
  month: string;
  level: string;
  newPupils: boolean;
  enrolledFrom: string;
  note: string;
}

const blank = (month: string): Form => ({ item: 'education', label: '', amount: '', unit: 'month', month, level: '', newPupils: false, enrolledFrom: `${month}-01`, note: '' });

/**
 * 新增收费标准: a new row of the history (nothing is overwritten). The notice's
 * checks run on 核对 and again on saving; a refusal shows its clause under the
 * field, a clause the principal may confirm shows a confirmation box.
 */
export function StandardForm({ opened, today, onClose, onSaved }: { opened: boolean; today: string; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { lang } = useLang();
  const { actor } = useSession();
  const [form, setForm] = useState<Form>(() => blank(today.slice(0, 7)));
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [findings, setFindings] = useState<Findings | null>(null);
  const [confirm, setConfirm] = useState({ on: false, note: '' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setForm(blank(today.slice(0, 7)));
    setSubmissionKey(newSubmissionKey());
    setFields({});
    setMessage('');
    setFindings(null);
    setConfirm({ on: false, note: '' });
  }, [opened, today]);

  // Editing a field clears its message (and the last check): the layout moves while typing, not under a click.
  const set = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setFindings(null);
    setFields((f) => ('item' in patch ? {} : Object.fromEntries(Object.entries(f).filter(([k]) => !(k in patch) && !(k === 'appliesFrom' && 'month' in patch) && !(k === 'enrolledFrom' && 'newPupils' in patch)))));
  };
  const units = ITEM_UNITS[form.item];
  const input = (): Api['standards.check']['input'] => ({
    item: form.item,
    label: form.label.trim(),
    amount: form.amount.trim(),
    unit: (units.includes(form.unit as never) ? form.unit : units[0]!) as Api['standards.check']['input']['unit'],
    appliesFrom: `${form.month}-01`,
    level: form.level ? (form.level as (typeof CLASS_LEVELS)[number]) : null,
    enrolledFrom: form.newPupils ? form.enrolledFrom : null,
    note: form.note,
  });

  async function call<T>(work: () => Promise<T>): Promise<T | undefined> {
    const amount = moneyError(form.amount, t);
    if (amount) {
      setFields({ amount });
      return undefined;
    }
    setBusy(true);
    setMessage('');
    try {
      return await work();
    } catch (e) {
      if (e instanceof ApiCallError) setFields(e.fields);
      setMessage(errorMessage(e, lang));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  const check = () =>
    call(async () => {
      const result = await api('standards.check', input());
      setFields(Object.fromEntries(result.findings.filter((f) => f.severity === 'refuse').map((f) => [f.field, `【${f.clause}】${f.messageZh}`])));
      setFindings(result);
    });
  const save = () =>
    call(async () => {
      const toConfirm = findings?.toConfirm ?? [];
      await api('standards.save', {
        ...input(),
        idempotencyKey: submissionKey,
        confirm: confirm.on && toConfirm.length > 0 ? { clauses: toConfirm, note: confirm.note } : null,
      });
      onSaved();
      onClose();
    });

  const confirmable = findings && findings.toConfirm.length > 0;
  return (
    <Modal opened={opened} onClose={onClose} title={t('新增收费标准', 'New fee standard')} size="lg">
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label={t('收费项目', 'Item')}
              data={BILLING_ITEMS.map((i) => ({ value: i, label: t(...ITEM_LABELS[i]) }))}
              value={form.item}
              onChange={(v) => v && set({ item: v as BillingItem, unit: ITEM_UNITS[v as BillingItem][0]! })}
              allowDeselect={false}
              data-autofocus
            />
            <TextInput
              label={t('通知单上的名称', 'Name on the notice')}
              placeholder={ITEM_LABELS[form.item][0]}
              value={form.label}
              onChange={(e) => set({ label: e.currentTarget.value })}
              error={fields.label}
              maxLength={40}
            />
            <TextInput
              label={t('金额（元）', 'Amount (yuan)')}
              inputMode="decimal"
              placeholder="420.00"
              value={form.amount}
              onChange={(e) => set({ amount: e.currentTarget.value })}
              onBlur={() => form.amount && moneyError(form.amount, t) && setFields((f) => ({ ...f, amount: moneyError(form.amount, t) }))}
              error={fields.amount}
            />
            <Select
              label={t('计费单位', 'Unit')}
              data={units.map((u) => ({ value: u, label: t(...UNIT_LABELS[u]) }))}
              value={units.includes(form.unit as never) ? form.unit : units[0]!}
              onChange={(v) => v && set({ unit: v })}
              allowDeselect={false}
              error={fields.unit}
            />
            <MonthPickerInput
              label={t('起始月份', 'From month')}
              description={t('从该月 1 日起执行', 'Applies from the 1st')}
              value={`${form.month}-01`}
              onChange={(v) => v && set({ month: String(v).slice(0, 7), enrolledFrom: `${String(v).slice(0, 7)}-01` })}
              valueFormat="YYYY-MM"
              error={fields.appliesFrom}
            />
            <Select
              label={t('适用班级', 'Classes')}
              data={[{ value: '', label: t('全部班级', 'All classes') }, ...CLASS_LEVELS.map((l) => ({ value: l, label: t(...LEVEL_LABELS[l]) }))]}
              value={form.level}
              onChange={(v) => set({ level: v ?? '' })}
              allowDeselect={false}
              error={fields.level}
            />
          </SimpleGrid>
          <Group align="flex-end">
            <Checkbox
              label={t('只适用于某日起入园的幼儿（新生新办法）', 'Only children enrolled from a date (new pupils)')}
              checked={form.newPupils}
              onChange={(e) => set({ newPupils: e.currentTarget.checked })}
              error={!form.newPupils ? fields.enrolledFrom : undefined}
            />
            {form.newPupils && <DateField label={t('入园日期自', 'Enrolled from')} value={form.enrolledFrom} onChange={(d) => set({ enrolledFrom: d })} error={fields.enrolledFrom} />}
          </Group>
          <TextInput label={t('备注', 'Note')} value={form.note} onChange={(e) => set({ note: e.currentTarget.value })} maxLength={200} />
          {findings && findings.findings.length === 0 && (
            <Alert color="green">{t('已按收费文件核对，未发现问题。', 'Checked against the fee notice: no problem found.')}</Alert>
          )}
          {findings?.findings.map((f) => (
            <Alert key={f.code + f.clause} color={f.severity === 'refuse' ? 'red' : 'yellow'} data-testid="standard-finding">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" radius="sm">
                  {f.clause}
                </Badge>
                <Text size="sm">{f.messageZh}</Text>
              </Group>
            </Alert>
          ))}
          {confirmable &&
            (actor.role === 'principal' ? (
              <Stack gap={4}>
                <Checkbox
                  label={t(`园长确认：已核对 ${findings.toConfirm.join('、')}，同意执行此标准`, `Principal: I confirm ${findings.toConfirm.join(', ')}`)}
                  checked={confirm.on}
                  onChange={(e) => setConfirm({ ...confirm, on: e.currentTarget.checked })}
                />
                {confirm.on && <TextInput label={t('确认理由', 'Reason')} value={confirm.note} onChange={(e) => setConfirm({ ...confirm, note: e.currentTarget.value })} maxLength={200} />}
              </Stack>
            ) : (
              <Text size="sm" c="orange">
                {t('此标准须由园长登录后确认才能保存。', 'The principal must sign in and confirm this standard.')}
              </Text>
            ))}
          {message && !Object.values(fields).some(Boolean) && (
            <Text c="red" size="sm" role="alert">
              {message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void check()} loading={busy}>
              {t('核对', 'Check')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('保存', 'Save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
