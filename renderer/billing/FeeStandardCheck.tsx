import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Api } from '../../electron/api/index';
import { useSubmit } from '../api/hooks';
import { useT } from '../i18n';

type Result = Api['feeStandards.check']['output'];

/** 收费标准自查: planned standards against the fee notice in force, before they are announced. */
export function FeeStandardCheck() {
  const t = useT();
  const { submit, busy, fieldError } = useSubmit();
  const [form, setForm] = useState({ educationFee: '', earlyCareFee: '', custodyFee: '', normalDailyRate: '', vacationDailyRate: '', otherFees: '' });
  const [custodyAgreement, setCustodyAgreement] = useState(true);
  const [result, setResult] = useState<Result | null>(null);
  const field = (key: keyof typeof form, zh: string, en: string, description?: [string, string]) => (
    <TextInput
      label={t(zh, en)}
      description={description ? t(...description) : undefined}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      inputMode={key === 'otherFees' ? 'text' : 'decimal'}
      error={fieldError(key)}
    />
  );
  const check = async () => {
    const { otherFees, ...amounts } = form;
    const value = await submit('feeStandards.check', {
      ...Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, v.trim()])),
      custodyAgreement,
      otherFees: otherFees.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean),
    });
    if (value) setResult(value);
  };
  return (
    <Card withBorder p="lg">
      <Title order={4}>{t('收费标准自查', 'Check planned fee standards')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('公布收费标准前，按本园适用的收费文件核对上限和禁止收费项目。不保存任何数据。', 'Before announcing fees, check them against the notice in force. Nothing is stored.')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {field('educationFee', '保教费（元/月）', 'Education fee (per month)')}
        {field('earlyCareFee', '托班保教费（元/月）', 'Under-3 fee (per month)', ['3岁以下幼儿', 'children under 3'])}
        {field('custodyFee', '托管费（元/月）', 'Custody fee (per month)')}
        {field('normalDailyRate', '平时日收费标准（元/天）', 'Normal daily rate')}
        {field('vacationDailyRate', '寒暑假日收费（元/天）', 'Vacation daily rate')}
        {field('otherFees', '其他拟收费项目', 'Other planned fees', ['用逗号分隔，如：兴趣班费, 校车费', 'comma separated'])}
      </SimpleGrid>
      <Group mt="md" justify="space-between">
        <Switch label={t('托管已与家长签订协议', 'Custody agreements signed')} checked={custodyAgreement} onChange={(e) => setCustodyAgreement(e.currentTarget.checked)} />
        <Button onClick={check} loading={busy}>
          {t('核对', 'Check')}
        </Button>
      </Group>
      {result && (
        <Stack mt="md" gap="xs" data-testid="fee-standard-result">
          {result.violations.length === 0 ? (
            <Alert color="green" icon={<IconCircleCheck size={18} />}>
              {result.checked.length > 0
                ? t(`已核对：${result.checked.join('、')}，均符合《${result.policy.name}》。`, `Checked ${result.checked.length} item(s): all within the notice.`)
                : t('请至少填写一项。', 'Fill in at least one item.')}
            </Alert>
          ) : (
            result.violations.map((v) => (
              <Alert key={`${v.code}-${v.messageZh}`} color={v.severity === 'error' ? 'red' : 'yellow'}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" radius="sm">
                    {v.clause}
                  </Badge>
                  <Text size="sm">{v.messageZh}</Text>
                </Group>
              </Alert>
            ))
          )}
        </Stack>
      )}
    </Card>
  );
}
