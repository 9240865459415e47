import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { navigate } from '../app/router';
import { ApiCallError, errorMessage } from './client';

/** The message of a failed call in the interface language, with the link to where it can be fixed when the backend gives one. */
export function errorContent(error: unknown, lang: 'zh' | 'en', onFollow?: () => void): ReactNode {
  const text = errorMessage(error, lang);
  const link = error instanceof ApiCallError ? error.body.link : undefined;
  if (!link) return text;
  return (
    <>
      <Text size="sm" span>
        {text}
      </Text>{' '}
      <Anchor
        size="sm"
        data-testid="error-link"
        onClick={() => {
          onFollow?.();
          navigate(link.route);
        }}
      >
        {lang === 'en' ? link.labelEn : link.label}
      </Anchor>
    </>
  );
}

/** "未保存" with the backend's message (and its link), red, long enough to read. */
export function notifyError(error: unknown, lang: 'zh' | 'en'): void {
  const id = `error-${Date.now()}`;
  notifications.show({
    id,
    color: 'red',
    title: lang === 'en' ? 'Not saved' : '未保存',
    message: errorContent(error, lang, () => notifications.hide(id)),
    autoClose: 8000,
  });
}
