import type { BrowserWindow as BrowserWindowType, WebContents } from 'electron';
import { APP_ORIGIN } from './security/window';

/**
 * Printing loads a print route (`#/print/<document>/…`) in a hidden window,
 * waits until the document has rendered, then prints it or saves a PDF.
 * The print callback only says the job was spooled, not that paper came out.
 */
export interface PrintDeps {
  createWindow(): BrowserWindowType;
  /** Asks where to save; null when the user cancels. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  writeFile(path: string, data: Buffer): Promise<void>;
}

export function printUrl(route: string, session: string | null): string {
  const clean = route.replace(/^\/+/, '');
  if (!/^[\w\-/.%]+(\?[\w\-=&%.]*)?$/.test(clean)) throw new Error('invalid print route');
  const separator = clean.includes('?') ? '&' : '?';
  return `${APP_ORIGIN}/index.html#/print/${clean}${session ? `${separator}kdsession=${encodeURIComponent(session)}` : ''}`;
}

async function waitForDocument(contents: WebContents, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await contents.executeJavaScript("document.querySelector('.kd-page') !== null && document.fonts.status === 'loaded'");
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the document did not finish rendering');
}

async function withDocument<T>(deps: PrintDeps, route: string, session: string | null, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const window = deps.createWindow();
  try {
    await window.loadURL(printUrl(route, session));
    await waitForDocument(window.webContents);
    return await use(window.webContents);
  } finally {
    window.destroy();
  }
}

export function printDocument(deps: PrintDeps, route: string, session: string | null): Promise<{ spooled: boolean; reason?: string }> {
  return withDocument(deps, route, session, (contents) =>
    new Promise((resolve) => {
      contents.print({ silent: false, printBackground: true }, (spooled, reason) => resolve({ spooled, reason: spooled ? undefined : reason }));
    }),
  );
}

export function saveDocumentAsPdf(deps: PrintDeps, route: string, session: string | null, defaultName: string): Promise<{ saved: boolean; path?: string }> {
  return withDocument(deps, route, session, async (contents) => {
    const data = await contents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    const path = await deps.chooseSavePath(defaultName);
    if (!path) return { saved: false };
    await deps.writeFile(path, data);
    return { saved: true, path };
  });
}
