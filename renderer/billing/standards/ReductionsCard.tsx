import { Alert, Badge, Button, Card, Group, Progress, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type BillingItem, ITEM_LABELS } from '../../../core/billing/items';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { DiscountForm } from './DiscountForm';

/**
 * 减免: children with an NT-3.7 category (from the child record) and the
 * kindergarten's own discounts, and how many children are aided against the
 * notice's guide.
 */
export function ReductionsCard() {
  const t = useT();
  const { actor } = useSession();
  const { data, error, reload } = useApiQuery('discounts.list', {});
  const [adding, setAdding] = useState(false);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const { share } = data;
  const shareValue = share.enrolled === 0 ? 0 : (share.counted * 100) / share.enrolled;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>{t('减免', 'Reductions')}</Title>
          <Text size="sm" c="dimmed">
            {t(
              `收费文件（${data.clause ?? '—'}）规定的减免按幼儿档案中的减免类别自动计入每张缴费通知单；园内优惠须园长决定并写明原因。`,
              'Reductions of the notice follow the category on the child record; own discounts are decided by the principal with a reason.',
            )}
          </Text>
        </div>
        {actor.role === 'principal' && (
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('设置园内优惠', 'Set an own discount')}
          </Button>
        )}
      </Group>
      <DiscountForm opened={adding} month={data.month} kids={data.all} onClose={() => setAdding(false)} onSaved={reload} />
      {!share.applies && (
        <Alert color="yellow" mb="sm">
          {t('本园类型不适用收费文件的减免规定（只适用于公办园和普惠性民办园）。', 'The notice’s reductions do not apply to this kind of kindergarten.')}
        </Alert>
      )}
      <Group gap="md" mb="sm" data-testid="reduction-share">
        <Text size="sm">
          {t(
            `在园 ${share.enrolled} 名，享受减免 ${share.statutory} 名（计入资助比例 ${share.counted} 名，占 ${share.share}），园内优惠 ${share.own} 名。`,
            `${share.enrolled} enrolled, ${share.statutory} with a reduction (${share.counted} counted, ${share.share}), ${share.own} with an own discount.`,
          )}
        </Text>
        {share.guide && (
          <Badge color={share.guide.met ? 'green' : 'orange'} variant="light">
            {t(`参考：不低于 ${share.guide.minShare}`, `Guide: at least ${share.guide.minShare}`)}
          </Badge>
        )}
      </Group>
      {share.guide && <Progress value={Math.min(100, shareValue * 10)} color={share.guide.met ? 'green' : 'orange'} mb={4} aria-label={share.share} />}
      {share.guide && (
        <Text size="xs" c="dimmed" mb="sm">
          {share.guide.note}
        </Text>
      )}
      {data.children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('目前没有享受减免或园内优惠的幼儿。减免类别在“幼儿与家长”的幼儿资料中登记。', 'No child has a reduction. Record the category on the child’s record under Families.')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('幼儿', 'Child')}</Table.Th>
              <Table.Th>{t('班级', 'Class')}</Table.Th>
              <Table.Th>{t('收费文件减免', 'Notice reduction')}</Table.Th>
              <Table.Th>{t('园内优惠', 'Own discount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.children.map((c) => (
              <Table.Tr key={c.childId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.className}</Table.Td>
                <Table.Td>
                  {c.reductionLabel ? `${c.reductionLabel}（${data.clause}）` : c.reductionCategory ? t('类别不在收费文件中', 'Not in the notice') : '—'}
                </Table.Td>
                <Table.Td>
                  {c.discounts.length === 0
                    ? '—'
                    : c.discounts.map((d) => `${t(...ITEM_LABELS[d.item as BillingItem])} ${d.what}：${d.reason}（${d.fromMonth} 起，${d.setBy ?? ''}）`).join('；')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
