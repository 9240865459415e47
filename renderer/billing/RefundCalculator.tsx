import { Alert, Button, Card, Group, List, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconBulb, IconPrinter } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { monthOf } from '../../core/calendar/dates';
import { semesterContaining } from '../../core/kindergarten/semesters';
import { refundMode } from '../../core/refund/mode';
import { amountMessage } from '../components/amount';
import { useApiQuery, useToday } from '../api/hooks';
import { useLang, useT } from '../i18n';
import { printDocument } from '../print/print';
import { percent } from '../settings/policy-text';
import { FEE_ITEM_LABELS, REASON_LABELS } from './labels';
import { encodeCase, type RefundPreview, type RefundPreviewInput } from './refund-case';
import { RefundLines } from './RefundLines';

type Reason = RefundPreviewInput['reason'];
type FeeItem = RefundPreviewInput['fees'][number]['item'];
interface FeeRow {
  item: FeeItem;
  on: boolean;
  paid: string;
  dailyRate: string;
}


/**
 * 退费试算: the refund the fee notice gives for one child-month, with its
 * clauses and sentences, before anything is recorded. Attendance can be
 * brought in from the roll calls; the statement prints for the parent.
 */
export function RefundCalculator() {
  // The month defaults to the backend's today, never to the page's clock.
  const today = useToday();
  return today ? <Calculator today={today} /> : null;
}

function Calculator({ today }: { today: string }) {
  const t = useT();
  const { lang } = useLang();
  const kindergarten = useApiQuery('kindergarten.get', {});
  const roster = useApiQuery('families.children', { classId: null, status: 'all' });
  const policyId = kindergarten.data?.profile?.policyId ?? '';
  const policy = useApiQuery('policies.get', { id: policyId }, { enabled: policyId !== '' });
  const [childId, setChildId] = useState<string | null>(null);
  const [month, setMonth] = useState(monthOf(today));
  const [reason, setReason] = useState<Reason>('leave');
  const [billing, setBilling] = useState<'monthly' | 'semester'>('monthly');
  const [fees, setFees] = useState<FeeRow[]>([
    { item: 'education', on: true, paid: '', dailyRate: '' },
    { item: 'meal', on: true, paid: '', dailyRate: '' },
    { item: 'accommodation', on: false, paid: '', dailyRate: '' },
    { item: 'custody', on: false, paid: '', dailyRate: '' },
  ]);
  const [presentDays, setPresentDays] = useState<number | ''>('');
  const [closureDays, setClosureDays] = useState<number | ''>(0);
  const [agreedRate, setAgreedRate] = useState('');
  const [attendanceNote, setAttendanceNote] = useState('');
  const [preview, setPreview] = useState<RefundPreview | null>(null);
  const [submitted, setSubmitted] = useState<RefundPreviewInput | null>(null);
  const [error, setError] = useState('');
  /** Per fee row: what is wrong with the paid amount / the daily rate, shown at that field. */
  const [feeErrors, setFeeErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const semester = useMemo(
    () => semesterContaining(month, kindergarten.data?.schoolYears.flatMap((y) => y.semesters) ?? []) ?? null,
    [kindergarten.data, month],
  );

  // GS-1: a semester payer is refunded once on the days present in the whole semester.
  const wholeSemester = policy.data ? refundMode(billing, policy.data.policy) === 'wholeSemester' : false;
  const chosenChild = roster.data?.find((c) => String(c.id) === childId);
  const reductions = policy.data?.policy.reductions;
  const reduction = chosenChild?.reductionCategory ? reductions?.categories[chosenChild.reductionCategory] : undefined;
  const childOptions = (roster.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name}（${c.className}）` }));
  const message = (e: unknown) => errorMessage(e, lang);

  const chooseChild = (value: string | null) => {
    setChildId(value);
    const child = roster.data?.find((c) => String(c.id) === value);
    if (child) setBilling(child.billingMode === 'semester' ? 'semester' : 'monthly');
  };

  const bringAttendance = async () => {
    if (!childId) return;
    setError('');
    try {
      const record = await api('attendance.childMonth', { childId: Number(childId), month });
      const s = record.summary;
      setPresentDays(s.present);
      setClosureDays(s.closureDays);
      setAttendanceNote(
        t(
          `考勤：出勤 ${s.present} 天，病假 ${s.sick} 天，事假 ${s.personal} 天，其他 ${s.other} 天，停课 ${s.closureDays} 天，法定工作日 ${s.W} 天${s.unrecorded ? `，另有 ${s.unrecorded} 天未点名` : ''}。`,
          `Attendance: present ${s.present}, sick ${s.sick}, personal ${s.personal}, other ${s.other}, closure ${s.closureDays}, W ${s.W}${s.unrecorded ? `, ${s.unrecorded} days not recorded` : ''}.`,
        ),
      );
    } catch (e) {
      setError(message(e));
    }
  };

  const compute = async () => {
    setError('');
    setPreview(null);
    const chosen = fees.filter((f) => f.on);
    if (chosen.length === 0) return setError(t('请至少选择一个收费项目', 'Choose at least one fee item'));
    const wrong: Record<string, string> = {};
    for (const f of chosen) {
      const paid = amountMessage(f.paid, t);
      const daily = amountMessage(f.dailyRate, t, false);
      if (paid) wrong[`${f.item}.paid`] = paid;
      if (daily) wrong[`${f.item}.dailyRate`] = daily;
    }
    setFeeErrors(wrong);
    if (Object.keys(wrong).length > 0) return setError(t('请修改标红的金额', 'Correct the amounts marked in red'));
    if (presentDays === '') return setError(t('请填写在园天数', 'Enter the days present'));
    if (billing === 'semester' && !semester) return setError(t('该月份不在任何学期内，请先在设置中添加学期', 'That month is in no semester; add the semester in Settings first'));
    const input: RefundPreviewInput = {
      childId: childId ? Number(childId) : undefined,
      month,
      billing,
      semester: billing === 'semester' && semester ? { first: semester.firstMonth, last: semester.lastMonth } : null,
      fees: chosen.map((f) => ({ item: f.item, paid: f.paid, dailyRate: f.dailyRate || null })),
      ...(wholeSemester ? { semesterPresentDays: presentDays } : { presentDays }),
      closureDays: closureDays === '' ? 0 : closureDays,
      reason,
      agreedRate: agreedRate || null,
    };
    setBusy(true);
    try {
      setPreview(await api('refund.preview', input));
      setSubmitted(input);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const setFee = (i: number, patch: Partial<FeeRow>) => setFees(fees.map((f, j) => (i === j ? { ...f, ...patch } : f)));

  return (
    <Stack>
      <Card withBorder p="lg">
        <Title order={4} mb="sm">
          {t('退费试算', 'Refund calculator')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Select label={t('幼儿（可选）', 'Child (optional)')} placeholder={t('输入姓名查找', 'Type a name')} data={childOptions} value={childId} onChange={chooseChild} searchable clearable nothingFoundMessage={t('没有找到', 'Not found')} />
          <MonthPickerInput label={t('退费月份', 'Month')} value={`${month}-01`} onChange={(v) => v && setMonth(dayjs(v).format('YYYY-MM'))} valueFormat="YYYY-MM" />
          <Select label={t('退费原因', 'Reason')} data={Object.entries(REASON_LABELS).map(([value, l]) => ({ value, label: t(...l) }))} value={reason} onChange={(v) => setReason((v ?? 'leave') as Reason)} allowDeselect={false} />
        </SimpleGrid>
        <Group mt="md" align="flex-end">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('收费方式', 'Billing')}
            </Text>
            <SegmentedControl
              value={billing}
              onChange={(v) => setBilling(v as 'monthly' | 'semester')}
              data={[
                { value: 'monthly', label: t('按月', 'Monthly') },
                { value: 'semester', label: t('按学期', 'Per semester') },
              ]}
            />
          </div>
          {billing === 'semester' && (
            <Text size="sm" c={semester ? 'dimmed' : 'red'} pb={6}>
              {semester ? t(`${semester.name}：${semester.firstMonth}～${semester.lastMonth}，金额填整个学期的实缴额`, `${semester.name}: ${semester.firstMonth}–${semester.lastMonth}; enter the whole semester's amounts`) : t('该月份不在任何学期内', 'This month is in no semester')}
            </Text>
          )}
        </Group>
        <Stack gap="xs" mt="md">
          {fees.map((f, i) => (
            <Group key={f.item} align="flex-end" wrap="nowrap">
              <Switch w={160} label={t(...FEE_ITEM_LABELS[f.item]!)} checked={f.on} onChange={(e) => setFee(i, { on: e.currentTarget.checked })} mb={8} />
              <TextInput w={160} label={i === 0 ? t('实缴金额（元）', 'Paid (yuan)') : undefined} aria-label={`${t(...FEE_ITEM_LABELS[f.item]!)}${t('实缴金额', ' paid')}`} value={f.paid} onChange={(e) => setFee(i, { paid: e.currentTarget.value.trim() })} disabled={!f.on} inputMode="decimal" error={f.on ? feeErrors[`${f.item}.paid`] : undefined} />
              {f.item !== 'education' && f.item !== 'accommodation' && (
                <TextInput w={160} label={i === 1 ? t('每日标准（元，可不填）', 'Daily rate (optional)') : undefined} aria-label={`${t(...FEE_ITEM_LABELS[f.item]!)}${t('每日标准', ' daily rate')}`} value={f.dailyRate} onChange={(e) => setFee(i, { dailyRate: e.currentTarget.value.trim() })} disabled={!f.on} inputMode="decimal" error={f.on ? feeErrors[`${f.item}.dailyRate`] : undefined} />
              )}
            </Group>
          ))}
        </Stack>
        <Group mt="md" align="flex-end">
          <NumberInput
            w={wholeSemester ? 200 : 140}
            label={wholeSemester ? t('本学期累计在园天数', 'Days present this semester') : t('在园天数', 'Days present')}
            value={presentDays}
            onChange={(v) => setPresentDays(typeof v === 'number' ? v : '')}
            min={0}
            max={wholeSemester ? 200 : 31}
            allowDecimal={false}
          />
          <NumberInput w={160} label={t('停课天数（园方原因）', 'Closure days')} value={closureDays} onChange={(v) => setClosureDays(typeof v === 'number' ? v : '')} min={0} max={31} allowDecimal={false} />
          <TextInput w={150} label={t('协商退费比例', 'Agreed rate')} description={t('仅限可协商条款，如 0.4', 'Negotiable clauses only, e.g. 0.4')} value={agreedRate} onChange={(e) => setAgreedRate(e.currentTarget.value.trim())} />
          <Button variant="light" onClick={bringAttendance} disabled={!childId}>
            {t('从考勤带入', 'Use attendance')}
          </Button>
          <Button onClick={compute} loading={busy}>
            {t('计算退费', 'Compute refund')}
          </Button>
        </Group>
        {reduction && reductions && (
          <Alert variant="light" color="blue" mt="sm" data-testid="reduction-note">
            {t(
              `该幼儿登记了减免：${reduction.label}，保教费${reduction.rate === '1' ? '全免' : `减免 ${percent(reduction.rate)}`}（${reductions.clause}）。退费以实际缴纳的金额为基数，请填写实缴金额，而不是收费标准。`,
              `This child has a reduction (${reductions.clause}, ${percent(reduction.rate)} of the education fee). Refunds are based on what was actually paid: enter the amount paid, not the standard.`,
            )}
          </Alert>
        )}
        {attendanceNote && (
          <Text size="sm" c="dimmed" mt="xs" data-testid="attendance-note">
            {attendanceNote}
          </Text>
        )}
      </Card>
      {error && (
        <Alert color="red" data-testid="refund-error">
          {error}
        </Alert>
      )}
      {preview && submitted && (
        <Card withBorder p="lg">
          <Group justify="space-between" mb="sm">
            <div>
              <Title order={4}>{preview.child ? t(`${preview.child.name}（${preview.child.className}）${month} 退费`, `Refund for ${preview.child.name}, ${month}`) : t(`${month} 退费`, `Refund for ${month}`)}</Title>
              <Text size="sm" c="dimmed">
                {t(`依据：${preview.policy.name}`, `Per: ${preview.policy.name}`)}
              </Text>
            </div>
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => printDocument(`refund-statement/${encodeCase(submitted)}`)}>
              {t('打印退费计算单', 'Print the statement')}
            </Button>
          </Group>
          {preview.provisional.length > 0 && (
            <Alert color="orange" mb="sm" title={t('暂定结果，不是最终结算', 'Provisional, not final')} data-testid="refund-provisional">
              <List size="sm">
                {preview.provisional.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {preview.questions.length > 0 && (
            <Alert color="yellow" mb="sm" title={t('请核对实缴金额', 'Check the amount paid')} data-testid="refund-questions">
              <List size="sm">
                {preview.questions.map((q) => (
                  <List.Item key={q}>{q}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <RefundLines preview={preview} />
          {preview.whatIf && preview.whatIf.hintsZh.length > 0 && (
            <Alert variant="light" color="yellow" mt="md" icon={<IconBulb size={18} />} title={t('出勤天数的影响', 'How days present matter')}>
              <List size="sm" data-testid="what-if">
                {(lang === 'en' ? preview.whatIf.hintsEn : preview.whatIf.hintsZh).map((hint) => (
                  <List.Item key={hint}>{hint}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Card>
      )}
    </Stack>
  );
}
