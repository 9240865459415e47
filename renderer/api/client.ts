import type { Api, ApiName } from '../../electron/api/index';
import type { ApiErrorBody, ApiResult } from '../../electron/api/errors';

/**
 * The renderer's one door to the backend. In the desktop app the preload
 * exposes `window.kd`; in browser mode the same calls go over loopback HTTP
 * with the per-run token from the URL fragment.
 */
declare global {
  interface Window {
    kd?: {
      call(request: { name: string; input: unknown; session: string | null }): Promise<ApiResult<unknown>>;
      print(route: string, session: string | null): Promise<{ spooled: boolean; reason?: string }>;
      printToPdf(route: string, session: string | null, name: string): Promise<{ saved: boolean; path?: string }>;
      /** The desktop app's folder dialog; null when cancelled. */
      chooseFolder(title: string): Promise<string | null>;
    };
  }
}

export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
  }
  get code() {
    return this.body.code;
  }
  get fields() {
    return this.body.fields ?? {};
  }
  /** Per-field messages in the interface language (the schema writes both). */
  fieldsIn(lang: 'zh' | 'en'): Record<string, string> {
    return (lang === 'en' ? this.body.fieldsEn : undefined) ?? this.fields;
  }
}

/** What to show for a failed call: the backend's sentence in the interface language. */
export function errorMessage(error: unknown, lang: 'zh' | 'en'): string {
  if (!(error instanceof ApiCallError)) return String(error);
  return lang === 'en' && error.body.messageEn ? error.body.messageEn : error.message;
}

const TOKEN_KEY = 'kd.token';
const SESSION_KEY = 'kd.session';

function httpToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '').split('/')[0]).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the token out of the address bar and history once it is stored.
    history.replaceState(null, '', `${window.location.pathname}#/`);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let session: string | null = sessionStorage.getItem(SESSION_KEY);
const sessionListeners = new Set<() => void>();

export function setSession(value: string | null) {
  session = value;
  if (value) sessionStorage.setItem(SESSION_KEY, value);
  else sessionStorage.removeItem(SESSION_KEY);
  for (const listener of sessionListeners) listener();
}
export function getSession() {
  return session;
}
export function onSessionExpired(listener: () => void) {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function initTransport() {
  if (!window.kd) httpToken();
  // A print window opened by the main process is handed the session of the window that asked.
  const handed = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('kdsession');
  if (handed) setSession(handed);
}

async function transport(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.kd) return window.kd.call({ name, input, session });
  const response = await fetch('/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kd-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    body: JSON.stringify({ name, input, session }),
  });
  return (await response.json()) as ApiResult<unknown>;
}

/** Calls a handler; resolves with its value or throws ApiCallError with a readable message. */
export async function api<K extends ApiName>(name: K, input: Api[K]['input']): Promise<Api[K]['output']> {
  let result: ApiResult<unknown>;
  try {
    result = await transport(name, input);
  } catch {
    throw new ApiCallError({ code: 'internal', message: '无法连接到园务通后台，请确认程序仍在运行。', messageEn: 'Cannot reach the KinderDesk backend.' });
  }
  if (!result.ok) {
    if (result.error.code === 'unauthenticated' && session && name !== 'auth.login') setSession(null);
    throw new ApiCallError(result.error);
  }
  return result.value as Api[K]['output'];
}
