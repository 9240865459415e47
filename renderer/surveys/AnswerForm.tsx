import { Badge, Box, Button, Group, Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { Question } from '../../core/surveys/types';
import { useT } from '../i18n';

export type Answers = Record<number, { values: number[]; text?: string }>;

export function toAnswerInput(questions: Question[], answers: Answers): { questionId: number; values?: number[]; text?: string }[] {
  return questions.flatMap((q): { questionId: number; values?: number[]; text?: string }[] => {
    const a = answers[q.id];
    if (!a) return [];
    if (q.kind === 'text') return a.text?.trim() ? [{ questionId: q.id, text: a.text.trim() }] : [];
    return a.values.length ? [{ questionId: q.id, values: a.values }] : [];
  });
}

/** The choices a question offers, as [value, label] with the key that picks it. */
function choices(q: Question): { value: number; key: string; label: string }[] {
  if (q.kind === 'rating') return q.options.map((label, i) => ({ value: i + 1, key: String(i + 1), label }));
  if (q.kind === 'nps') return Array.from({ length: 11 }, (_, i) => ({ value: i, key: String(i), label: String(i) }));
  return q.options.map((label, i) => ({ value: i, key: String(i + 1), label }));
}

/**
 * Entry of one questionnaire from the keyboard: a digit answers the current
 * question and moves on (for 0–10, "1" then "0" is 10), Space skips, ↑ goes
 * back, Backspace clears, and Enter saves and starts the next sheet. Multiple
 * choice: digits tick options, Space moves on. The mouse works too.
 */
export function AnswerForm({
  questions,
  header,
  onSave,
  disabled,
}: {
  questions: Question[];
  header?: ReactNode;
  onSave(answers: Answers): Promise<boolean>;
  disabled?: boolean;
}) {
  const t = useT();
  const [answers, setAnswers] = useState<Answers>({});
  const [active, setActive] = useState(0);
  const pendingOne = useRef<number | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const textRefs = useRef<Record<number, HTMLInputElement | null>>({});
  const rowRefs = useRef<Record<number, HTMLDivElement | null>>({});
  const current = questions[active];

  useEffect(() => {
    if (!current) return;
    if (current.kind === 'text') textRefs.current[current.id]?.focus();
    else boxRef.current?.focus();
    rowRefs.current[current.id]?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const set = (q: Question, values: number[]) => setAnswers((a) => ({ ...a, [q.id]: { ...a[q.id], values } }));
  const move = (step: number) => {
    pendingOne.current = null;
    setActive((i) => Math.max(0, Math.min(questions.length - 1, i + step)));
  };

  async function save() {
    if (disabled) return;
    const ok = await onSave(answers);
    if (ok) {
      setAnswers({});
      pendingOne.current = null;
      setActive(0);
      boxRef.current?.focus();
    }
  }

  function applyDigit(q: Question, d: number): boolean {
    if (q.kind === 'rating' && d >= 1 && d <= 5) set(q, [d]);
    else if (q.kind === 'single' && d >= 1 && d <= q.options.length) set(q, [d - 1]);
    else if (q.kind === 'multi' && d >= 1 && d <= q.options.length) {
      const had = answers[q.id]?.values ?? [];
      set(q, had.includes(d - 1) ? had.filter((v) => v !== d - 1) : [...had, d - 1].sort((a, b) => a - b));
      return false;
    } else if (q.kind === 'nps') {
      set(q, [d]);
      if (d === 1) {
        pendingOne.current = q.id;
        return false;
      }
    } else return false;
    return true;
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!current) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
      return;
    }
    if (current.kind === 'text') {
      if (e.key === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      }
      return;
    }
    if (pendingOne.current === current.id) {
      pendingOne.current = null;
      if (e.key === '0') {
        e.preventDefault();
        set(current, [10]);
        move(1);
        return;
      }
      // "1" stands; the key belongs to the next question.
      move(1);
      const next = questions[active + 1];
      if (next && /^[0-9]$/.test(e.key) && next.kind !== 'text') {
        e.preventDefault();
        if (applyDigit(next, Number(e.key))) setActive(active + 2 < questions.length ? active + 2 : active + 1);
      } else if (e.key === ' ' || e.key === 'Tab') e.preventDefault();
      return;
    }
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      if (applyDigit(current, Number(e.key))) move(1);
    } else if (e.key === ' ' || e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)) {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowUp' || (e.key === 'Tab' && e.shiftKey)) {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      if ((answers[current.id]?.values ?? []).length) set(current, []);
      else move(-1);
    }
  }

  let section = '';
  return (
    <Stack gap="xs">
      {header}
      <Text size="xs" c="dimmed">
        {t('键盘录入：', 'Keyboard: ')}
        <Kbd>1</Kbd>–<Kbd>5</Kbd> {t('评分并跳到下一题 · 0～10 分题输入', 'rate and move on · for 0–10 type')} <Kbd>1</Kbd>
        <Kbd>0</Kbd> {t('为 10 · 多选题按数字勾选后按', 'for 10 · multiple choice: tick with digits, then')} <Kbd>{t('空格', 'Space')}</Kbd>{' '}
        {t('· 空格跳过 · ↑ 上一题 · 退格清除 ·', '· Space skips · ↑ back · Backspace clears ·')} <Kbd>Enter</Kbd>{' '}
        {t('保存并录入下一份', 'save and start the next')}
      </Text>
      <Box
        ref={boxRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="answer-form"
        style={{ outline: 'none', borderRadius: 8 }}
        aria-label={t('答卷录入区', 'Answer entry')}
      >
        <Stack gap={4}>
          {questions.map((q, i) => {
            const showSection = q.section && q.section !== section;
            section = q.section;
            const value = answers[q.id];
            const isActive = i === active;
            return (
              <div key={q.id}>
                {showSection && (
                  <Text fw={700} size="sm" mt="xs" c="blue.8">
                    {q.section}
                  </Text>
                )}
                <Paper
                  ref={(el) => {
                    rowRefs.current[q.id] = el;
                  }}
                  px="sm"
                  py={6}
                  withBorder
                  bg={isActive ? 'blue.0' : undefined}
                  style={{ borderColor: isActive ? 'var(--mantine-color-blue-5)' : undefined }}
                  onClick={() => setActive(i)}
                  data-testid={`question-${i + 1}`}
                  data-active={isActive || undefined}
                >
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text size="sm" style={{ flex: '1 1 40%' }}>
                      <b>{i + 1}.</b> {q.text}
                    </Text>
                    {q.kind === 'text' ? (
                      <TextInput
                        ref={(el) => {
                          textRefs.current[q.id] = el;
                        }}
                        style={{ flex: '1 1 55%' }}
                        size="xs"
                        placeholder={t('照抄家长写的意见；没写就留空', 'Copy the comment as written; leave empty if none')}
                        value={value?.text ?? ''}
                        onFocus={() => setActive(i)}
                        onChange={(e) => {
                          const text = e.currentTarget.value;
                          setAnswers((a) => ({ ...a, [q.id]: { values: [], text } }));
                        }}
                        data-testid={`text-${i + 1}`}
                      />
                    ) : (
                      <Group gap={4} wrap="wrap" justify="flex-end" style={{ flex: '1 1 55%' }}>
                        {choices(q).map((c) => {
                          const on = value?.values.includes(c.value) ?? false;
                          return (
                            <UnstyledButton
                              key={c.value}
                              tabIndex={-1}
                              onClick={(e) => {
                                e.stopPropagation();
                                setActive(i);
                                if (q.kind === 'multi') set(q, on ? value!.values.filter((v) => v !== c.value) : [...(value?.values ?? []), c.value].sort((a, b) => a - b));
                                else {
                                  set(q, on ? [] : [c.value]);
                                  if (!on) move(1);
                                }
                              }}
                            >
                              <Badge size="lg" radius="sm" variant={on ? 'filled' : 'outline'} color={on ? 'blue' : 'gray'} tt="none">
                                {q.kind === 'nps' ? c.label : `${c.key} ${c.label}`}
                              </Badge>
                            </UnstyledButton>
                          );
                        })}
                      </Group>
                    )}
                  </Group>
                </Paper>
              </div>
            );
          })}
        </Stack>
      </Box>
      <Group justify="flex-end">
        <Button onClick={() => void save()} disabled={disabled} data-testid="save-response">
          {t('保存（Enter）', 'Save (Enter)')}
        </Button>
      </Group>
    </Stack>
  );
}
