import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { ClassTable, QuestionBlock, SummaryCards } from './ReviewPage';

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

/** `#/print/survey-report/<runId>`: the review as an A4 report with its charts. */
export function SurveyReport({ args }: { args: string[] }) {
  const runId = Number(args[0]);
  const { data, error } = useApiQuery('surveys.review', { runId });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const lowest = data.review.lowestFirst.map((id) => byId.get(id)!);
  const others = data.questions.filter((q) => q.kind === 'nps' || q.kind === 'single' || q.kind === 'multi');
  return (
    <div data-testid="survey-report">
      <section className="kd-page">
        <Title order={3}>{data.run.title} · 分析报告</Title>
        <Text size="sm" mb="sm">
          {data.run.semester} · {data.run.anonymous ? '匿名调查' : '实名调查'}
          {data.previous ? ` · 对比上次：${data.previous.title}` : ''}
        </Text>
        <SummaryCards data={data} />
        <Title order={5} mb={4}>
          各班回收率与分班得分
        </Title>
        <ClassTable data={data} />
      </section>
      <section className="kd-page">
        <Title order={5} mb={4}>
          各项满意度（得分最低的排在最前）
        </Title>
        <Stack gap={6}>
          {lowest.map((q) => (
            <QuestionBlock key={q.id} data={data} question={q} />
          ))}
        </Stack>
      </section>
      <section className="kd-page">
        <Title order={5} mb={4}>
          推荐意愿与选择题
        </Title>
        <SimpleGrid cols={1} spacing={6}>
          {others.map((q) => (
            <QuestionBlock key={q.id} data={data} question={q} />
          ))}
        </SimpleGrid>
        <Title order={5} mt="md" mb={4}>
          持续改进措施
        </Title>
        <table>
          <thead>
            <tr>
              <th>措施</th>
              <th>针对题目</th>
              <th>负责人</th>
              <th>期限</th>
              <th>状态</th>
              <th>效果</th>
            </tr>
          </thead>
          <tbody>
            {data.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{a.questionText}</td>
                <td>{a.owner}</td>
                <td>{a.dueDate}</td>
                <td>{{ planned: '计划中', in_progress: '进行中', done: '已完成' }[a.status] ?? a.status}</td>
                <td>{a.fromPrevious ? `${a.before ?? '—'} → ${a.after ?? '—'}` : `目前 ${a.before ?? '—'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Title order={5} mt="md" mb={4}>
          家长意见与建议（{data.comments.length} 条）
        </Title>
        <ol style={{ fontSize: 11, margin: 0, paddingLeft: 18 }}>
          {data.comments.map((c) => (
            <li key={c.answerId}>
              {c.text}
              {c.tags.length ? `【${c.tags.join('、')}】` : ''}
            </li>
          ))}
        </ol>
        <p data-testid="report-ready" style={{ fontSize: 9, color: '#666' }}>
          说明：回答不足 {data.minGroup} 份的分组不显示结果，以保护家长隐私。
        </p>
      </section>
    </div>
  );
}
