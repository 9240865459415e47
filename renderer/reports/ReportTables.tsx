import { Alert, List, Paper, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import type { Cell, CheckDoc, ReportDoc } from '../../core/reports/document';
import { useLang } from '../i18n';

const pick = (cell: Cell, lang: 'zh' | 'en') => (Array.isArray(cell) ? cell[lang === 'en' ? 1 : 0] : (cell ?? ''));
const TABULAR = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const numeric = (kind: string) => kind === 'money' || kind === 'count' || kind === 'percent';

/** The check lines, first thing under the title: green when they hold, red (with the figures) when they do not. */
export function CheckLines({ checks }: { checks: CheckDoc[] }) {
  const { lang } = useLang();
  if (checks.length === 0) return null;
  const holds = checks.every((c) => c.holds);
  return (
    <Alert
      color={holds ? 'teal' : 'red'}
      icon={holds ? <IconCircleCheck /> : <IconAlertTriangle />}
      title={holds ? (lang === 'en' ? 'The figures reconcile' : '核对一致') : lang === 'en' ? 'The figures do not reconcile' : '核对不一致，请联系技术支持'}
      mb="md"
      data-testid="check-lines"
    >
      {checks.map((c) => (
        <div key={c.label[0]}>
          <Text size="sm" fw={600}>
            {c.label[lang === 'en' ? 1 : 0]}
          </Text>
          {(lang === 'en' ? c.en : c.zh).map((line) => (
            <Text size="sm" key={line} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {line}
            </Text>
          ))}
        </div>
      ))}
    </Alert>
  );
}

/** A report's tables and notes on screen. */
export function ReportTables({ doc }: { doc: ReportDoc }) {
  const { lang } = useLang();
  return (
    <>
      {doc.tables.map((table) => (
        <Paper withBorder p="md" mb="md" key={table.id} data-testid={`report-table-${table.id}`}>
          <Title order={5} mb="sm">
            {pick(table.title as Cell, lang)}
          </Title>
          {table.rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              {table.emptyText ? pick(table.emptyText as Cell, lang) : ''}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={500}>
              <Table striped highlightOnHover withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    {table.columns.map((c) => (
                      <Table.Th key={c.key} ta={numeric(c.kind) ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {pick(c.label as Cell, lang)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows are rendered whole, never reordered
                    <Table.Tr key={`${table.id}-${i}`}>
                      {table.columns.map((c) => (
                        <Table.Td key={c.key} ta={numeric(c.kind) ? 'right' : undefined} style={c.kind === 'money' ? TABULAR : undefined}>
                          {pick(row[c.key] ?? null, lang)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                {table.total && (
                  <Table.Tfoot>
                    <Table.Tr>
                      {table.columns.map((c) => (
                        <Table.Th key={c.key} ta={numeric(c.kind) ? 'right' : undefined} style={c.kind === 'money' ? TABULAR : undefined}>
                          {pick(table.total?.[c.key] ?? null, lang)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
      {doc.notes.length > 0 && (
        <List size="sm" c="dimmed" spacing={4}>
          {doc.notes.map((n) => (
            <List.Item key={n[0]}>{n[lang === 'en' ? 1 : 0]}</List.Item>
          ))}
        </List>
      )}
    </>
  );
}
