import { Alert } from '@mantine/core';
import { type ApiCallError, errorMessage } from '../api/client';
import { useLang } from '../i18n';

export function ErrorAlert({ error }: { error: ApiCallError | null }) {
  const { lang } = useLang();
  if (!error) return null;
  return (
    <Alert color="red" title={lang === 'en' ? 'Something went wrong' : '出错了'} mb="md">
      {errorMessage(error, lang)}
    </Alert>
  );
}
