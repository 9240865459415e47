import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, ApiName } from '../../electron/api/index';
import { useLang } from '../i18n';
import { ApiCallError, api } from './client';
import { notifyError } from './notify';

/** Loads data for a screen; reloads when `input` changes (compared as JSON). */
export function useApiQuery<K extends ApiName>(name: K, input: Api[K]['input'], options: { enabled?: boolean } = {}) {
  const [data, setData] = useState<Api[K]['output'] | undefined>(undefined);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const generation = useRef(0);
  const enabled = options.enabled ?? true;

  const reload = useCallback(async () => {
    if (!enabled) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await api(name, JSON.parse(key));
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mine === generation.current) setError(e instanceof ApiCallError ? e : new ApiCallError({ code: 'internal', message: String(e) }));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [name, key, enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}

/**
 * Today in the kindergarten's time zone, from the backend's clock (undefined
 * until it has answered). Screens never read the machine's clock for dates.
 */
export function useToday(): string | undefined {
  return useApiQuery('kindergarten.today', {}).data?.today;
}

/**
 * Runs a change and reports the outcome: a green note on success, the
 * backend's own message (Chinese or English) on failure. Returns the value or
 * undefined when it failed.
 */
export function useApiAction() {
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <K extends ApiName>(name: K, input: Api[K]['input'], success?: string): Promise<Api[K]['output'] | undefined> => {
      setBusy(true);
      try {
        const value = await api(name, input);
        if (success) notifications.show({ color: 'green', message: success });
        return value;
      } catch (e) {
        notifyError(e, lang);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );
  return { run, busy };
}

/**
 * Submits a form to the API: on failure shows the Chinese message and keeps
 * the per-field messages for the inputs (keys like "children.0.mobile").
 */
export function useSubmit() {
  const { lang } = useLang();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = useCallback(
    async <K extends ApiName>(name: K, input: Api[K]['input'], success?: string): Promise<Api[K]['output'] | undefined> => {
      setBusy(true);
      try {
        const value = await api(name, input);
        setErrors({});
        if (success) notifications.show({ color: 'green', message: success });
        return value;
      } catch (e) {
        const err = e instanceof ApiCallError ? e : new ApiCallError({ code: 'internal', message: String(e) });
        setErrors(err.fieldsIn(lang));
        notifyError(err, lang);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );
  /** The message for a field, looked up by its path with or without a prefix such as "value.". */
  const fieldError = useCallback(
    (path: string) => errors[path] ?? errors[`value.${path}`] ?? errors[`child.${path}`] ?? errors[`guardian.${path}`],
    [errors],
  );
  return { submit, busy, errors, fieldError, clearErrors: () => setErrors({}) };
}
