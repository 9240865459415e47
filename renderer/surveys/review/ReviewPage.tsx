import { Button } from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { Question } from '../../../core/surveys/types';
import { getSession } from '../../api/client';
import { useApiAction, useApiQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import type { HeldReview } from '../ReviewCharts';
import { ActionModal } from './ActionModal';
import { ReviewBody } from './ReviewBody';

/** Opens the printable report: a PDF through the desktop app, the browser's print dialog otherwise. */
async function exportPdf(runId: number, title: string) {
  const route = `/print/survey-report/${runId}`;
  if (window.kd?.printToPdf) await window.kd.printToPdf(route, getSession(), `${title}.pdf`);
  else window.open(`#${route}`, '_blank');
}

/** The principal's one screen: what parents think, where it got worse, and what is being done. */
export function ReviewPage({ runId }: { runId: number }) {
  const t = useT();
  const { data, error, reload } = useApiQuery('surveys.review', { runId });
  const { run: call } = useApiAction();
  const [actionFor, setActionFor] = useState<Question | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const { run } = data;

  return (
    <>
      <PageHeader
        title={run.title}
        description={`${run.semester} · ${run.anonymous ? t('匿名调查', 'Anonymous') : t('实名调查', 'Named')}${!data.held && data.previous ? ` · ${t('对比上次', 'Compared with')}「${data.previous.title}」` : ''}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/surveys')}>
              {t('返回', 'Back')}
            </Button>
            <Button
              variant="default"
              onClick={async () => {
                const next = run.status === 'open' ? 'closed' : 'open';
                if (await call('surveys.setRunStatus', { runId, status: next }, next === 'closed' ? t('调查已结束', 'Survey closed') : t('调查已重新开启', 'Survey reopened'))) void reload();
              }}
            >
              {run.status === 'open' ? t('结束调查', 'Close survey') : t('重新开启', 'Reopen')}
            </Button>
            <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => void exportPdf(runId, run.title)} data-testid="export-pdf">
              {t('导出 PDF 报告', 'Export PDF report')}
            </Button>
          </>
        }
      />
      {data.held ? (
        <HeldNotice data={data} />
      ) : data.review.responses === 0 ? (
        <EmptyState title={t('还没有答卷', 'No responses yet')}>
          {t('先打印空白问卷发给家长，收回后在“录入”中输入，或导入线上问卷表格。', 'Print blank questionnaires, then enter or import the answers.')}
        </EmptyState>
      ) : (
        <ReviewBody data={data} onAction={setActionFor} onChanged={reload} />
      )}
      {!data.held && <ActionModal data={data} question={actionFor} onClose={() => setActionFor(null)} onSaved={reload} />}
    </>
  );
}

/** An anonymous run still collecting: how many came back, and why the figures wait. */
export function HeldNotice({ data }: { data: HeldReview }) {
  const t = useT();
  return (
    <EmptyState title={t(`已收回 ${data.responses} / ${data.invited} 份问卷`, `${data.responses} of ${data.invited} questionnaires returned`)}>
      <span data-testid="review-held">
        {t(
          '这是匿名调查：结束收集（点“结束调查”）后才显示结果。收集期间若能看到结果，录入一份问卷前后的差别就会暴露这份问卷的答案。结果查看过以后，调查不能再重新开启。',
          'This survey is anonymous: its results appear once collection is closed ("Close survey"). Shown while answers still come in, the change after one questionnaire would give its answers away. Once the results have been viewed, the survey cannot be reopened.',
        )}
      </span>
    </EmptyState>
  );
}
