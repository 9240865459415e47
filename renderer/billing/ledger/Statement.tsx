import { Loader, Text } from '@mantine/core';
import { ENTRY_KIND_LABELS, type EntryKind } from '../../../core/billing/statement';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

const arg = (value: string | undefined) => (value && value !== '-' && value !== 'all' ? value : null);

/** What a balance means on paper. */
const meaning = (balance: string) => (balance.startsWith('-') ? `预收结余 ${balance.slice(1)} 元` : balance === '0.00' ? '已结清' : `应缴 ${balance} 元`);

/**
 * 家庭账户对账单 (print route `statement/<household>/<child|all>/<from|->/<to|->`):
 * opening balance, every entry of the period with the running balance, closing balance.
 */
export function Statement({ args }: { args: string[] }) {
  const householdId = Number(args[0]);
  const valid = Number.isInteger(householdId) && householdId > 0;
  const childId = arg(args[1]);
  const { data, error } = useApiQuery(
    'ledger.account',
    { householdId, childId: childId ? Number(childId) : null, from: arg(args[2]), to: arg(args[3]) },
    { enabled: valid },
  );
  if (!valid) return <Text p="xl">对账单参数有误，请从「收费 → 家庭账户」重新打印。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  const child = data.children.find((c) => c.id === data.childId);
  return (
    <section className="kd-page" data-testid="statement">
      <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>{data.kindergartenName}</h2>
      <h3 style={{ textAlign: 'center', margin: '0 0 10px', letterSpacing: 4 }}>家庭账户对账单</h3>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '14%' }}>家庭</th>
            <td>{data.children.map((c) => `${c.name}（${c.className}）`).join('、')}</td>
            <th style={{ width: '14%' }}>期间</th>
            <td style={{ width: '30%' }}>
              {data.from ?? '建账起'} 至 {data.to ?? data.today}
              {child && `（仅 ${child.name}）`}
            </td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th style={{ width: '11%' }}>日期</th>
            <th style={{ width: '8%' }}>类别</th>
            <th style={{ width: '9%' }}>幼儿</th>
            <th>摘要</th>
            <th style={{ width: '11%' }}>金额（元）</th>
            <th style={{ width: '11%' }}>余额（元）</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{data.from ?? ''}</td>
            <th colSpan={4} style={{ textAlign: 'left' }}>
              期初余额
            </th>
            <td style={{ textAlign: 'right' }}>{data.opening}</td>
          </tr>
          {data.entries.map((e) => (
            <tr key={e.id}>
              <td>{e.entryDate}</td>
              <td>{ENTRY_KIND_LABELS[e.kind as EntryKind]?.[0] ?? e.kind}</td>
              <td>{e.childName ?? ''}</td>
              <td>{e.description}</td>
              <td style={{ textAlign: 'right' }}>{e.amount}</td>
              <td style={{ textAlign: 'right' }}>{e.balance}</td>
            </tr>
          ))}
          <tr>
            <td>{data.to ?? data.today}</td>
            <th colSpan={4} style={{ textAlign: 'left' }}>
              期末余额（本期增加 {data.debits} 元，减少 {data.credits} 元）：{meaning(data.closing)}
            </th>
            <th style={{ textAlign: 'right' }} data-testid="statement-closing">
              {data.closing}
            </th>
          </tr>
        </tbody>
      </table>
      <p style={{ fontSize: 10, marginTop: 8 }}>金额为正数表示家庭应缴，负数表示缴费、减免或退费；余额为负数表示预收结余，将抵扣以后的缴费通知单。打印日期：{data.today}。</p>
      <table style={{ marginTop: 20, border: 'none' }}>
        <tbody>
          <tr>
            <td style={{ border: 'none' }}>经办人：________________</td>
            <td style={{ border: 'none' }}>家长确认：________________</td>
            <td style={{ border: 'none' }}>幼儿园（盖章）</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
