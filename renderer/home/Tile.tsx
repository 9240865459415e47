import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const COLORS = { ok: 'teal', todo: 'orange', alert: 'red' } as const;

/** One thing to see about today, and the place where it is handled (the whole card is the link). */
export function Tile({ title, value, detail, href, tone, testId }: { title: string; value: ReactNode; detail?: ReactNode; href: string; tone: keyof typeof COLORS; testId: string }) {
  const color = COLORS[tone];
  return (
    <Card
      withBorder
      component="a"
      href={`#${href}`}
      data-testid={testId}
      style={{ textDecoration: 'none', color: 'inherit', borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Text size="sm" c="dimmed" fw={600}>
        {title}
      </Text>
      <Text size="xl" fw={700} c={tone === 'ok' ? undefined : `${color}.7`} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" mt={2}>
          {detail}
        </Text>
      )}
    </Card>
  );
}
