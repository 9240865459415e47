import { Button, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { REPORT_KINDS, REPORT_PERIODS, type ReportKind } from '../../core/reports/document';
import { api, errorMessage } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { navigate } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { downloadBase64 } from '../families/shared';
import { useLang, useT } from '../i18n';
import { printDocument } from '../print/print';
import { PeriodField } from './PeriodField';
import { CheckLines, ReportTables } from './ReportTables';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Short names for the tabs; the report itself carries its full title. */
const TAB_LABELS: Record<ReportKind, [string, string]> = {
  income: ['收费汇总', 'Income'],
  cashbook: ['收款日记账', 'Cash book'],
  reductions: ['减免统计', 'Reductions'],
  prepaid: ['预收款', 'Prepaid'],
  arrears: ['欠费账龄', 'Arrears'],
  annual: ['年度收费报告', 'Annual report'],
  attendance: ['出勤月报', 'Attendance'],
};

/** The period in the route if this report takes that kind of period, else this month (this year for the annual report). */
function periodFor(kind: ReportKind, asked: string | undefined, today: string): string {
  const allowed = REPORT_PERIODS[kind];
  if (asked && /^\d{4}(-\d{2})?$/.test(asked) && allowed.includes(asked.length === 4 ? 'year' : 'month')) return asked;
  return allowed.includes('month') ? today.slice(0, 7) : today.slice(0, 4);
}

/** `#/reports/<kind>/<YYYY-MM | YYYY>`: each report on screen with its check lines, to .xlsx and to print / PDF. */
export function ReportsPage({ path }: { path: string[] }) {
  const t = useT();
  const status = useApiQuery('attendance.calendarStatus', {});
  const kind = (REPORT_KINDS as readonly string[]).includes(path[0] ?? '') ? (path[0] as ReportKind) : 'income';
  const today = status.data?.today;
  return (
    <>
      <PageHeader
        title={t('报表', 'Reports')}
        description={t('每张报表都附核对行：收费 − 减免 − 退费 = 净应收；期初余额 + 净应收 − 收款 + 付出 = 期末余额（各户余额合计，结余为负）。', 'Each report shows its check line: charges − reductions − refunds = net charged; opening + net − in + out = closing (household balances summed, credit negative).')}
      />
      <Tabs value={kind} onChange={(v) => v && navigate(`/reports/${v}${today ? `/${periodFor(v as ReportKind, path[1], today)}` : ''}`)} keepMounted={false} mb="md">
        <Tabs.List>
          {REPORT_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`report-tab-${k}`}>
              {t(...TAB_LABELS[k])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <ErrorAlert error={status.error} />
      {today ? <Report kind={kind} period={periodFor(kind, path[1], today)} today={today} /> : !status.error && <Loader />}
    </>
  );
}

function Report({ kind, period, today }: { kind: ReportKind; period: string; today: string }) {
  const t = useT();
  const { lang } = useLang();
  const { data, error, loading } = useApiQuery('reports.get', { kind, period });
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await api('reports.export', { kind, period });
      downloadBase64(file.fileName, file.base64, XLSX);
      notifications.show({ color: 'green', message: t(`已导出 ${file.fileName}`, `Exported ${file.fileName}`) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, lang) });
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Group align="flex-end" mb="md" wrap="wrap" justify="space-between">
        <PeriodField value={period} allowed={REPORT_PERIODS[kind]} today={today} onChange={(p) => navigate(`/reports/${kind}/${p}`)} />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportXlsx()} disabled={!data} data-testid="report-export">
            {t('导出 Excel', 'Export to Excel')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void printDocument(`report/${kind}/${period}`)} disabled={!data} data-testid="report-print">
            {t('打印 / PDF', 'Print / PDF')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data && <Loader />}
      {data && (
        <div data-testid="report">
          <Title order={4}>{t(...data.title)}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t(
              `${data.kindergartenName} · ${data.periodLabel[0]} · 数据截至 ${data.asOf}`,
              `${data.kindergartenName} · ${data.periodLabel[1]} · figures as of ${data.asOf}`,
            )}
          </Text>
          {data.empty ? (
            <EmptyState icon={<IconChartBar />} title={t(...data.empty.title)}>
              {t(...data.empty.hint)}
            </EmptyState>
          ) : (
            <>
              <CheckLines checks={data.checks} />
              <ReportTables doc={data} />
            </>
          )}
        </div>
      )}
    </>
  );
}
