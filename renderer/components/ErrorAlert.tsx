import { Alert } from '@mantine/core';
import type { ApiCallError } from '../api/client';
import { errorContent } from '../api/notify';
import { useLang } from '../i18n';

export function ErrorAlert({ error }: { error: ApiCallError | null }) {
  const { lang } = useLang();
  if (!error) return null;
  return (
    <Alert color="red" title={lang === 'en' ? 'Something went wrong' : '出错了'} mb="md">
      {errorContent(error, lang)}
    </Alert>
  );
}
