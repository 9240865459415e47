import { Group, List, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n';

/**
 * For one child-month at the desk: the refund now, and with one day more or
 * fewer present, with the nearest tier boundary. Mountable on the ledger and
 * beside a settlement line.
 */
export function RefundWhatIf({ childId, month }: { childId: number; month: string }) {
  const t = useT();
  const { data } = useApiQuery('settlement.whatIf', { childId, month });
  if (!data) return null;
  if (!data.whatIf) {
    return (
      <Text size="sm" c="dimmed" data-testid="what-if-none">
        {data.reason}
      </Text>
    );
  }
  const { current, oneFewer, oneMore, hintsZh } = data.whatIf;
  const signed = (delta: string) => (delta.startsWith('-') ? delta : `+${delta}`);
  return (
    <div data-testid="what-if">
      <Group gap="xs" mb={4}>
        <IconBulb size={16} />
        <Text size="sm" fw={500}>
          {t(`按在园 ${current.presentDays} 天退 ${current.total} 元`, `${current.presentDays} days present: refund ${current.total}`)}
        </Text>
      </Group>
      <List size="sm" spacing={2}>
        {oneFewer && (
          <List.Item>
            {t(`少 1 天（${oneFewer.presentDays} 天）：退 ${oneFewer.total} 元（${signed(oneFewer.delta)}）`, `One fewer (${oneFewer.presentDays}): ${oneFewer.total} (${signed(oneFewer.delta)})`)}
          </List.Item>
        )}
        {oneMore && (
          <List.Item>
            {t(`多 1 天（${oneMore.presentDays} 天）：退 ${oneMore.total} 元（${signed(oneMore.delta)}）`, `One more (${oneMore.presentDays}): ${oneMore.total} (${signed(oneMore.delta)})`)}
          </List.Item>
        )}
        {hintsZh.map((hint) => (
          <List.Item key={hint}>{hint}</List.Item>
        ))}
      </List>
    </div>
  );
}
