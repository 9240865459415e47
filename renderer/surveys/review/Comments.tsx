import { Group, Paper, Select, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApiAction } from '../../api/hooks';
import { useT } from '../../i18n';
import type { ReviewData } from '../ReviewCharts';

export function Comments({ data, onChanged }: { data: ReviewData; onChanged(): void }) {
  const t = useT();
  const { run: call } = useApiAction();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const allTags = useMemo(() => [...new Set(data.comments.flatMap((c) => c.tags))].sort(), [data.comments]);
  const shown = data.comments.filter((c) => (!q || c.text.includes(q.trim()) || c.tags.some((x) => x.includes(q.trim()))) && (!tag || c.tags.includes(tag)));
  return (
    <Paper withBorder p="md" data-testid="comments">
      <Group justify="space-between" mb="xs">
        <Title order={4}>
          {t(`家长意见与建议（${data.comments.length} 条）`, `Comments (${data.comments.length})`)}
        </Title>
        <Group gap="xs">
          <TextInput
            size="xs"
            leftSection={<IconSearch size={14} />}
            placeholder={t('搜索意见或标签', 'Search comments or tags')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="comment-search"
          />
          <Select size="xs" placeholder={t('按标签筛选', 'Filter by tag')} data={allTags} value={tag} onChange={setTag} clearable w={140} />
        </Group>
      </Group>
      {data.comments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('这次调查没有文字意见。', 'No comments in this survey.')}
        </Text>
      )}
      <Stack gap={6}>
        {shown.map((c) => (
          <Group key={c.key} justify="space-between" wrap="nowrap" align="flex-start" data-testid="comment">
            <Text size="sm" style={{ flex: 1 }}>
              {c.text}
              {(c.className || c.family) && (
                <Text span size="xs" c="dimmed" ml={6}>
                  —— {[c.family, c.className].filter(Boolean).join('，')}
                </Text>
              )}
            </Text>
            <TagsInput
              size="xs"
              w={260}
              placeholder={t('加标签，回车确认', 'Add tags, Enter')}
              data={allTags}
              defaultValue={c.tags}
              onChange={async (tags) => {
                if (await call('surveys.tagComment', { runId: data.run.id, key: c.key, tags })) onChanged();
              }}
            />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
