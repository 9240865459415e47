import { Table, Text } from '@mantine/core';
import type { Api } from '../../../electron/api/index';
import { useT } from '../../i18n';

type Line = Api['bills.get']['output']['lines'][number];

const zh = (text: string) => text;

/** One line's quantity as a parent reads it: 23 天 × 15.00, 5 个月 × 420.00 (the printed notice is always in Chinese). */
export function quantityText(line: Pick<Line, 'kind' | 'quantity' | 'unit' | 'unitPrice'>, t: (zh: string, en: string) => string = zh): string {
  if (line.kind === 'reduction') return '';
  if (line.unit === 'day') return t(`${line.quantity} 天 × ${line.unitPrice}`, `${line.quantity} days × ${line.unitPrice}`);
  if (line.unit === 'semester') return t(`${line.unitPrice}/学期`, `${line.unitPrice}/semester`);
  return line.quantity > 1 ? t(`${line.quantity} 个月 × ${line.unitPrice}`, `${line.quantity} months × ${line.unitPrice}`) : t(`${line.unitPrice}/月`, `${line.unitPrice}/month`);
}

/** The lines of a bill (or of a draft): item, standard x quantity, amount, clause and note. */
export function BillLines({ lines }: { lines: Line[] }) {
  const t = useT();
  return (
    <Table verticalSpacing={2} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('项目', 'Item')}</Table.Th>
          <Table.Th>{t('标准', 'Standard')}</Table.Th>
          <Table.Th ta="right">{t('金额', 'Amount')}</Table.Th>
          <Table.Th>{t('依据', 'Clause')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={`${l.kind}-${l.item}-${l.label}-${l.period}`}>
            <Table.Td>
              {l.item === 'agency' ? `${t('代收费', 'On behalf')}：` : ''}
              {l.label}
              {l.note && (
                <Text size="xs" c="dimmed">
                  {l.note}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{quantityText(l, t)}</Table.Td>
            <Table.Td ta="right">{l.kind === 'reduction' ? `-${l.amount}` : l.amount}</Table.Td>
            <Table.Td>{l.clause ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
