import { Loader, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 收费协议 (print route `fee-agreement/<childId>`), signed at enrolment (seed
 * 004, 2.2): charging method, standard, period and services, with the refund
 * and reduction rules of the notice. Always in Chinese: the parent signs it.
 */
export function FeeAgreementPrint({ args }: { args: string[] }) {
  const childId = Number(args[0]);
  const valid = Number.isInteger(childId) && childId > 0;
  const { data, error } = useApiQuery('reports.feeAgreement', { childId }, { enabled: valid });
  if (!valid) return <Text p="xl">协议参数有误，请从幼儿档案重新打印。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  const { child } = data;
  const [y, m, d] = data.date.split('-').map(Number);
  const parents = data.guardians.map((g) => `${g.name}（${g.relationship}）`).join('、') || '　';
  return (
    <section className="kd-page kd-fee-agreement" style={{ fontSize: 12 }}>
      <h2 style={{ textAlign: 'center', margin: '0 0 12px', letterSpacing: 4 }}>{data.kindergartenName}收费协议</h2>
      <p>
        甲方（幼儿园）：{data.kindergartenName}
        <br />
        乙方（幼儿监护人）：{parents}
      </p>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '14%' }}>幼儿姓名</th>
            <td>{child.name}</td>
            <th style={{ width: '14%' }}>性别</th>
            <td>{child.gender === 'F' ? '女' : '男'}</td>
            <th style={{ width: '14%' }}>出生日期</th>
            <td>{child.birthDate}</td>
          </tr>
          <tr>
            <th>班级</th>
            <td>{child.className}</td>
            <th>入园日期</th>
            <td>{child.enrolledOn}</td>
            <th>减免</th>
            <td>{data.reduction ? `${data.reduction.label}，${data.reduction.rate}` : '无'}</td>
          </tr>
        </tbody>
      </table>
      <p style={{ margin: '10px 0 4px' }}>
        <strong>一、收费方式：</strong>
        {data.method}
      </p>
      <p style={{ margin: '4px 0' }}>
        <strong>二、收费期限：</strong>
        {data.period}
      </p>
      <p style={{ margin: '4px 0' }}>
        <strong>三、服务项目与收费标准：</strong>
      </p>
      {data.problems.length > 0 && (
        <div className="kd-no-print" data-testid="agreement-problems" style={{ color: '#b00', fontSize: 12 }}>
          {data.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {data.items.length === 0 ? (
        <p>尚未设置收费标准，请先到 收费 → 收费标准 录入。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th style={{ width: '18%' }}>项目</th>
              <th>服务内容</th>
              <th style={{ width: '12%' }}>标准（元）</th>
              <th style={{ width: '13%' }}>计费单位</th>
              <th style={{ width: '22%' }}>依据</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={`${i.key}-${i.label}`}>
                <td>
                  {i.label}
                  {i.optional ? '（自愿）' : ''}
                </td>
                <td>{i.service}</td>
                <td style={{ textAlign: 'right' }}>{i.amount}</td>
                <td>{i.unit[0]}</td>
                <td>{i.basis.join('；') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(data.reduction || data.reductions.length > 0) && (
        <p style={{ margin: '8px 0 4px' }}>
          <strong>四、减免：</strong>
          {data.reduction && `幼儿属${data.reduction.label}，依据${data.reduction.clause}${data.reduction.rate}，乙方须提供有效证明。`}
          {data.reductions.filter((r) => !data.reduction || !r.includes(data.reduction.label)).join('；')}
        </p>
      )}
      <p style={{ margin: '8px 0 4px' }}>
        <strong>{data.reduction || data.reductions.length > 0 ? '五' : '四'}、退费：</strong>按以下规定办理，退费单逐项列明依据条款和计算过程：
      </p>
      <ol style={{ margin: 0, paddingLeft: 18, fontSize: 11 }}>
        {data.refunds.map((r) => (
          <li key={r.cite}>
            {r.cite}：{r.text}
          </li>
        ))}
      </ol>
      <p style={{ margin: '8px 0 4px' }}>
        <strong>{data.reduction || data.reductions.length > 0 ? '六' : '五'}、其他：</strong>
        甲方不收取公示项目以外的费用；收费标准调整的，按收费文件规定提前公示。对收费有疑问的，可拨打收费监督电话：{data.complaintPhone || '______________'}。本协议一式两份，甲乙双方各执一份，自签字之日起生效。
      </p>
      <table style={{ marginTop: 28, border: 'none' }}>
        <tbody>
          <tr>
            <td style={{ border: 'none', width: '50%' }}>甲方（盖章）：________________</td>
            <td style={{ border: 'none' }}>乙方（签字）：________________</td>
          </tr>
          <tr>
            <td style={{ border: 'none', paddingTop: 14 }}>
              日期：{y}年{m}月{d}日
            </td>
            <td style={{ border: 'none', paddingTop: 14 }}>日期：______年____月____日</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
