import { Loader, Text } from '@mantine/core';
import type { Api } from '../../../electron/api/index';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../core/billing/payments';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localTime } from '../money';
import './receipt.css';

type Data = Api['payments.receipts']['output'];
type ReceiptData = Data['receipts'][number];

/**
 * 收据 (print route `receipt/<id>[,<id>…]`): one A4 sheet per receipt with
 * two A5 copies, 存根 for the kindergarten and 家长联 for the parent. A voided
 * receipt keeps its number and prints 作废 with the reason. Always Chinese:
 * it is a document for the parent.
 */
export function Receipt({ args }: { args: string[] }) {
  const ids = (args[0] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const { data, error } = useApiQuery('payments.receipts', { ids }, { enabled: ids.length > 0 });
  if (ids.length === 0) return <Text p="xl">收据参数有误，请从「收费 → 缴费登记」重新打印。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  return (
    <>
      {data.receipts.map((r) => (
        <section key={r.id} className="kd-page kd-receipt-sheet" data-testid="receipt">
          <Copy kindergarten={data.kindergartenName} receipt={r} copy="存根" />
          <div className="kd-receipt-cut">✂ 沿此线剪开 · 上联存根由幼儿园留存，下联交家长</div>
          <Copy kindergarten={data.kindergartenName} receipt={r} copy="家长联" />
        </section>
      ))}
    </>
  );
}

function Copy({ kindergarten, receipt: r, copy }: { kindergarten: string; receipt: ReceiptData; copy: string }) {
  const children = r.allocations.length > 0 ? [...new Set(r.allocations.map((a) => `${a.childName}（${a.className}）`))] : r.children.map((c) => `${c.name}（${c.className}）`);
  return (
    <div className="kd-receipt-copy">
      {r.void && <div className="kd-receipt-void">作废</div>}
      <h3>
        {kindergarten} 收费收据
        <span style={{ fontSize: 12, letterSpacing: 0, marginLeft: 8 }}>（{copy}）</span>
      </h3>
      <div className="kd-receipt-meta">
        <span>缴费日期：{r.paidOn}</span>
        <span>
          收据号：<b data-testid="receipt-no">{r.receiptNo}</b>
        </span>
      </div>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '14%' }}>幼儿</th>
            <td>{children.join('、')}</td>
            <th style={{ width: '14%' }}>缴费方式</th>
            <td style={{ width: '30%' }}>
              {PAYMENT_METHOD_LABELS[r.method as PaymentMethod]?.[0] ?? r.method}
              {r.reference && <span style={{ fontSize: 10 }}> {r.reference}</span>}
            </td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: '2mm' }}>
        <thead>
          <tr>
            <th style={{ width: '14%' }}>幼儿</th>
            <th>缴费项目</th>
            <th style={{ width: '22%' }}>期间</th>
            <th style={{ width: '18%' }}>缴费通知单</th>
            <th style={{ width: '14%' }}>金额（元）</th>
          </tr>
        </thead>
        <tbody>
          {r.allocations.map((a) => (
            <tr key={a.billId}>
              <td>{a.childName}</td>
              <td>
                {a.items.join('、')}
                {a.reductions.length > 0 && <span style={{ fontSize: 10 }}>（已减免：{a.reductions.join('、')}）</span>}
              </td>
              <td>{a.period}</td>
              <td>{a.billNumber}</td>
              <td style={{ textAlign: 'right' }}>{a.amount}</td>
            </tr>
          ))}
          {r.credit !== '0.00' && (
            <tr>
              <td colSpan={4}>预收款（存入家庭账户，抵扣以后的缴费通知单）</td>
              <td style={{ textAlign: 'right' }}>{r.credit}</td>
            </tr>
          )}
          <tr>
            <th>合计</th>
            <td colSpan={3}>人民币（大写）：{r.amountInWords}</td>
            <th style={{ textAlign: 'right' }} data-testid="receipt-amount">
              ¥{r.amount}
            </th>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: '2mm' }}>
        <tbody>
          <tr>
            <th style={{ width: '22%' }}>发票 / 财政票据号码</th>
            <td>{r.invoiceNo ?? '　'}</td>
            <th style={{ width: '12%' }}>备注</th>
            <td style={{ width: '30%' }}>{r.note || '　'}</td>
          </tr>
          {r.void && (
            <tr>
              <th>作废</th>
              <td colSpan={3}>
                本收据已作废，款项已冲回家庭账户。原因：{r.void.reason}（{r.void.voidedByName}，{localTime(r.void.voidedAt)}）
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="kd-receipt-sign">
        <span>收款人：{r.receivedByName}</span>
        <span>交款人：{r.payerName || '________'}</span>
        <span>收款单位（盖章）：</span>
      </div>
      <p style={{ fontSize: 9, margin: '2mm 0 0', color: '#555' }}>本收据由园务通开具，编号连续、不重复；正式发票或财政票据另行开具，号码登记于上栏。</p>
    </div>
  );
}
