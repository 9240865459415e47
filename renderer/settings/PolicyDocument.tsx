import { Loader } from '@mantine/core';
import dayjs from 'dayjs';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { percent, tierRangeZh } from './policy-text';

/** Print route `policy/<id>`: the notice's clauses, and for a copy, its differences from the official text. */
export function PolicyDocument({ args }: { args: string[] }) {
  const { data, error } = useApiQuery('policies.get', { id: args[0] ?? '' });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  return (
    <section className="kd-page">
      <h2 style={{ textAlign: 'center', margin: '0 0 6px' }}>{data.name}</h2>
      <p style={{ textAlign: 'center', fontSize: 11, margin: 0 }}>依据：{data.source}</p>
      {data.derivedFrom && (
        <>
          <h3>与官方文件「{data.derivedFrom.name}」的差异</h3>
          <ol>
            {data.differences.map((d) => (
              <li key={d.path}>{d.descriptionZh}</li>
            ))}
          </ol>
          {data.reason && <p>调整原因：{data.reason}</p>}
        </>
      )}
      <h3>条款</h3>
      <table>
        <tbody>
          {Object.entries(data.policy.clauses).map(([id, clause]) => (
            <tr key={id}>
              <th style={{ width: '10%', verticalAlign: 'top' }}>{id}</th>
              <td>
                <div style={{ fontWeight: 600 }}>
                  {clause.title}
                  <span style={{ fontWeight: 400, fontSize: '0.9em' }}>（{clause.cite}）</span>
                </div>
                <div>{clause.text}</div>
                {Object.values(data.policy.rules)
                  .filter((r) => r.clause === id && r.kind === 'tiers')
                  .flatMap((r) => (r.kind === 'tiers' ? r.tiers.map((tier) => `${tierRangeZh(tier, r.measure)}：退还 ${percent(tier.negotiable ? (tier.defaultRate ?? tier.rate) : tier.rate)}${tier.negotiable ? `（协商，最高 ${percent(tier.rate)}）` : ''}`) : []))
                  .map((line) => (
                    <div key={line}>· {line}</div>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ fontSize: 11, marginTop: 12 }}>打印日期：{dayjs(data.today).format('YYYY年M月D日')}</p>
    </section>
  );
}
