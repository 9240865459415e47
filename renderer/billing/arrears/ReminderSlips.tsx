import { Loader, Text } from '@mantine/core';
import { formatFen, parseFen } from '../../../core/money';
import { amountInWords } from '../../../core/print/amount-words';
import type { Api } from '../../../electron/api/index';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import '../payments/receipt.css';

type Row = Api['ledger.arrears']['output']['rows'][number];

/**
 * 缴费提醒单 (print route `arrears-reminders/<class|all>`): one slip per family
 * with its overdue bills, the total in figures and 大写, and how to pay; two
 * A5 slips to an A4 sheet. Always Chinese: it goes home with the child.
 */
export function ReminderSlips({ args }: { args: string[] }) {
  const classId = args[0] && args[0] !== 'all' ? Number(args[0]) : null;
  const { data, error } = useApiQuery('ledger.arrears', { classId });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  const families = [...new Map(data.rows.map((r) => [r.householdId, data.rows.filter((x) => x.householdId === r.householdId)])).values()];
  if (families.length === 0) return <Text p="xl">没有逾期未缴的缴费通知单，无需打印催缴单。</Text>;
  const sheets: Row[][][] = [];
  for (let i = 0; i < families.length; i += 2) sheets.push(families.slice(i, i + 2));
  return (
    <>
      {sheets.map((pair) => (
        <section key={pair[0]![0]!.householdId} className="kd-page kd-receipt-sheet">
          {pair.map((rows, i) => (
            <div key={rows[0]!.householdId}>
              {i === 1 && <div className="kd-receipt-cut">✂ 沿此线剪开</div>}
              <Slip kindergarten={data.kindergartenName} today={data.today} rows={rows} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function Slip({ kindergarten, today, rows }: { kindergarten: string; today: string; rows: Row[] }) {
  const total = formatFen(rows.reduce((s, r) => s + parseFen(r.outstanding), 0));
  const guardian = rows[0]!.guardian;
  return (
    <div className="kd-receipt-copy" data-testid="reminder-slip">
      <h3>{kindergarten} 缴费提醒</h3>
      <p style={{ fontSize: 12, margin: '0 0 2mm' }}>
        尊敬的{guardian ? `${guardian.name}` : ''}家长：您好！截至 {today}，{[...new Set(rows.map((r) => `${r.childName}（${r.className}）`))].join('、')}的以下费用已过缴费期限，尚未缴清：
      </p>
      <table>
        <thead>
          <tr>
            <th>幼儿</th>
            <th>期间</th>
            <th>缴费通知单</th>
            <th>缴费期限</th>
            <th>已逾期</th>
            <th>应缴（元）</th>
            <th>已缴（元）</th>
            <th>欠费（元）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.billId}>
              <td>{r.childName}</td>
              <td>{r.period}</td>
              <td>{r.number}</td>
              <td>{r.dueOn}</td>
              <td>{r.daysOverdue} 天</td>
              <td style={{ textAlign: 'right' }}>{r.totalDue}</td>
              <td style={{ textAlign: 'right' }}>{r.paid}</td>
              <td style={{ textAlign: 'right' }}>{r.outstanding}</td>
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td colSpan={6}>人民币（大写）：{amountInWords(total)}</td>
            <th style={{ textAlign: 'right' }}>¥{total}</th>
          </tr>
        </tbody>
      </table>
      <p style={{ fontSize: 11, margin: '3mm 0 0' }}>
        请尽快到园前台缴纳（现金、微信、支付宝、银行转账或 POS 刷卡均可），缴费后请保管好收据。如已缴纳或对金额有疑问，请与前台联系核对，谢谢配合！
      </p>
      <div className="kd-receipt-sign">
        <span>打印日期：{today}</span>
        <span>{kindergarten}（盖章）</span>
      </div>
    </div>
  );
}
