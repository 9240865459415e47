import { Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { ClassTable } from './review/ClassTable';
import { HeldNotice } from './review/ReviewPage';
import { Highlights } from './review/Highlights';
import { QuestionBlock } from './review/QuestionBlock';
import { SummaryCards } from './review/SummaryCards';
import { ACTION_STATUS } from './labels';

/** `#/print/survey-blank/<runId>/<firstNo>/<count>/<classId|0>`: numbered paper questionnaires, one A4 sheet each. */
export function BlankQuestionnaire({ args }: { args: string[] }) {
  const [runId, first, count, classId] = args.map(Number);
  const { data: run, error } = useApiQuery('surveys.run', { runId: runId ?? 0 });
  if (error) return <ErrorAlert error={error} />;
  if (!run) return null;
  const className = run.classes.find((c) => c.id === classId)?.name;
  const numbers = Array.from({ length: Math.min(300, Math.max(1, count ?? 1)) }, (_, i) => (first ?? 1) + i);
  let section = '';
  return (
    <>
      {numbers.map((no) => (
        <section className="kd-page kd-questionnaire" key={no} data-testid="blank-questionnaire">
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
            <h2 style={{ margin: 0, fontSize: 17 }}>{run.title}</h2>
            <div style={{ fontSize: 14, border: '1px solid #000', padding: '1px 6px' }}>No. {String(no).padStart(4, '0')}</div>
          </div>
          <p style={{ fontSize: 11, margin: '4px 0 6px' }}>
            尊敬的家长：感谢您抽出几分钟填写这份问卷，请在符合您想法的格子里打“√”。
            {run.anonymous ? '问卷不记名，请勿填写姓名；结果只按 5 份以上汇总统计。' : ''}
            班级：{className ?? '________'}
          </p>
          <table>
            <tbody>
              {run.questions.map((q, i) => {
                const head = q.section && q.section !== section;
                section = q.section;
                return [
                  head ? (
                    <tr key={`s${q.id}`}>
                      <th colSpan={2} style={{ textAlign: 'left', background: '#eee' }}>
                        {q.section}
                      </th>
                    </tr>
                  ) : null,
                  <tr key={q.id}>
                    <td style={{ width: '46%' }}>
                      {i + 1}. {q.text}
                    </td>
                    <td>
                      {q.kind === 'text' ? (
                        <div style={{ height: 90 }} />
                      ) : q.kind === 'nps' ? (
                        Array.from({ length: 11 }, (_, s) => `□${s}`).join('  ')
                      ) : (
                        q.options.map((o, k) => `□${q.kind === 'rating' ? k + 1 : ''}${o}`).join('  ')
                      )}
                    </td>
                  </tr>,
                ];
              })}
            </tbody>
          </table>
          <p style={{ fontSize: 10, marginTop: 6 }}>填好后请交回班级老师或前台。谢谢您的支持！</p>
        </section>
      ))}
    </>
  );
}

/**
 * `#/print/survey-report/<runId>`: the review as an A4 report with its charts.
 * One flowing page sequence (blocks never split across pages) so page 1 is
 * not left half empty; it follows the screen's language, since the principal
 * reads it.
 */
export function SurveyReport({ args }: { args: string[] }) {
  const t = useT();
  const runId = Number(args[0]);
  const { data, error } = useApiQuery('surveys.review', { runId });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  if (data.held) {
    return (
      <section className="kd-page">
        <HeldNotice data={data} />
      </section>
    );
  }
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const lowest = data.review.lowestFirst.map((id) => byId.get(id)!);
  // The 0–10 question first, as on the screen, then the choice questions.
  const others = [...data.questions.filter((q) => q.kind === 'nps'), ...data.questions.filter((q) => q.kind === 'single' || q.kind === 'multi')];
  const heading = (zh: string, en: string) => (
    <Title order={5} mt="sm" mb={4} style={{ breakAfter: 'avoid' }}>
      {t(zh, en)}
    </Title>
  );
  return (
    <section className="kd-page" data-testid="survey-report">
      <Title order={3}>
        {data.run.title} · {t('分析报告', 'report')}
      </Title>
      <Text size="sm" mb="sm">
        {data.run.semester} · {data.run.anonymous ? t('匿名调查', 'Anonymous') : t('实名调查', 'Named')}
        {data.previous ? ` · ${t('对比上次', 'Compared with')}：${data.previous.title}` : ''} · {t('打印日期', 'Printed')} {data.today}
      </Text>
      <SummaryCards data={data} />
      <Highlights data={data} />
      {heading('各班回收率与分班得分', 'Response rate and scores by class')}
      <ClassTable data={data} />
      {heading('各项满意度（得分最低的排在最前）', 'Satisfaction by question (lowest first)')}
      <Stack gap={6}>
        {lowest.map((q) => (
          <QuestionBlock key={q.id} data={data} question={q} />
        ))}
      </Stack>
      {heading('推荐意愿与选择题', 'Recommendation and choice questions')}
      <Stack gap={6}>
        {others.map((q) => (
          <QuestionBlock key={q.id} data={data} question={q} />
        ))}
      </Stack>
      {heading('持续改进措施', 'Improvement actions')}
      {data.actions.length === 0 ? (
        <Text size="sm">{t('暂无改进措施。', 'No actions yet.')}</Text>
      ) : (
        <table style={{ breakInside: 'avoid' }}>
          <thead>
            <tr>
              <th>{t('措施', 'Action')}</th>
              <th>{t('针对题目', 'Question')}</th>
              <th>{t('负责人', 'Owner')}</th>
              <th>{t('期限', 'Due')}</th>
              <th>{t('状态', 'Status')}</th>
              <th>{t('效果', 'Effect')}</th>
            </tr>
          </thead>
          <tbody>
            {data.actions.map((a) => {
              const status = ACTION_STATUS[a.status];
              return (
                <tr key={a.id}>
                  <td>
                    {a.title}
                    {a.fromPrevious ? t('（上次调查提出）', ' (from last survey)') : ''}
                  </td>
                  <td>{a.questionText}</td>
                  <td>{a.owner}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{a.dueDate}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{status ? t(status[0], status[1]) : a.status}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    {a.fromPrevious ? `${a.before ?? '—'} → ${a.after ?? '—'}${a.change ? ` ${changeWord(a.change, t)}` : ''}` : `${t('目前', 'Now')} ${a.before ?? '—'}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {heading(`家长意见与建议（${data.comments.length} 条）`, `Comments (${data.comments.length})`)}
      <ol style={{ fontSize: 11, margin: 0, paddingLeft: 22 }}>
        {data.comments.map((c) => (
          <li key={c.key}>
            {c.text}
            {c.tags.length ? `【${c.tags.join('、')}】` : ''}
          </li>
        ))}
      </ol>
      <p data-testid="report-ready" style={{ fontSize: 9, color: '#666' }}>
        {t(
          `说明：回答不足 ${data.minGroup} 份的分组不显示结果，以保护家长隐私。推荐指数 = 打 9–10 分的家长占比 − 打 0–6 分的占比。`,
          `Groups with fewer than ${data.minGroup} answers are not shown, to protect parents. Recommendation score = % scoring 9–10 − % scoring 0–6.`,
        )}
      </p>
    </section>
  );
}

function changeWord(change: { direction: string; delta: number }, t: (zh: string, en: string) => string) {
  const sign = change.delta > 0 ? '+' : '';
  const word = change.direction === 'up' ? t('上升', 'up') : change.direction === 'down' ? t('下降', 'down') : t('持平', 'unchanged');
  return `${word} ${sign}${change.delta}`;
}
