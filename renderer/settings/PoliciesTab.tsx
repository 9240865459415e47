import { Alert, Badge, Button, Card, Group, Loader, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Policy } from '../../core/policies';
import { useApiAction, useApiQuery } from '../api/hooks';
import { useCan } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import { printDocument } from '../print/print';
import { percent, tierRangeZh } from './policy-text';

/**
 * 收费文件: the notice in force, clause by clause, and the kindergarten's
 * adjusted copies with what differs from the official text.
 */
export function PoliciesTab() {
  const t = useT();
  const kindergarten = useApiQuery('kindergarten.get', {});
  const list = useApiQuery('policies.list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const canAdjust = useCan('principal');
  const current = kindergarten.data?.profile?.policyId ?? null;
  useEffect(() => {
    if (!selected && current) setSelected(current);
  }, [current, selected]);
  const detail = useApiQuery('policies.get', { id: selected ?? '' }, { enabled: !!selected });

  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loader />;
  return (
    <Stack maw={1000}>
      <Group align="flex-end">
        <Select
          label={t('查看收费文件', 'Fee notice')}
          w={460}
          data={list.data.map((p) => ({ value: p.id, label: `${p.name}${p.builtin ? '' : t('（本园调整）', ' (adjusted copy)')}${p.id === current ? t(' · 正在使用', ' · in force') : ''}` }))}
          value={selected}
          onChange={setSelected}
          allowDeselect={false}
        />
        {canAdjust && detail.data?.builtin && (
          <Button variant="light" onClick={() => setAdjusting(true)}>
            {t('基于此文件调整比例', 'Adjust a copy')}
          </Button>
        )}
        {detail.data && (
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => printDocument(`policy/${detail.data!.id}`)}>
            {t('打印', 'Print')}
          </Button>
        )}
      </Group>
      {detail.error && <ErrorAlert error={detail.error} />}
      {detail.data && <PolicyView detail={detail.data} />}
      {adjusting && detail.data && (
        <AdjustCopy
          base={detail.data.policy}
          onClose={(created) => {
            setAdjusting(false);
            if (created) {
              void list.reload();
              setSelected(created);
            }
          }}
        />
      )}
    </Stack>
  );
}

type Detail = NonNullable<ReturnType<typeof useApiQuery<'policies.get'>>['data']>;

export function PolicyView({ detail }: { detail: Detail }) {
  const t = useT();
  return (
    <Stack>
      <Card withBorder>
        <Title order={4}>{detail.name}</Title>
        <Text size="sm" c="dimmed">
          {t('依据：', 'Source: ')}
          {detail.source}
        </Text>
        {detail.derivedFrom && (
          <Alert mt="sm" color="orange" variant="light" title={t(`本园在「${detail.derivedFrom.name}」基础上的调整`, `Adjusted from "${detail.derivedFrom.name}"`)} data-testid="policy-differences">
            <Stack gap={4}>
              {detail.differences.map((d) => (
                <Text key={d.path} size="sm">
                  · {d.descriptionZh}
                </Text>
              ))}
              {detail.reason && (
                <Text size="sm" c="dimmed">
                  {t('调整原因：', 'Reason: ')}
                  {detail.reason}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </Card>
      {/* Every clause open at once: staff compare clauses (3.3, 3.3b, 3.3c share one paragraph) rather than look one up. */}
      <Stack gap="xs" data-testid="policy-clauses">
        {Object.entries(detail.policy.clauses).map(([id, clause]) => (
          <Paper key={id} withBorder p="sm" data-testid={`clause-${id}`}>
            <Group gap="sm" wrap="nowrap" align="baseline" mb={4}>
              <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
                {id}
              </Badge>
              <Text fw={600} size="sm">
                {clause.title}
              </Text>
              <Text size="xs" c="dimmed">
                {clause.cite}
              </Text>
            </Group>
            <Text size="sm">{clause.text}</Text>
            <TierTable policy={detail.policy} clause={id} />
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function TierTable({ policy, clause }: { policy: Policy; clause: string }) {
  const t = useT();
  const rules = Object.entries(policy.rules).filter(([, r]) => r.clause === clause && r.kind === 'tiers');
  if (rules.length === 0) return null;
  return (
    <>
      {rules.map(([ruleId, rule]) =>
        rule.kind === 'tiers' ? (
          <Table key={ruleId} mt="sm" withTableBorder>
            <Table.Tbody>
              {rule.tiers.map((tier) => (
                <Table.Tr key={tierRangeZh(tier, rule.measure)}>
                  <Table.Td>{tierRangeZh(tier, rule.measure)}</Table.Td>
                  <Table.Td w={220}>
                    {t('退还', 'refund ')} {percent(tier.rate)}
                    {tier.negotiable && t(`（协商，最高；未约定按 ${percent(tier.defaultRate ?? tier.rate)}）`, ` (negotiable maximum; default ${percent(tier.defaultRate ?? tier.rate)})`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null,
      )}
    </>
  );
}

function AdjustCopy({ base, onClose }: { base: Policy; onClose(created?: string): void }) {
  const t = useT();
  const { run, busy } = useApiAction();
  const [name, setName] = useState(`${base.name}（本园调整）`);
  const [reason, setReason] = useState('');
  const tierRules = Object.entries(base.rules).filter(([, r]) => r.kind === 'tiers' && r.measure === 'daysPresent');
  const [rates, setRates] = useState<Record<string, string>>({});
  const save = async () => {
    const tierChanges = Object.entries(rates)
      .filter(([, rate]) => rate.trim() !== '')
      .map(([key, rate]) => {
        const [ruleId, index] = key.split('#');
        return { ruleId: ruleId!, tierIndex: Number(index), rate: rate.trim() };
      });
    const created = await run('policies.createCopy', { baseId: base.id as never, name, reason, tierChanges }, t('已保存调整后的收费文件', 'Adjusted copy saved'));
    if (created) onClose(created.id);
  };
  return (
    <Modal opened onClose={() => onClose()} title={t('调整退费比例', 'Adjust refund rates')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t(
            '收费文件规定的退还比例是最低标准，只能提高；标明“协商”的比例是上限，可以降低（须与家长约定）。调整后会生成一份副本并记录与原文件的差异，需在「幼儿园资料」中选用后才生效。',
            'Fixed rates are minimums and may only be raised; negotiable rates are maximums and may be lowered by agreement with parents. The copy records its differences and takes effect once chosen in the profile.',
          )}
        </Text>
        <TextInput label={t('名称', 'Name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Textarea label={t('调整原因（如家长会协商结果）', 'Reason (e.g. the agreement with parents)')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {tierRules.map(([ruleId, rule]) =>
          rule.kind === 'tiers' ? (
            <Card key={ruleId} withBorder>
              <Text fw={600} size="sm" mb="xs">
                {rule.clause} · {base.clauses[rule.clause]?.title}（{base.clauses[rule.clause]?.cite}）
              </Text>
              {rule.tiers.map((tier, i) => (
                <Group key={tierRangeZh(tier, rule.measure)} justify="space-between" wrap="nowrap" mb={4}>
                  <Text size="sm">
                    {tierRangeZh(tier, rule.measure)}：{t('现为', 'now')} {percent(tier.negotiable ? (tier.defaultRate ?? tier.rate) : tier.rate)}
                    {tier.negotiable ? t('（协商）', ' (negotiable)') : ''}
                  </Text>
                  <TextInput
                    w={130}
                    placeholder={t('新比例，如 0.4', 'e.g. 0.4')}
                    aria-label={`${rule.clause} ${i + 1}`}
                    value={rates[`${ruleId}#${i}`] ?? ''}
                    onChange={(e) => setRates({ ...rates, [`${ruleId}#${i}`]: e.currentTarget.value })}
                  />
                </Group>
              ))}
            </Card>
          ) : null,
        )}
        <Group justify="flex-end">
          <Button onClick={save} loading={busy}>
            {t('保存副本', 'Save the copy')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
