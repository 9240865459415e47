import { Alert, Stack } from '@mantine/core';
import { useCan } from '../app/session';
import { CalendarWarning } from '../attendance/CalendarWarning';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';
import { ChargingCheck } from './ChargingCheck';
import { RefundCalculator } from './RefundCalculator';

/**
 * Fees. Bills, payments and month-end settlement come after families and
 * attendance (see the issues); the refund calculator works today.
 */
export function BillingPage(_: { path: string[] }) {
  const t = useT();
  const canCheckStandards = useCan('principal', 'finance');
  return (
    <>
      <PageHeader title={t('收费', 'Fees')} description={t('按本园适用的收费文件计算退费，逐项列出依据条款和说明。', 'Refunds per the fee notice in force, line by line with clauses.')} />
      {/* Refunds need W of the month: the same warning as on the attendance screens. */}
      <CalendarWarning />
      <Alert variant="light" mb="md" title={t('收费通知、缴费登记与月末结算尚未开通', 'Bills, payments and month-end settlement are not available yet')}>
        {t(
          '下面的退费试算不会记账，可放心使用：用它核对退费、打印给家长的退费计算单。开具收费通知、登记缴费和月末结算将在后续版本提供，届时直接使用这里的计算。',
          'The calculator below records nothing: use it to check refunds and print the statement for parents. Bills, payments and month-end settlement come in a later version and will use the same engine.',
        )}
      </Alert>
      <Stack>
        <RefundCalculator />
        {canCheckStandards && <ChargingCheck />}
      </Stack>
    </>
  );
}
