import { IconChartBar } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n';

export function ReportsPage(_: { path: string[] }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t('报表', 'Reports')} />
      <EmptyState icon={<IconChartBar />} title={t('报表尚未开通', 'Reports are not available yet')}>
        {t(
          '收费汇总、退费明细和年度收费报告将随收费功能一同提供。考勤率图表可在「考勤」中查看，满意度分析可在「满意度调查」中查看。',
          'Fee summaries, refund details and the annual fee report come with billing. Attendance charts are under Attendance; survey analysis is under Surveys.',
        )}
      </EmptyState>
    </>
  );
}
