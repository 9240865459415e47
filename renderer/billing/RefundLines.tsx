import { Badge, Table, Text } from '@mantine/core';
import { useLang, useT } from '../i18n';
import { FEE_ITEM_LABELS } from './labels';
import type { RefundPreview } from './refund-case';

/** The refund, line by line: item, amount, clause and the sentence a parent reads. */
export function RefundLines({ preview }: { preview: RefundPreview }) {
  const t = useT();
  const { lang } = useLang();
  const { result } = preview;
  return (
    <Table withTableBorder withColumnBorders data-testid="refund-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('项目', 'Item')}</Table.Th>
          <Table.Th w={110} ta="right">
            {t('退费金额（元）', 'Refund (yuan)')}
          </Table.Th>
          <Table.Th w={90}>{t('依据条款', 'Clause')}</Table.Th>
          <Table.Th>{t('计算说明', 'How it was computed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.lines.map((line) => (
          <Table.Tr key={line.item}>
            <Table.Td>{t(...(FEE_ITEM_LABELS[line.item] ?? [line.item, line.item]))}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {line.refund}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" radius="sm">
                {line.clause}
              </Badge>
            </Table.Td>
            <Table.Td>
              {/* The printed statement for parents stays Chinese; the screen follows the interface language. */}
              <Text size="sm">{lang === 'en' ? line.explanationEn : line.explanation}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>{t('合计', 'Total')}</Table.Td>
          <Table.Td ta="right" fw={700} ff="monospace" data-testid="refund-total">
            {result.total}
          </Table.Td>
          <Table.Td colSpan={2}>
            <Text size="sm" c="dimmed">
              {t(`计算所用法定工作日 ${result.legalWorkingDays} 天`, `Legal working days used: ${result.legalWorkingDays}`)}
            </Text>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
