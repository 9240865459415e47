import { Loader, Text } from '@mantine/core';
import { REPORT_KINDS, type ReportKind, zhOf } from '../../../core/reports/document';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

const numeric = (kind: string) => kind === 'money' || kind === 'count' || kind === 'percent';

/**
 * 报表 on A4 (print route `report/<kind>/<period>`): the same tables as the
 * screen, the check lines and the notes, in Chinese, with lines for who
 * prepared and checked it.
 */
export function ReportPrint({ args }: { args: string[] }) {
  const [kind, period] = args;
  const valid = (REPORT_KINDS as readonly string[]).includes(kind ?? '') && /^\d{4}(-\d{2})?$/.test(period ?? '');
  const { data, error } = useApiQuery('reports.get', { kind: (kind ?? 'income') as ReportKind, period: period ?? '' }, { enabled: valid });
  if (!valid) return <Text p="xl">报表参数有误，请从「报表」重新打印。</Text>;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loader m="xl" />;
  return (
    <section className="kd-page kd-report">
      <h2 style={{ textAlign: 'center', margin: '0 0 2px' }}>{data.kindergartenName}</h2>
      <h3 style={{ textAlign: 'center', margin: '0 0 4px', letterSpacing: 2 }}>{data.title[0]}</h3>
      <p style={{ textAlign: 'center', fontSize: 11, margin: '0 0 10px' }}>
        {data.periodLabel[0]}　数据截至 {data.asOf}　制表日期 {data.generatedOn}
      </p>
      {data.empty && <p>{data.empty.hint[0]}</p>}
      {data.tables.map((table) => (
        <div key={table.id} style={{ marginBottom: 10, breakInside: 'avoid-page' }}>
          <h4 style={{ margin: '6px 0 4px' }}>{table.title[0]}</h4>
          {table.rows.length === 0 ? (
            <p style={{ fontSize: 11 }}>{table.emptyText?.[0]}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.key}>{c.label[0]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows are rendered whole, never reordered
                  <tr key={`${table.id}-${i}`}>
                    {table.columns.map((c) => (
                      <td key={c.key} style={{ textAlign: numeric(c.kind) ? 'right' : undefined }}>
                        {zhOf(row[c.key] ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
                {table.total && (
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c.key} style={{ textAlign: numeric(c.kind) ? 'right' : undefined }}>
                        {zhOf(table.total?.[c.key] ?? null)}
                      </th>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {data.checks.map((check) => (
        <div key={check.label[0]} style={{ fontSize: 11, marginTop: 6 }} data-testid="print-check">
          <strong>核对（{check.label[0]}）：</strong>
          {check.zh.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      ))}
      {data.notes.map((note) => (
        <p key={note[0]} style={{ fontSize: 10, margin: '6px 0 0' }}>
          说明：{note[0]}
        </p>
      ))}
      <table style={{ marginTop: 20, border: 'none' }}>
        <tbody>
          <tr>
            <td style={{ border: 'none' }}>制表：________________</td>
            <td style={{ border: 'none' }}>审核：________________</td>
            <td style={{ border: 'none' }}>园长：________________</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
