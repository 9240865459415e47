import { Badge } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useCallback } from 'react';
import { parseDateCell } from '../../core/families/roster';
import { CHILD_STATUS_LABELS, type ChildStatus, FEEDBACK_STATUS_LABELS, type FeedbackStatus, RELATIONSHIP_EN } from '../../core/families/labels';
import { useLang } from '../i18n';

/** Select options from a label table: [{ value: 'phone', label: '电话' }, ...]. */
export function useOptions() {
  const { lang } = useLang();
  return useCallback(
    <K extends string>(labels: Record<K, readonly [string, string]>) =>
      (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value][lang === 'en' ? 1 : 0] })),
    [lang],
  );
}

export function useLabel() {
  const { lang } = useLang();
  return useCallback(
    <K extends string>(labels: Record<K, readonly [string, string]>, key: string | null | undefined) =>
      key && key in labels ? labels[key as K][lang === 'en' ? 1 : 0] : (key ?? ''),
    [lang],
  );
}

/** A guardian's relationship as stored (父亲), in English when the UI is English and the word is a known one. */
export function useRelationship() {
  const { lang } = useLang();
  return useCallback((relationship: string) => (lang === 'en' ? (RELATIONSHIP_EN[relationship] ?? relationship) : relationship), [lang]);
}

const STATUS_COLORS: Record<ChildStatus, string> = { enrolled: 'green', suspended: 'yellow', withdrawn: 'gray', graduated: 'blue' };
export function ChildStatusBadge({ status }: { status: string }) {
  const label = useLabel();
  return (
    // Never cut to "En…": the badge is as wide as its label.
    <Badge variant="light" color={STATUS_COLORS[status as ChildStatus] ?? 'gray'} miw="max-content">
      {label(CHILD_STATUS_LABELS, status)}
    </Badge>
  );
}

const FEEDBACK_COLORS: Record<FeedbackStatus, string> = { open: 'red', in_progress: 'orange', replied: 'blue', closed: 'gray' };
export function FeedbackStatusBadge({ status }: { status: string }) {
  const label = useLabel();
  return (
    <Badge variant="light" color={FEEDBACK_COLORS[status as FeedbackStatus] ?? 'gray'}>
      {label(FEEDBACK_STATUS_LABELS, status)}
    </Badge>
  );
}

/** Dates typed the way staff write them (2023-4-1, 2023/4/1, 20230401) or picked; always YYYY-MM-DD. */
export function DateField(props: Omit<DateInputProps, 'value' | 'onChange'> & { value: string | null; onChange(value: string | null): void }) {
  const { value, onChange, ...rest } = props;
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      dateParser={(input) => parseDateCell(input)}
      clearable={!rest.required}
      {...rest}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
    />
  );
}

/** Saves base64 file content through the browser's download (works in the desktop app too). */
export function downloadBase64(fileName: string, base64: string, mime: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Forms submit through the form layer's hook (renderer/api/hooks.ts); kept here for the screens that import it from the families area. */
export { useSubmit } from '../api/hooks';
