import { Loader, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

const cell = { border: 'none' } as const;

/** 退费收据 (print route `payout-receipt/<paymentId>`): money paid back to a family, with its TK number. */
export function PayoutReceipt({ args }: { args: string[] }) {
  const paymentId = Number(args[0]);
  const valid = Number.isInteger(paymentId) && paymentId > 0;
  const { data, error } = useApiQuery('settlement.payoutReceipt', { paymentId }, { enabled: valid });
  if (!valid) return <Text p="xl">收据编号有误。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  return (
    <section className="kd-page kd-payout-receipt">
      <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>{data.kindergartenName}</h2>
      <h3 style={{ textAlign: 'center', margin: '0 0 12px', letterSpacing: 4 }}>
        退费收据{data.voided ? '（作废）' : ''}
      </h3>
      <p style={{ textAlign: 'right', fontSize: 11 }}>No. {data.receiptNo}</p>
      {data.voided && (
        <p data-testid="payout-void" style={{ border: '2px solid #c00', color: '#c00', padding: '4px 8px', fontWeight: 'bold', textAlign: 'center', letterSpacing: 2 }}>
          作废（{data.voidedOn}）：{data.voidReason}。本收据所列款项已冲销，该笔退费重新记为应退。
        </p>
      )}
      <table>
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>幼儿</th>
            <td>{data.children}</td>
            <th style={{ width: '18%' }}>领款人</th>
            <td>{data.payee}</td>
          </tr>
          <tr>
            <th>退还金额</th>
            <td>{data.amount} 元</td>
            <th>人民币（大写）</th>
            <td>{data.amountWords}</td>
          </tr>
          <tr>
            <th>方式</th>
            <td>
              {data.method}
              {data.reference ? `（${data.reference}）` : ''}
            </td>
            <th>日期</th>
            <td>{data.paidOn}</td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: 24, border: 'none' }}>
        <tbody>
          <tr>
            <td style={cell}>经办人：{data.paidBy ?? '________'}</td>
            <td style={cell}>领款人签字：________________</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
