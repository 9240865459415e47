import { Loader } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { BoardItem } from '../../../core/reports/fee-board';

function Items({ items }: { items: BoardItem[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th style={{ width: '13%' }}>收费项目</th>
          <th style={{ width: '16%' }}>收费对象</th>
          <th style={{ width: '10%' }}>收费标准（元）</th>
          <th style={{ width: '11%' }}>计费单位</th>
          <th style={{ width: '11%' }}>执行日期</th>
          <th>收费依据</th>
          <th style={{ width: '20%' }}>说明</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={`${i.label}-${i.forWhom[0]}-${i.appliesFrom}`}>
            <td>{i.label === i.item[0] ? i.label : `${i.item[0]}：${i.label}`}</td>
            <td>{i.forWhom[0]}</td>
            <td style={{ textAlign: 'right' }}>{i.amount}</td>
            <td>{i.unit[0]}</td>
            <td>{i.appliesFrom}</td>
            <td>{i.basis.length > 0 ? i.basis.join('；') : '—'}</td>
            <td>{i.note?.[0] ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 收费公示 (print route `fee-board`): for the board at the gate, as seeds 002
 * and 004 require — items, standards, units, basis, reductions, refunds, the
 * complaint telephone, the date. Always in Chinese.
 */
export function FeeBoardPrint() {
  const { data, error } = useApiQuery('reports.feeBoard', {});
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  const [y, m, d] = data.date.split('-').map(Number);
  return (
    <section className="kd-page kd-fee-board">
      <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>{data.kindergartenName}</h2>
      <h2 style={{ textAlign: 'center', margin: '0 0 10px', letterSpacing: 6 }}>收费公示</h2>
      <p style={{ fontSize: 12 }}>
        收费主体：{data.kindergartenName}　收费对象：在园幼儿　收费依据：{data.policyName}（{data.policySource}）
      </p>
      {data.items.length === 0 ? (
        <p>尚未设置收费标准。请到 收费 → 收费标准 录入后再打印公示。</p>
      ) : (
        <Items items={data.items} />
      )}
      {data.upcoming.length > 0 && (
        <>
          <h4 style={{ margin: '10px 0 4px' }}>将于以后执行的收费标准（提前公示）</h4>
          <Items items={data.upcoming} />
        </>
      )}
      {data.reductions.length > 0 && (
        <>
          <h4 style={{ margin: '10px 0 4px' }}>减免优惠</h4>
          <table>
            <tbody>
              {data.reductions.map((r) => (
                <tr key={r.label}>
                  <td style={{ width: '40%' }}>{r.label}</td>
                  <td style={{ width: '25%' }}>{r.rate[0]}</td>
                  <td>{r.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h4 style={{ margin: '10px 0 4px' }}>退费规定</h4>
      <ol style={{ fontSize: 11, margin: 0, paddingLeft: 18 }}>
        {data.refunds.map((r) => (
          <li key={r.clause}>
            {r.cite}（{r.clause}）：{r.text}
          </li>
        ))}
      </ol>
      <p style={{ fontSize: 11, marginTop: 8 }}>本园不收取上述以外的任何费用。服务性收费和代收费遵循家长自愿原则，据实收取、及时结算、定期公布。</p>
      <p style={{ fontSize: 13, marginTop: 10 }} data-testid="board-phone">
        收费监督电话：{data.complaintPhone || '______________________'}
      </p>
      <p style={{ textAlign: 'right', marginTop: 24 }}>
        {data.kindergartenName}（盖章）
        <br />
        {y}年{m}月{d}日
      </p>
    </section>
  );
}
