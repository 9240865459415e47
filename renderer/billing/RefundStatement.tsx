import { Loader, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { amountInWords } from '../../core/print/amount-words';
import { useApiQuery } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { FEE_ITEM_LABELS, REASON_LABELS } from './labels';
import { decodeCase } from './refund-case';

/**
 * 退费计算单 (print route `refund-statement/<case>`): what a parent takes home —
 * each item's refund with the clause it follows and the sentence explaining it,
 * the total in figures and in words, and lines for both signatures.
 * Always in Chinese: it is a document for the parent.
 */
export function RefundStatement({ args }: { args: string[] }) {
  let input: ReturnType<typeof decodeCase> | null = null;
  try {
    input = decodeCase(args[0] ?? '');
  } catch {
    input = null;
  }
  const { data, error } = useApiQuery('refund.preview', input ?? ({} as never), { enabled: input !== null });
  if (!input) return <Text p="xl">退费单参数有误，请从「收费 → 退费试算」重新打印。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  const { result, child, policy, kindergartenName, provisional } = data;
  return (
    <section className="kd-page kd-refund-statement">
      <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>{kindergartenName}</h2>
      <h3 style={{ textAlign: 'center', margin: '0 0 12px', letterSpacing: 4 }}>退费计算单{provisional.length > 0 ? '（暂定）' : ''}</h3>
      {provisional.length > 0 && (
        <p style={{ border: '1px solid #444', padding: '4px 8px', fontSize: 12, margin: '0 0 8px' }} data-testid="statement-provisional">
          暂定结果，不作为最终结算：{provisional.join(' ')}
        </p>
      )}
      <table>
        <tbody>
          <tr>
            <th style={{ width: '16%' }}>幼儿姓名</th>
            <td>{child?.name ?? '　'}</td>
            <th style={{ width: '16%' }}>班级</th>
            <td>{child?.className ?? '　'}</td>
          </tr>
          <tr>
            <th>退费月份</th>
            <td>{result.month}</td>
            <th>退费原因</th>
            <td>{REASON_LABELS[input.reason]?.[0]}</td>
          </tr>
          <tr>
            <th>收费方式</th>
            <td>{input.billing === 'semester' ? `按学期（${input.semester?.first}～${input.semester?.last}）` : '按月'}</td>
            <th>法定工作日</th>
            <td>{result.legalWorkingDays} 天</td>
          </tr>
        </tbody>
      </table>
      <table style={{ marginTop: 10 }}>
        <thead>
          <tr>
            <th style={{ width: '12%' }}>项目</th>
            <th style={{ width: '13%' }}>实缴（元）</th>
            <th style={{ width: '13%' }}>退费（元）</th>
            <th style={{ width: '10%' }}>依据条款</th>
            <th>计算说明</th>
          </tr>
        </thead>
        <tbody>
          {result.lines.map((line) => (
            <tr key={line.item}>
              <td>{FEE_ITEM_LABELS[line.item]?.[0] ?? line.item}</td>
              <td style={{ textAlign: 'right' }}>{line.inputs.paid}</td>
              <td style={{ textAlign: 'right' }}>{line.refund}</td>
              <td>{line.clause}</td>
              <td>{line.explanation}</td>
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td />
            <th style={{ textAlign: 'right' }} data-testid="statement-total">
              {result.total}
            </th>
            <td colSpan={2}>人民币（大写）：{amountInWords(result.total)}</td>
          </tr>
        </tbody>
      </table>
      <p style={{ fontSize: 11, marginTop: 10 }}>
        计算依据：{policy.name}，{policy.source}。本单由园务通按上述条款自动计算，金额按每项四舍五入到分。
      </p>
      <table style={{ marginTop: 24, border: 'none' }}>
        <tbody>
          <tr>
            <td style={{ border: 'none' }}>经办人：________________</td>
            <td style={{ border: 'none' }}>家长签字：________________</td>
            <td style={{ border: 'none' }}>日期：{dayjs(data.today).format('YYYY年M月D日')}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
