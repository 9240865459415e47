import { Badge, Group, Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../electron/api/index';
import { api } from '../api/client';
import { navigate } from '../app/router';
import { useT } from '../i18n';
import { ChildStatusBadge, useRelationship } from './shared';

type Result = Api['families.search']['output'][number];

const siblings = (r: Result) =>
  r.children
    .filter((c) => c.id !== r.id)
    .map((c) => c.name)
    .join('、');

/**
 * One box for everything: 张三, zhangsan, zs or the last digits of a phone.
 * Results follow every keystroke; ↑/↓ choose, Enter opens the family (or
 * hands the result to `onPick`, e.g. the fee desk opening the family's account).
 */
export function SearchBox({ onPick }: { onPick?(result: Result): void } = {}) {
  const t = useT();
  const relationship = useRelationship();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Result[] | null>(null);
  const [active, setActive] = useState(0);
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const focusOnSlash = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', focusOnSlash);
    return () => window.removeEventListener('keydown', focusOnSlash);
  }, []);

  useEffect(() => {
    const mine = ++latest.current;
    if (q.trim() === '') {
      setResults(null);
      return;
    }
    // Searching is cheap on the backend; the short pause only avoids a request per key when typing fast.
    const timer = setTimeout(() => {
      void api('families.search', { q, limit: 12 }).then(
        (r) => {
          if (mine === latest.current) {
            setResults(r);
            setActive(0);
          }
        },
        () => mine === latest.current && setResults([]),
      );
    }, 80);
    return () => clearTimeout(timer);
  }, [q]);

  const open = (r: Result | undefined) => {
    if (!r) return;
    setQ('');
    if (onPick) onPick(r);
    else navigate(`/families/household/${r.householdId}`);
  };

  return (
    <div style={{ position: 'relative' }}>
      <TextInput
        ref={input}
        size="md"
        autoFocus
        leftSection={<IconSearch size={18} />}
        placeholder={t('搜索幼儿或家长：姓名、拼音、首字母（zs）或手机尾号', 'Search: name, pinyin, initials (zs) or phone digits')}
        aria-label={t('搜索幼儿或家长', 'Search children or guardians')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (!results) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') open(results[active]);
          else if (e.key === 'Escape') setQ('');
        }}
        rightSection={q ? null : <Kbd size="xs">/</Kbd>}
      />
      {results && (
        <Paper shadow="md" withBorder p={4} mt={4} data-testid="search-results" style={{ position: 'absolute', left: 0, right: 0, zIndex: 20 }}>
          {results.length === 0 ? (
            <Text c="dimmed" size="sm" p="sm">
              {t('没有找到。可以试试拼音首字母（如 zs）或手机号后四位。', 'Nothing found. Try initials (zs) or the last four phone digits.')}
            </Text>
          ) : (
            <Stack gap={0}>
              {results.map((r, i) => (
                <UnstyledButton
                  key={`${r.kind}-${r.id}`}
                  onClick={() => open(r)}
                  onMouseEnter={() => setActive(i)}
                  p="xs"
                  style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
                  data-testid="search-result"
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap">
                      <Badge size="sm" variant="outline" color={r.kind === 'child' ? 'teal' : 'grape'}>
                        {r.kind === 'child' ? t('幼儿', 'Child') : t('家长', 'Guardian')}
                      </Badge>
                      <Text fw={600}>{r.name}</Text>
                      <Text size="sm" c="dimmed">
                        {r.kind === 'guardian' ? relationship(r.detail) : r.detail}
                      </Text>
                      {r.status && r.status !== 'enrolled' && <ChildStatusBadge status={r.status} />}
                    </Group>
                    <Group gap="md" wrap="nowrap">
                      {r.kind === 'guardian' && (
                        <Text size="sm" ff="monospace">
                          {r.mobileMasked}
                        </Text>
                      )}
                      <Text size="sm" c="dimmed">
                        {r.kind === 'guardian'
                          ? r.children.map((c) => `${c.name}（${c.className}）`).join('、')
                          : r.children.length > 1
                            ? t(`兄弟姐妹：${siblings(r)}`, `Siblings: ${siblings(r)}`)
                            : ''}
                      </Text>
                    </Group>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </Paper>
      )}
    </div>
  );
}
