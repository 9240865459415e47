import { IconCoinYuan } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';

/** Billing and month-end settlement come after families and attendance (see the issues). */
export function BillingPage(_: { path: string[] }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t('收费', 'Fees')} />
      <EmptyState icon={<IconCoinYuan />} title={t('收费与结算尚未开通', 'Fees and settlement are not available yet')}>
        {t(
          '开具收费通知、登记缴费、月末结算和按收费文件自动退费将在后续版本提供。在此之前，请先在「幼儿与家长」中完善幼儿的收费方式（按月或按学期），并每天点名，结算时将直接使用这些数据。',
          'Fee notices, payments, month-end settlement and automatic refunds come in a later version. Meanwhile, record each child’s billing mode under Children & families and take the roll every day: settlement will use that data.',
        )}
      </EmptyState>
    </>
  );
}
