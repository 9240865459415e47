import { Loader, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FEE_ITEM_LABELS } from '../labels';

const cell = { border: 'none' } as const;

/**
 * 退费结算单 (print route `withdrawal-statement/<settlementId>`): the final
 * settlement of a child who left, line by line with clause and sentence, the
 * amounts in figures and 大写, the date by which it is paid (10 working days,
 * seed 003) and the three signatures. Always Chinese: a document for the parent.
 */
export function WithdrawalStatement({ args }: { args: string[] }) {
  const settlementId = Number(args[0]);
  const valid = Number.isInteger(settlementId) && settlementId > 0;
  const { data, error } = useApiQuery('settlement.statement', { settlementId }, { enabled: valid });
  if (!valid) return <Text p="xl">结算单编号有误，请从「收费 → 月结与退费 → 退园结算」重新打印。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  return (
    <section className="kd-page kd-withdrawal-statement">
      <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>{data.kindergartenName}</h2>
      <h3 style={{ textAlign: 'center', margin: '0 0 12px', letterSpacing: 4 }}>退费结算单</h3>
      <p style={{ textAlign: 'right', fontSize: 11, margin: '0 0 4px' }}>结算编号：TJ-{String(data.settlementId).padStart(6, '0')}</p>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '14%' }}>幼儿姓名</th>
            <td>{data.child.name}</td>
            <th style={{ width: '14%' }}>班级</th>
            <td>{data.child.className}</td>
          </tr>
          <tr>
            <th>退园日期</th>
            <td>{data.leftOn}（自该日起不再来园）</td>
            <th>退园原因</th>
            <td>{data.reason}</td>
          </tr>
          <tr>
            <th>家长</th>
            <td>{data.guardians.join('、')}</td>
            <th>结算日期</th>
            <td>{data.bookedAt.slice(0, 10)}</td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: 10 }}>
        <thead>
          <tr>
            <th style={{ width: '9%' }}>月份</th>
            <th style={{ width: '8%' }}>项目</th>
            <th style={{ width: '10%' }}>计费基数</th>
            <th style={{ width: '10%' }}>本次退费</th>
            <th style={{ width: '8%' }}>依据条款</th>
            <th>计算说明</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: printed lines have no id and never reorder
            <tr key={i}>
              <td>{l.month}</td>
              <td>{FEE_ITEM_LABELS[l.item]?.[0] ?? l.item}</td>
              <td style={{ textAlign: 'right' }}>{l.base}</td>
              <td style={{ textAlign: 'right' }}>{l.booked}</td>
              <td>{l.clause}</td>
              <td>{l.explanation}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={3}>退费合计</th>
            <th style={{ textAlign: 'right' }} data-testid="statement-total">
              {data.total}
            </th>
            <td colSpan={2}>人民币（大写）：{data.totalWords}</td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: 10 }}>
        <tbody>
          <tr>
            <th style={{ width: '24%' }}>家庭账户结余</th>
            <td>{data.balance.startsWith('-') ? `多缴 ${data.balance.slice(1)} 元` : `尚欠 ${data.balance} 元`}（已扣除未缴费用）</td>
          </tr>
          <tr>
            <th>应退还家长</th>
            <td data-testid="statement-to-return">
              {data.toReturn} 元　人民币（大写）：{data.toReturnWords}
            </td>
          </tr>
          <tr>
            <th>办结期限</th>
            <td>{data.payBy ? `${data.payBy} 前（退园之日起 10 个工作日内）` : '10 个工作日内（该年度法定日历尚未录入，请按日历确定具体日期）'}</td>
          </tr>
          {data.payouts.length > 0 && (
            <tr>
              <th>已退还</th>
              <td>{data.payouts.map((p) => `${p.paidOn} ${p.receiptNo} ${p.amount} 元${p.voided ? '（作废）' : ''}`).join('；')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p style={{ fontSize: 11, marginTop: 10 }}>
        计算依据：{data.policy.name}，{data.policy.source}。每项金额按条款计算后四舍五入到分；退园当月按退园办理，退园之后所缴期间未在园的费用全额退还。
      </p>
      <table style={{ marginTop: 28, border: 'none' }}>
        <tbody>
          <tr>
            <td style={cell}>园长签字：________________</td>
            <td style={cell}>财务签字：________________</td>
            <td style={cell}>家长签字：________________</td>
          </tr>
          <tr>
            <td style={cell}>日期：________</td>
            <td style={cell}>日期：________</td>
            <td style={cell}>日期：________</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
